using System.Net;
using System.Net.Http.Json;
using Conference.Client;
using Conference.Domain.Show;
using Microsoft.AspNetCore.SignalR;

namespace Conference.Server.Tests.Live;

/// <summary>What a host hits in a real rehearsal: reopening a segment, starting over, starting on another day.</summary>
public class ShowRehearsalTests(DatabaseKind kind) : LiveTestBase(kind)
{
    [Test]
    public async Task Host_GoesBackToASegmentThatRan_OverTheHub_AndTheTimelineShowsBothRuns()
    {
        var conference = await CreateProgramAsync(Custom("Opening", 60), Speech, Custom("Finale"));
        var ids = conference.Segments.Select(s => s.Id).ToArray();
        var host = await ConnectAsync(conference.Id, token: (await ParticipantSessionAsync(conference.Id, "host")).Token);

        await host.StartShowAsync();
        Host.Clock.Advance(TimeSpan.FromSeconds(30));
        await host.NextAsync();
        Host.Clock.Advance(TimeSpan.FromSeconds(10));
        var back = await host.GoToAsync(ids[0]);

        Assert.That(back.CurrentSegmentId, Is.EqualTo(ids[0]));
        var timeline = await Read<ShowTimelineView>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/show/timeline"));
        Assert.That(timeline.Segments[0].Runs, Has.Count.EqualTo(2));
        Assert.That(timeline.Segments[0].Progress, Is.EqualTo(SegmentProgress.Running));
        Assert.That(timeline.Segments[1].Runs, Has.Count.EqualTo(1));
        Assert.That(timeline.Segments[1].Progress, Is.EqualTo(SegmentProgress.Completed));
    }

    [Test]
    public async Task HostResetsARehearsal_OverTheHub_EveryoneSeesNotStarted_AndTheLiveShowStartsClean()
    {
        var conference = await CreateProgramAsync(Custom("Opening", 60), Speech);
        var host = await ConnectAsync(conference.Id, token: (await ParticipantSessionAsync(conference.Id, "host")).Token);
        var viewer = await ConnectAsync(conference.Id, LiveProtocol.MessagePack, (await ParticipantSessionAsync(conference.Id, "attendee")).Token);
        await host.StartShowAsync();
        await host.NextAsync();

        var reset = await host.ResetShowAsync();
        var seen = await WaitForAsync(viewer, s => s.Revision == reset.Revision);

        Assert.That(seen.Status, Is.EqualTo(ShowStatus.NotStarted));
        Assert.That(seen.Runs, Is.Empty, "a viewer holding the rehearsal's runs drops them");
        Assert.That(seen.StartedAt, Is.Null);

        Host.Clock.Advance(TimeSpan.FromMinutes(5));
        var live = await host.StartShowAsync();
        Assert.That(live.Runs.Select(r => r.SegmentId), Is.EqualTo(new[] { conference.Segments[0].Id }));
        var timeline = await Read<ShowTimelineView>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/show/timeline"));
        Assert.That(timeline.Rehearsals, Has.Count.EqualTo(1));
        Assert.That(timeline.Rehearsals[0].Runs, Has.Count.EqualTo(2));
        Assert.That(timeline.Segments[0].Runs, Has.Count.EqualTo(1), "the rehearsal is not in the live figures");
    }

    [Test]
    public async Task Reset_OverRest_ByTheOrganizer_Works_AndByAnAttendee_Is403()
    {
        var conference = await CreateProgramAsync(Custom("Opening", 60));
        using var attendee = await ParticipantClientAsync(conference.Id, "attendee");
        var started = await Read<LiveShowState>(await PostShowAsync(conference.Id, "start", new { expectedRevision = 0 }));

        await Problem(await attendee.PostAsJsonAsync($"/api/conferences/{conference.Id}/show/reset", new { expectedRevision = started.Revision }), HttpStatusCode.Forbidden);
        var reset = await Read<LiveShowState>(await PostShowAsync(conference.Id, "reset", new { expectedRevision = started.Revision }));
        Assert.That(reset.Status, Is.EqualTo(ShowStatus.NotStarted));
        Assert.That(reset.Revision, Is.EqualTo(started.Revision + 2), "the running segment ends, then the show resets: the log is kept");

        var again = await Problem(await PostShowAsync(conference.Id, "reset", new { expectedRevision = reset.Revision }), HttpStatusCode.Conflict);
        Assert.That((string?)again["detail"], Does.Contain("nothing to reset"));
    }

    [Test]
    public async Task Reset_SurvivesARestart_TheShowIsStillNotStarted()
    {
        var conference = await CreateProgramAsync(Custom("Opening", 60));
        var started = await Read<LiveShowState>(await PostShowAsync(conference.Id, "start", new { expectedRevision = 0 }));
        await Read<LiveShowState>(await PostShowAsync(conference.Id, "reset", new { expectedRevision = started.Revision }));

        await using var restarted = new ApiHost(Database, null);
        using var organizer = restarted.CreateOrganizerClient();
        var show = await Read<LiveShowState>(await organizer.GetAsync($"/api/conferences/{conference.Id}/show"));
        Assert.That(show.Status, Is.EqualTo(ShowStatus.NotStarted));
        Assert.That(show.Revision, Is.EqualTo(started.Revision + 2));
    }

    [Test]
    public async Task AShowStartedWeeksEarly_IsNotWeeksAhead()
    {
        var conference = await CreateProgramAsync(Custom("Opening", 60), Custom("Talk", 300));
        Assert.That(conference.ScheduledStart - Host.Clock.GetUtcNow(), Is.GreaterThan(TimeSpan.FromDays(28)), "the test clock is weeks before the show");
        var started = await Read<LiveShowState>(await PostShowAsync(conference.Id, "start", new { expectedRevision = 0 }));
        Host.Clock.Advance(TimeSpan.FromSeconds(90));

        var timeline = await Read<ShowTimelineView>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/show/timeline"));

        Assert.That(timeline.PlanShift, Is.EqualTo(started.StartedAt!.Value - conference.ScheduledStart));
        Assert.That(timeline.CurrentDelay, Is.EqualTo(TimeSpan.FromSeconds(30)), "only the opening's 30 s overrun");
        Assert.That(timeline.Segments[0].PlannedStart, Is.EqualTo(started.StartedAt));
    }

    [Test]
    public async Task Attendee_CannotResetOverTheHub()
    {
        var conference = await CreateProgramAsync(Custom("Opening", 60));
        var attendee = await ConnectAsync(conference.Id, token: (await ParticipantSessionAsync(conference.Id, "attendee")).Token);
        await Read<LiveShowState>(await PostShowAsync(conference.Id, "start", new { expectedRevision = 0 }));

        var error = Assert.ThrowsAsync<HubException>(() => attendee.ResetShowAsync(2));
        Assert.That(error!.Message, Does.Contain("role does not allow"));
    }
}
