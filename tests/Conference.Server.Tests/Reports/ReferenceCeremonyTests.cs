using System.Net;
using Conference.Domain.Reports;
using Conference.Domain.Show;
using Conference.Server.Media;
using Conference.Server.Tests.Media;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Conference.Server.Tests.Reports;

/// <summary>
/// The reference ceremony end to end, in process, on each database: 500 participants from 77 countries
/// joining and leaving the (simulated) call at planned instants on a fake clock, a program run live with
/// an overrun and an underrun, 42 medals to people from 24 countries called up one per cue (two absent,
/// one deferred and called again), a media outage of 90 s; then the report's figures, exactly, and the
/// same report from a new server on the same database.
/// </summary>
[TestFixture(DatabaseKind.Sqlite)]
[TestFixture(DatabaseKind.Postgres)]
[NonParallelizable]
public sealed partial class ReferenceCeremonyTests(DatabaseKind kind)
{
    private static readonly DateTimeOffset S = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private const string Medal = "For service in diaspora activity";

    private static readonly string[] Codes =
    [
        "AZ", "TR", "RU", "DE", "US", "GB", "FR", "GE", "UA", "KZ", "UZ", "IL", "CA", "NL", "BE", "SE", "NO", "FI", "DK", "PL",
        "IT", "ES", "PT", "AT", "CH", "CZ", "HU", "RO", "BG", "GR", "LT", "LV", "EE", "BY", "MD", "AM", "IR", "IQ", "SA", "AE",
        "QA", "KW", "EG", "MA", "DZ", "TN", "IN", "PK", "CN", "JP", "KR", "ID", "MY", "TH", "VN", "PH", "AU", "NZ", "BR", "AR",
        "MX", "CL", "CO", "PE", "ZA", "NG", "KE", "ET", "TM", "KG", "TJ", "MN", "AF", "LB", "JO", "CY", "IE",
    ];

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Test]
    public async Task ReferenceCeremony_ReportsItsFiguresExactly_AndTheSameAfterARestart()
    {
        Assert.That(Codes.Distinct().Count(), Is.EqualTo(77));
        await using var database = TestDatabase.Create(kind);
        string before;
        Guid conferenceId;
        await using (var host = new ApiHost(database, new Dictionary<string, string?> { ["Media:ReconcileInterval"] = "1.00:00:00", ["Media:RetryAttempts"] = "1" }))
        {
            host.Clock.SetUtcNow(S.AddMinutes(-30));
            await using var factory = host.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
                services.AddSingleton<IMediaProvider>(sp => new FlakyProvider(sp.GetRequiredService<SimulatedMediaProvider>()))));
            using var organizer = factory.CreateClient();
            organizer.DefaultRequestHeaders.Authorization = new("Bearer", ApiHost.OrganizerKey);
            var run = new CeremonyRun(host, factory, organizer);
            conferenceId = await run.PrepareAsync();
            await run.JoinAndLeaveAsync(until: S);
            await run.RunShowAsync();
            await run.JoinAndLeaveAsync(until: S.AddMinutes(60));

            before = await Text(organizer.GetAsync($"/api/conferences/{conferenceId}/report"));
            var report = System.Text.Json.JsonSerializer.Deserialize<PostEventReport>(before, ApiTestBase.Json)!;
            AssertProgram(report.Program);
            AssertAttendance(report.Attendance);
            AssertAwards(report.Awards);
            Assert.That((report.Appeals.Played, report.Appeals.Skipped, report.Appeals.ByCountry), Is.EqualTo((0, 0, Array.Empty<CountryAppeals>())));
            Assert.That(report.Media.Items, Is.EqualTo(new[] { new MediaIncident(S.AddMinutes(6), S.AddMinutes(7.5), 90, "Media server unavailable (503).") }));
            Assert.That(report.Media.DegradedSeconds, Is.EqualTo(90));
            Assert.That(run.Calls, Has.Count.EqualTo(43), "42 called once, the deferred one twice");
            await AssertFilesAsync(organizer, conferenceId, before);
        }

        // A new server on the same database, later: the report comes from the records alone.
        await using var restarted = new ApiHost(database);
        restarted.Clock.SetUtcNow(S.AddMinutes(60));
        using var again = restarted.CreateOrganizerClient();
        var after = await Text(again.GetAsync($"/api/conferences/{conferenceId}/report"));
        Assert.That(after, Is.EqualTo(before));
    }

    private static void AssertProgram(ProgramSection program)
    {
        Assert.That(program.Status, Is.EqualTo(ShowStatus.Ended));
        Assert.That((program.PlannedStart, program.PlannedEnd, program.PlannedSeconds), Is.EqualTo((S, S.AddMinutes(48), 2880)));
        Assert.That((program.ActualStart, program.ActualEnd, program.ActualSeconds), Is.EqualTo(((DateTimeOffset?)S.AddMinutes(1), (DateTimeOffset?)S.AddMinutes(50), (int?)2940)));
        Assert.That((program.OverUnderSeconds, program.EndDelaySeconds), Is.EqualTo(((int?)60, 120)));
        Assert.That(
            program.Segments.Select(s => (s.Title, s.ActualStart, s.ActualEnd, s.ActualSeconds, s.OverUnderSeconds, s.Runs.Count)),
            Is.EqualTo(new (string, DateTimeOffset?, DateTimeOffset?, int?, int?, int)[]
        {
            ("Anthem", S.AddMinutes(1), S.AddMinutes(3), 120, 0, 1),
            ("Minute of silence", S.AddMinutes(3), S.AddMinutes(4), 60, 0, 1),
            ("Address of the Chairman", S.AddMinutes(4), S.AddMinutes(15), 660, 60, 1),
            ("Medals", S.AddMinutes(15), S.AddMinutes(44), 1740, -60, 1),
            ("Closing", S.AddMinutes(44), S.AddMinutes(50), 360, 60, 1),
        }));
        Assert.That(program.Segments.Select(s => (s.PlannedStart, s.PlannedSeconds)), Is.EqualTo(new[]
        {
            (S, 120), (S.AddMinutes(2), 60), (S.AddMinutes(3), 600), (S.AddMinutes(13), 1800), (S.AddMinutes(43), 300),
        }));
        Assert.That(program.Segments.Select(s => s.Runs[0].EndReason), Is.EqualTo(new SegmentEndReason?[]
        {
            SegmentEndReason.Deadline, SegmentEndReason.Deadline, SegmentEndReason.Host, SegmentEndReason.Host, SegmentEndReason.ShowEnded,
        }));
    }

    private static void AssertAttendance(AttendanceSection attendance)
    {
        Assert.That((attendance.UniqueParticipants, attendance.Countries, attendance.Stays), Is.EqualTo((500, 77, 560)));
        Assert.That((attendance.PeakConcurrent, attendance.PeakAt), Is.EqualTo((500, (DateTimeOffset?)S.AddMinutes(-1))));
        Assert.That(attendance.ByCountry.Sum(c => c.Participants), Is.EqualTo(500));
        Assert.That(attendance.ByCountry.Count(c => c.Participants == 7), Is.EqualTo(38), "500 = 77 × 6 + 38");
        Assert.That(attendance.ByCountry.Count(c => c.Participants == 6), Is.EqualTo(39));
        Assert.That(attendance.ByRole.Select(r => (r.Role, r.Participants)), Is.EqualTo(new[]
        {
            ("host", 2), ("producer", 2), ("speaker", 4), ("awardee", 42), ("attendee", 492),
        }));

        Assert.That(attendance.PerMinute, Has.Count.EqualTo(63), "from 10 minutes before the start to 52 after");
        Assert.That(attendance.PerMinute.Sum(m => m.Arrivals), Is.EqualTo(550));
        Assert.That(attendance.PerMinute.Sum(m => m.Departures), Is.EqualTo(550));
        Assert.That(attendance.PerMinute.Where(m => m.Arrivals + m.Departures > 0).Select(m => (m.Minute, m.Arrivals, m.Departures, m.PresentAtEnd)),
            Is.EqualTo(Enumerable.Range(0, 10).Select(k => (S.AddMinutes(k - 10), 50, 0, 50 * (k + 1))).Concat(new[]
            {
                (S.AddMinutes(20), 0, 50, 450), (S.AddMinutes(21), 50, 0, 500), (S.AddMinutes(30), 0, 50, 450), (S.AddMinutes(52), 0, 450, 0),
            })));

        // Stays per person: 0-9 stay 62 min (their second tab counts once), groups of 50 join a minute apart and
        // stay to +52; 400-449 leave for a minute at +20; 450-499 leave at +30.
        var minutes = Enumerable.Range(0, 500).Select(i => i < 400 ? 62 - (i / 50) : i < 450 ? 53 : 31).Order().ToList();
        Assert.That(attendance.Stayed.LongestSeconds, Is.EqualTo(62 * 60));
        Assert.That(attendance.Stayed.ShortestSeconds, Is.EqualTo(31 * 60));
        Assert.That(attendance.Stayed.MedianSeconds, Is.EqualTo((minutes[249] + minutes[250]) * 30));
        Assert.That(attendance.Stayed.AverageSeconds, Is.EqualTo((int)(minutes.Sum() * 60 / 500.0)));
        Assert.That(attendance.Stayed.Buckets.Select(b => b.Participants), Is.EqualTo(new[] { 0, 0, 0, 350, 150, 0 }));
    }

    private static void AssertAwards(AwardsSection awards)
    {
        Assert.That((awards.Awards, awards.Recipients, awards.Countries), Is.EqualTo((1, 42, 24)));
        Assert.That((awards.Presented, awards.Absent, awards.Deferred, awards.NotMarked, awards.DeferredThenPresented, awards.CountriesPresented),
            Is.EqualTo((40, 2, 0, 0, 1, 24)));
        Assert.That(awards.Summary, Is.EqualTo($"42 '{Medal}' to people from 24 countries: 40 presented on air, 2 absent, 0 deferred, 0 not marked."));
        Assert.That(awards.ByCountry.Sum(c => c.Recipients), Is.EqualTo(42));
        Assert.That(awards.ByCountry.Count(c => c.Recipients == 2), Is.EqualTo(18));
        Assert.That(awards.ByCountry.Where(c => c.Absent > 0).Select(c => (c.Country, c.Recipients, c.Presented)),
            Is.EquivalentTo(new[] { (Codes[8], 2, 1), (Codes[9], 2, 1) }));
        var standings = awards.Items.Single().Tally.Standings;
        Assert.That(standings.Select(s => s.Position), Is.EqualTo(Enumerable.Range(0, 42)));
        Assert.That(standings.Select(s => s.Country), Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal), "called up by country, then name");
    }

    private static async Task AssertFilesAsync(HttpClient organizer, Guid conferenceId, string json)
    {
        var awardsCsv = await Text(organizer.GetAsync($"/api/conferences/{conferenceId}/report/awards.csv"));
        var lines = awardsCsv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(43));
        Assert.That(lines[0], Is.EqualTo("award,position,name,country,citation,outcome,markedAt,wasDeferred"));
        Assert.That(awardsCsv, Does.Contain("'=HYPERLINK"), "a name that looks like a formula is neutralized");
        var program = await Text(organizer.GetAsync($"/api/conferences/{conferenceId}/report/program.csv"));
        Assert.That(program, Does.Contain(
            "4,Medals,awardsCeremony,completed,2026-11-23T10:13:00Z,2026-11-23T10:43:00Z,1800,"
            + "2026-11-23T10:15:00Z,2026-11-23T10:44:00Z,2026-11-23T10:15:00Z,2026-11-23T10:44:00Z,1740,-60,1"));
        var minutes = await Text(organizer.GetAsync($"/api/conferences/{conferenceId}/report/attendance-per-minute.csv"));
        Assert.That(minutes, Does.Contain("2026-11-23T10:21:00Z,50,0,500"));

        using var page = await organizer.GetAsync($"/api/conferences/{conferenceId}/report.html");
        var html = await page.Content.ReadAsStringAsync();
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.That(policy, Does.Contain("script-src 'self';").And.Contain("style-src 'self';").And.Not.Contain("unsafe-inline"));
        Assert.That(html, Does.Contain("<svg").And.Contain("href=\"/assets/report.css\"").And.Contain("&lt;script&gt;"));
        Assert.That(html, Does.Not.Contain("<script").And.Not.Contain(" style=").And.Not.Contain("<style"));

        foreach (var text in new[] { json, awardsCsv, program, minutes, html })
        {
            Assert.That(text, Does.Not.Contain("@example.org"), "no participant e-mail appears in the report");
        }
    }

    private static async Task<string> Text(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, text);
        return text;
    }

    /// <summary>Waits (in real time) for something the server does in the background after a fake-clock move.</summary>
    private static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting for {what}.");
            }

            await Task.Delay(20);
        }
    }
}
