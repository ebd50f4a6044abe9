using System.Net.Http.Json;
using Conference.Domain.Show;
using Conference.Server.Features.Conferences;

namespace Conference.Server.Tests.Live;

/// <summary>
/// Recovery on each database: a second host started on the same database later (fake clock)
/// replays the log and closes every auto-advance segment that fell due meanwhile, at its deadline.
/// </summary>
[TestFixture(DatabaseKind.Sqlite)]
[TestFixture(DatabaseKind.Postgres)]
public class ShowRecoveryTests(DatabaseKind kind)
{
    [Test]
    public async Task Restart_AfterTwoAutoSegmentsFellDue_ClosesEachAtItsDeadlineAndRunsTheNext()
    {
        await using var database = TestDatabase.Create(kind);
        Guid conferenceId;
        DateTimeOffset startedAt;
        await using (var first = new ApiHost(database))
        {
            using var organizer = first.CreateOrganizerClient();
            var conference = await ApiJson<ConferenceDto>(organizer.PostAsJsonAsync("/api/conferences", new
            {
                title = "Recovery", scheduledStart = "2026-11-23T09:00:00Z", timeZone = "Asia/Baku", languages = new[] { "az" },
            }));
            foreach (var (title, seconds, end) in new[] { ("Anthem", 60, "autoAdvance"), ("Silence", 30, "autoAdvance"), ("Address", 600, "manual") })
            {
                conference = await ApiJson<ConferenceDto>(organizer.PostAsJsonAsync($"/api/conferences/{conference.Id}/segments",
                    new { expectedRevision = conference.Revision, kind = "custom", title, durationSeconds = seconds, endMode = end }));
            }

            var started = await ApiJson<LiveShowState>(organizer.PostAsJsonAsync($"/api/conferences/{conference.Id}/show/start", new { expectedRevision = 0 }));
            (conferenceId, startedAt) = (conference.Id, started.SegmentStartedAt!.Value);
        }

        await using var second = new ApiHost(database);
        second.Clock.SetUtcNow(startedAt + TimeSpan.FromSeconds(100));
        using var client = second.CreateOrganizerClient();
        var state = await ApiJson<LiveShowState>(client.GetAsync($"/api/conferences/{conferenceId}/show"));

        Assert.That(state.Runs.Select(r => (r.EndedAt, r.EndReason)), Is.EqualTo(new (DateTimeOffset?, SegmentEndReason?)[]
        {
            (startedAt + TimeSpan.FromSeconds(60), SegmentEndReason.Deadline),
            (startedAt + TimeSpan.FromSeconds(90), SegmentEndReason.Deadline),
            (null, null),
        }));
        Assert.That(state.CurrentSegmentTitle, Is.EqualTo("Address"));
        Assert.That(state.SegmentStartedAt, Is.EqualTo(startedAt + TimeSpan.FromSeconds(90)));
    }

    private static async Task<T> ApiJson<T>(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, text);
        return System.Text.Json.JsonSerializer.Deserialize<T>(text, ApiTestBase.Json)!;
    }
}
