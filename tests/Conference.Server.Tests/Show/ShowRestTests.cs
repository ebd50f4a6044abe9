using System.Net;
using System.Net.Http.Json;
using Conference.Client;
using Conference.Domain.Show;
using Conference.Server.Tests.Live;

namespace Conference.Server.Tests.Show;

public class ShowRestTests(DatabaseKind kind) : LiveTestBase(kind)
{
    [Test]
    public async Task RestMirror_DrivesTheWholeShow_AndHubClientsSeeIt()
    {
        var conference = await CreateProgramAsync(Speech, Custom("Appeals"), Custom("Skipped"), Custom("Finale"));
        var ids = conference.Segments.Select(s => s.Id).ToArray();
        var viewer = await ConnectAsync(conference.Id, LiveProtocol.MessagePack);

        var state = await Send("start", new { expectedRevision = 0 }, conference.Id);
        state = await Send("adjust-time", new { expectedRevision = state.Revision, deltaSeconds = 120 });
        state = await Send("pause", new { expectedRevision = state.Revision });
        state = await Send("resume", new { expectedRevision = state.Revision });
        state = await Send("skip", new { expectedRevision = state.Revision, segmentId = ids[2] });
        state = await Send("goto", new { expectedRevision = state.Revision, segmentId = ids[1] });
        state = await Send("cue", new { expectedRevision = state.Revision });
        state = await Send("cue", new { expectedRevision = state.Revision, cueIndex = 4 });
        state = await Send("message", new { expectedRevision = state.Revision, audience = "speakers", text = "Wrap up" });
        state = await Send("next", new { expectedRevision = state.Revision });
        state = await Send("end", new { expectedRevision = state.Revision });
        var seen = await WaitForAsync(viewer, s => s.Revision == state.Revision);

        Assert.That(state.Status, Is.EqualTo(ShowStatus.Ended));
        Assert.That(seen.Runs.Select(r => r.SegmentId), Is.EqualTo(new[] { ids[0], ids[1], ids[3] }));
        Assert.That(seen.SkippedSegmentIds, Is.EqualTo(new[] { ids[2] }));
        Assert.That(seen.Runs[0].AddedTime, Is.EqualTo(TimeSpan.FromMinutes(2)));

        var fetched = await Read<LiveShowState>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/show"));
        Assert.That(fetched.Revision, Is.EqualTo(state.Revision));
    }

    [Test]
    public async Task Timeline_ShowsPlannedExpectedAndActualWithOverrun()
    {
        var conference = await CreateProgramAsync(Custom("Opening", 60), Custom("Talk", 300));
        var viewer = await ConnectAsync(conference.Id);
        var started = await Send("start", new { expectedRevision = 0 }, conference.Id);
        await WaitForAsync(viewer, s => s.Revision == started.Revision);
        Host.Clock.Advance(TimeSpan.FromSeconds(90));

        var timeline = await Read<ShowTimelineView>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/show/timeline"));
        var local = ShowTimeline.Compute(viewer.Show!.ToShowState(), viewer.Snapshot!.Program, Host.Clock.GetUtcNow());
        Assert.That(local.Segments, Is.EqualTo(timeline.Segments), "a client projects the same timelines from the anchors it received");
        Assert.That(local.ProjectedEnd, Is.EqualTo(timeline.ProjectedEnd));

        var now = Host.Clock.GetUtcNow();
        Assert.That(timeline.Segments[0].Progress, Is.EqualTo(SegmentProgress.Running));
        Assert.That(timeline.Segments[0].ActualStart, Is.EqualTo(now.AddSeconds(-90)));
        Assert.That(timeline.Segments[0].ExpectedEnd, Is.EqualTo(now), "an overrunning segment has lasted at least until now");
        Assert.That(timeline.Segments[1].ExpectedStart, Is.EqualTo(now));
        Assert.That(timeline.ProjectedEnd, Is.EqualTo(now.AddSeconds(300)));
    }

    [Test]
    public async Task BadInput_IsProblemDetailsNamingTheField()
    {
        var conference = await CreateProgramAsync(Speech);
        var id = conference.Id;

        await ValidationProblem(await PostShowAsync(id, "start", new { }), "expectedRevision");
        await ValidationProblem(await PostShowAsync(id, "start", new { expectedRevision = -1 }), "expectedRevision");
        await ValidationProblem(await PostShowAsync(id, "adjust-time", new { expectedRevision = 0, deltaSeconds = 0 }), "deltaSeconds");
        await ValidationProblem(await PostShowAsync(id, "goto", new { expectedRevision = 0 }), "segmentId");
        await ValidationProblem(await PostShowAsync(id, "message", new { expectedRevision = 0, audience = "speakers", text = " " }), "text");
        var unknownField = await Problem(await PostShowAsync(id, "next", new { expectedRevision = 0, extra = 1 }), HttpStatusCode.BadRequest);
        Assert.That((string?)unknownField["detail"], Does.Contain("'extra"));
        var early = await Problem(await PostShowAsync(id, "next", new { expectedRevision = 0 }), HttpStatusCode.Conflict);
        Assert.That((string?)early["detail"], Is.EqualTo("The show has not started."));
        await Problem(await PostShowAsync(Guid.NewGuid(), "start", new { expectedRevision = 0 }), HttpStatusCode.NotFound);
        await Problem(await Anonymous.PostAsJsonAsync($"/api/conferences/{id}/show/start", new { expectedRevision = 0 }), HttpStatusCode.Unauthorized);
        await Problem(await Anonymous.GetAsync($"/api/conferences/{id}/show"), HttpStatusCode.Unauthorized);
        await Problem(await Anonymous.GetAsync($"/api/conferences/{id}/show?access_token={ApiHost.OrganizerKey}"), HttpStatusCode.Unauthorized);
    }

    private static readonly string[] CommandActions =
        ["start", "next", "goto", "pause", "resume", "adjust-time", "skip", "cue", "message", "end"];

    private static IEnumerable<TestCaseData> BadBodies() =>
        from action in CommandActions
        from bad in Api.BadInputTests.BadBodies.Cast<object[]>()
        select new TestCaseData(action, bad[1], bad[2]).SetArgDisplayNames(action, (string)bad[0]);

    [TestCaseSource(nameof(BadBodies))]
    public async Task BadBody_OnEveryShowCommand_IsA4xxProblem_AndChangesNothing(string action, string body, HttpStatusCode expected)
    {
        var conference = await CreateProgramAsync(Speech);
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        await Problem(await Organizer.PostAsync($"/api/conferences/{conference.Id}/show/{action}", content), expected);

        var state = await Read<LiveShowState>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/show"));
        Assert.That(state.Revision, Is.Zero);
    }

    private Guid _conferenceId;

    private async Task<LiveShowState> Send(string action, object body, Guid? conferenceId = null)
    {
        _conferenceId = conferenceId ?? _conferenceId;
        return await Read<LiveShowState>(await PostShowAsync(_conferenceId, action, body));
    }
}
