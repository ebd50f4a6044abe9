using System.Net.Http.Json;
using Conference.LiveKit;
using Conference.LiveKit.Emulator;
using Conference.Server.Features.Conferences;
using Conference.Server.Media;

namespace Conference.Server.Tests.Media;

/// <summary>
/// The running server on the LiveKit provider, pointed at the LiveKit-protocol emulator: while the
/// emulator answers 503 the show goes on and hosts see "degraded"; when it recovers, the periodic
/// reconcile brings the call in line. Emulator conformance, not LiveKit compatibility.
/// </summary>
public class ServerMediaOutageTests
{
    [Test]
    public async Task EmulatorDown_ShowCommandsSucceed_MediaDegraded_ThenConvergesOnTheNextReconcile()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Media:Provider"] = "LiveKit",
            ["Media:ReconcileInterval"] = "00:00:10",
            ["Media:RetryAttempts"] = "1",
            // Retries and their delays run on the host's fake clock, which only the test moves.
            ["LiveKit:MaxRetryAttempts"] = "0",
            ["LiveKit:CircuitBreakerMinimumThroughput"] = "1000",
        };
        await using var database = TestDatabase.Create(DatabaseKind.Sqlite);
        await using var host = new ApiHost(database, settings);
        await using var emulator = await LiveKitEmulator.StartAsync(timeProvider: host.Clock);
        settings["LiveKit:Url"] = emulator.Url.ToString();
        settings["LiveKit:ApiKey"] = emulator.ApiKey;
        settings["LiveKit:ApiSecret"] = emulator.ApiSecret;
        using var organizer = host.CreateOrganizerClient();

        var conference = await Create(organizer);
        var room = MediaRooms.For(conference.Id);
        emulator.AddParticipant(room, "guest", new TrackInfo { Sid = "TR_guest", Type = TrackType.Audio, Source = TrackSource.Microphone });
        emulator.Faults.FailNext(100_000);

        var start = await organizer.PostAsJsonAsync($"/api/conferences/{conference.Id}/show/start", new { expectedRevision = 0 });
        Assert.That(start.IsSuccessStatusCode, Is.True, "the show starts although the media server is down");
        var degraded = await Until(organizer, conference.Id, s => s.State == MediaSyncState.Degraded);
        Assert.That(degraded.Error, Does.Contain("unavailable"));
        Assert.That(emulator.FindParticipant(room, "guest")!.Permission!.CanPublish, Is.True, "nothing could be applied yet");

        emulator.Faults.Reset();
        host.Clock.Advance(TimeSpan.FromSeconds(10));
        await Until(organizer, conference.Id, s => s.State == MediaSyncState.InSync);
        Assert.That(emulator.FindParticipant(room, "guest")!.Permission!.CanPublish, Is.False, "the minute of silence locks the room");
        Assert.That(emulator.FindParticipant(room, "guest")!.Tracks, Is.Empty, "revoking publish unpublished the open microphone");
    }

    private static async Task<ConferenceDto> Create(HttpClient organizer)
    {
        var created = await organizer.PostAsJsonAsync("/api/conferences", new
        {
            title = "Outage drill", scheduledStart = "2026-12-31T11:00:00Z", timeZone = "Asia/Baku", languages = new[] { "az" },
        });
        var conference = (await created.Content.ReadFromJsonAsync<ConferenceDto>(ApiTestBase.Json))!;
        var added = await organizer.PostAsJsonAsync($"/api/conferences/{conference.Id}/segments", new
        {
            expectedRevision = conference.Revision, kind = "minuteOfSilence", title = "Minute of silence",
        });
        Assert.That(added.IsSuccessStatusCode, Is.True, await added.Content.ReadAsStringAsync());
        return conference;
    }

    /// <summary>The director works in the background: poll its status, bounded (waiting for work, never for a timer).</summary>
    private static Task<MediaStatus> Until(HttpClient organizer, Guid conferenceId, Func<MediaStatus, bool> condition) =>
        Eventually.Value(
            async () => (await organizer.GetFromJsonAsync<MediaStatus>($"/api/conferences/{conferenceId}/media/status", ApiTestBase.Json))!,
            condition,
            TimeSpan.FromSeconds(20));
}
