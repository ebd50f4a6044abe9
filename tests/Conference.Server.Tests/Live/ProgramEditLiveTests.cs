using System.Net.Http.Json;
using Conference.Domain.Show;
using Conference.Server.Features.Conferences;

namespace Conference.Server.Tests.Live;

/// <summary>Editing the program during the show: the running segment's timer follows, and clients pick up the new plan.</summary>
public class ProgramEditLiveTests(DatabaseKind kind) : LiveTestBase(kind)
{
    [Test]
    public async Task ShorteningTheRunningAutoSegment_MovesItsDeadline_AndClientsResync()
    {
        var conference = await CreateProgramAsync(Silence, Speech);
        var viewer = await ConnectAsync(conference.Id);
        var resynced = new TaskCompletionSource<ShowSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        viewer.Resynced += (_, snapshot) => resynced.TrySetResult(snapshot);
        await Read<LiveShowState>(await PostShowAsync(conference.Id, "start", new { expectedRevision = 0 }));

        var current = await Read<ConferenceDto>(await Anonymous.GetAsync($"/api/conferences/{conference.Id}"));
        var edit = await Organizer.PutAsJsonAsync($"/api/conferences/{conference.Id}/segments/{current.Segments[0].Id}", new
        {
            expectedRevision = current.Revision, kind = "minuteOfSilence", title = "Thirty seconds of silence", durationSeconds = 30,
        });
        var edited = await Read<ConferenceDto>(edit);

        var snapshot = await resynced.Task.WaitAsync(Patience);
        Assert.That(snapshot.Show.ProgramRevision, Is.EqualTo(edited.Revision));
        Assert.That(snapshot.Program.Segments[0].PlannedDuration, Is.EqualTo(TimeSpan.FromSeconds(30)));

        Host.Clock.Advance(TimeSpan.FromSeconds(30));
        var advanced = await WaitForAsync(viewer, s => s.CurrentSegmentId == conference.Segments[1].Id);
        Assert.That(advanced.SegmentStartedAt, Is.EqualTo(snapshot.Show.SegmentStartedAt!.Value.AddSeconds(30)));
        Assert.That(advanced.Runs[0].EndReason, Is.EqualTo(SegmentEndReason.Deadline));
    }
}
