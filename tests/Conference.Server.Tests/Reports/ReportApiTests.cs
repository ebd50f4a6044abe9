using System.Net;
using System.Net.Http.Json;
using Conference.Domain.Awards;
using Conference.Domain.Participants;
using Conference.Domain.Reports;
using Conference.Domain.Show;
using Conference.Server.Features.Awards;
using Conference.Server.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Conference.Server.Tests.Reports;

/// <summary>The report's edges: before the show, after a rehearsal and its reset, bad input, and the marks' rules.</summary>
public class ReportApiTests(DatabaseKind kind) : ApiTestBase(kind)
{
    [Test]
    public async Task Report_BeforeTheShow_HasEverySectionEmpty_NotMissing()
    {
        var conference = await AddSegmentAsync(await CreateConferenceAsync(), new { kind = "custom", title = "Talk", durationSeconds = 300 });

        var report = await Read<PostEventReport>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/report"));

        Assert.That(report.Program.Status, Is.EqualTo(ShowStatus.NotStarted));
        Assert.That(report.Program.Segments.Single().Runs, Is.Empty);
        Assert.That((report.Attendance.UniqueParticipants, report.Attendance.PerMinute.Count), Is.EqualTo((0, 0)));
        Assert.That(report.Awards.Summary, Is.EqualTo("No awards were given."));
        Assert.That(report.Appeals.ByCountry, Is.Empty);
        Assert.That(report.Media.Items, Is.Empty);
        var csv = await Organizer.GetAsync($"/api/conferences/{conference.Id}/report/media-incidents.csv");
        Assert.That(csv.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
        Assert.That((await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF'), Is.EqualTo("from,to,seconds,error\r\n"));
    }

    [Test]
    public async Task ReportPage_AskedInEachLanguage_IsWrittenInIt_AndEnglishOtherwise()
    {
        Assert.That(Features.Reports.ReportTexts.CatalogSizes(),
            Has.All.Matches<(string Language, int Count)>(c => c.Count == Features.Reports.ReportTexts.KeyCount), "every language has every text");
        var conference = await AddSegmentAsync(await CreateConferenceAsync(), new { kind = "custom", title = "Talk", durationSeconds = 300 });
        async Task<string> Page(string query, string? acceptLanguage = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/conferences/{conference.Id}/report.html{query}");
            if (acceptLanguage is not null)
            {
                request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
            }

            using var response = await Organizer.SendAsync(request);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            return await response.Content.ReadAsStringAsync();
        }

        Assert.That(await Page("?lang=az"), Does.Contain("<html lang=\"az\"").And.Contain("<h2>Rəqəmlərlə</h2>").And.Contain("<th>Seqment</th>"));
        Assert.That(await Page("?lang=ru"), Does.Contain("<html lang=\"ru\"").And.Contain("<h2>Программа</h2>"));
        Assert.That(await Page("", "tr-TR, en;q=0.5"), Does.Contain("<html lang=\"tr\"").And.Contain("<h2>Rakamlarla</h2>"));
        Assert.That(await Page("?lang=xx"), Does.Contain("<html lang=\"en\"").And.Contain("<h2>In figures</h2>"));

        // The stay chart's ranges are written in the page's units, not the API's English labels.
        var az = await Page("?lang=az");
        Assert.That(az, Does.Contain("&lt; 5 dəq").And.Contain("15–30 dəq").And.Contain("1–2 saat").And.Contain("≥ 2 saat").And.Not.Contain("under 5 min"));
        Assert.That(await Page("?lang=en"), Does.Contain("&lt; 5 min").And.Contain("≥ 2 h"));
    }

    [Test]
    public void ReportTexts_WordAfterANumber_TakesTheFormTheNumberAsksFor()
    {
        Assert.That(Features.Reports.ReportTexts.MisshapenChoices(), Is.Empty, "each choice gives its language's number of forms");
        var en = Features.Reports.ReportTexts.For("en");
        var ru = Features.Reports.ReportTexts.For("ru");
        Assert.That(en.Format("attendanceLine", 1, 1, 1, 1), Is.EqualTo("1 person from 1 country (1 connection); at most 1 at once"));
        Assert.That(en.Format("attendanceLine", 500, 77, 612, 480), Is.EqualTo("500 people from 77 countries (612 connections); at most 480 at once"));
        Assert.That(en.Format("mediaLine", 1, "5 s"), Is.EqualTo("1 incident, degraded for 5 s in all."));
        Assert.That(ru.Format("awardLine", 1, 1, 1, 0, 0, 0, 0), Does.StartWith("1 награждённый из 1 страны:"));
        Assert.That(ru.Format("awardLine", 42, 24, 40, 2, 0, 0, 0), Does.StartWith("42 награждённых из 24 стран:"));
        Assert.That(ru.Format("attendanceLine", 21, 22, 2, 5), Does.StartWith("21 человек из 22 стран (2 подключения)"));
        Assert.That(ru.Format("attendanceLine", 12, 21, 11, 5), Does.StartWith("12 человек из 21 страны (11 подключений)"));
        Assert.That(ru.Format("attendanceLine", 3, 3, 1, 3), Does.StartWith("3 человека из 3 стран (1 подключение)"));
        Assert.That(Features.Reports.ReportTexts.For("tr").Format("attendanceLine", 1, 1, 1, 1), Does.StartWith("1 ülkeden 1 kişi"));
    }

    [Test]
    public async Task Report_OfUnknownConferenceOrFile_Is404()
    {
        var conference = await CreateConferenceAsync();
        await Problem(await Organizer.GetAsync($"/api/conferences/{Guid.NewGuid()}/report"), HttpStatusCode.NotFound);
        await Problem(await Organizer.GetAsync($"/api/conferences/{Guid.NewGuid()}/report.html"), HttpStatusCode.NotFound);
        var problem = await Problem(await Organizer.GetAsync($"/api/conferences/{conference.Id}/report/secrets.csv"), HttpStatusCode.NotFound);
        Assert.That((string)problem["detail"]!, Does.Contain("awards.csv"));
        await Problem(await Organizer.GetAsync($"/api/conferences/{conference.Id}/report/..%2F..%2Fappsettings.json"), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task OpenApi_DocumentsTheReportAndTheAwardRoutes()
    {
        var document = System.Text.Json.Nodes.JsonNode.Parse(await Anonymous.GetStringAsync("/openapi/v1.json"))!;
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.That(paths, Is.SupersetOf(new[]
        {
            "/api/conferences/{id}/report", "/api/conferences/{id}/report/{file}", "/api/conferences/{id}/report.html",
            "/api/conferences/{id}/awards", "/api/conferences/{id}/awards/{awardId}/recipients/import", "/api/conferences/{id}/awards/{awardId}/marks",
        }));
        var schemas = document["components"]!["schemas"]!.AsObject().Select(s => s.Key).ToList();
        Assert.That(schemas, Is.SupersetOf(new[] { "PostEventReport", "ProgramSection", "AttendanceSection", "AwardsSection", "AppealsSection", "MediaSection" }));
    }

    [Test]
    public async Task Stylesheet_IsServedApart_ForThePagesContentSecurityPolicy()
    {
        var response = await Anonymous.GetAsync("/assets/report.css");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/css"));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(".bar"));
    }

    [Test]
    public async Task Report_CountsOnlyWhatFollowsTheLastReset()
    {
        var conference = await AddSegmentAsync(await CreateConferenceAsync(), new { kind = "custom", title = "Talk", durationSeconds = 300 });
        conference = await AddSegmentAsync(conference, new { kind = "awardsCeremony", title = "Medals", durationSeconds = 600, awardName = "Medal" });
        var award = await Read<AwardDto>(await Organizer.PostAsJsonAsync($"/api/conferences/{conference.Id}/awards", new { segmentId = conference.Segments[1].Id }));
        var early = await AddParticipantAsync(conference.Id, "Rehearsal Only", "AZ", "host");
        var across = await AddParticipantAsync(conference.Id, "Stayed Across", "TR", "attendee");
        var live = await AddParticipantAsync(conference.Id, "Live Only", "DE", "attendee");
        await Read<AwardDto>(await Organizer.PostAsJsonAsync($"/api/conferences/{conference.Id}/awards/{award.Id}/recipients", new { expectedRevision = 1, participantId = live.Id }));

        var now = Host.Clock.GetUtcNow();
        var rehearsal = now.AddHours(-3);
        var reset = now.AddHours(-2);
        var start = now.AddHours(-1);
        var talk = conference.Segments[0].Id;
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ConferenceDbContext>();
            ShowEvent[] rehearsed =
            [
                new ShowStarted(rehearsal), new SegmentStarted(rehearsal, talk),
                new SegmentEnded(rehearsal.AddSeconds(100), talk, SegmentEndReason.Host), new ShowEnded(rehearsal.AddSeconds(100)),
            ];
            ShowEvent[] onAir =
            [
                new ShowStarted(start), new SegmentStarted(start, talk),
                new SegmentEnded(start.AddSeconds(310), talk, SegmentEndReason.ShowEnded), new ShowEnded(start.AddSeconds(310)),
            ];
            var revision = 0;
            foreach (var e in rehearsed)
            {
                db.ShowEvents.Add(ShowEventRecord.From(conference.Id, ++revision, e));
            }

            // The reset itself as the rehearsal branch stores it; only its discriminator and revision matter here.
            var resetRevision = ++revision;
            db.ShowEvents.Add(new ShowEventRecord { ConferenceId = conference.Id, Revision = resetRevision, Type = "showReset", At = reset, Payload = "{\"type\":\"showReset\"}" });
            foreach (var e in onAir)
            {
                db.ShowEvents.Add(ShowEventRecord.From(conference.Id, ++revision, e));
            }

            db.AttendanceRecords.Add(Stay(conference.Id, early, "a", rehearsal, rehearsal.AddMinutes(30)));
            db.AttendanceRecords.Add(Stay(conference.Id, across, "b", rehearsal.AddMinutes(30), start.AddMinutes(1)));
            db.AttendanceRecords.Add(Stay(conference.Id, live, "c", start, start.AddMinutes(5)));
            var domainAward = await db.Awards.AsNoTracking().SingleAsync(a => a.Id == award.Id);
            db.AwardMarks.Add(AwardMark.Record(Guid.NewGuid(), domainAward, live.Id, AwardOutcome.Presented, 2, rehearsal.AddSeconds(50)));
            db.AwardMarks.Add(AwardMark.Record(Guid.NewGuid(), domainAward, live.Id, AwardOutcome.Absent, resetRevision + 2, start.AddSeconds(200)));
            var changes = new[]
            {
                (rehearsal.AddSeconds(10), MediaSyncState.Degraded), (rehearsal.AddSeconds(20), MediaSyncState.InSync),
                (start.AddSeconds(5), MediaSyncState.Degraded), (start.AddSeconds(65), MediaSyncState.InSync),
            };
            foreach (var (at, state) in changes)
            {
                var error = state == MediaSyncState.Degraded ? "down" : null;
                db.MediaStatusChanges.Add(MediaStatusRecord.From(new MediaStatus(conference.Id, "simulated", state, error, at, null, null)));
            }

            await db.SaveChangesAsync();
        }

        var report = await Read<PostEventReport>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/report"));

        Assert.That(report.LiveFrom, Is.EqualTo(reset));
        Assert.That((report.Program.ActualStart, report.Program.ActualEnd), Is.EqualTo(((DateTimeOffset?)start, (DateTimeOffset?)start.AddSeconds(310))));
        Assert.That(report.Program.Segments[0].Runs.Select(r => r.Seconds), Is.EqualTo(new int?[] { 310 }), "the rehearsal's run is not counted");
        Assert.That(report.Attendance.UniqueParticipants, Is.EqualTo(2));
        Assert.That(report.Attendance.ByRole.Single(r => r.Role == "host").Participants, Is.Zero);
        Assert.That(report.Attendance.Stayed.LongestSeconds, Is.EqualTo((int)(start.AddMinutes(1) - reset).TotalSeconds), "a stay across the reset counts from it");
        Assert.That((report.Awards.Presented, report.Awards.Absent), Is.EqualTo((0, 1)));
        Assert.That(report.Media.Items.Select(i => (i.From, i.Seconds)), Is.EqualTo(new[] { (start.AddSeconds(5), 60) }));
    }

    [Test]
    public async Task Mark_BeforeTheShow_OfSomeoneNotOnTheList_OrWithoutOutcome_IsRefused()
    {
        var conference = await AddSegmentAsync(await CreateConferenceAsync(), new { kind = "awardsCeremony", title = "Medals", durationSeconds = 600, awardName = "Medal" });
        var award = await Read<AwardDto>(await Organizer.PostAsJsonAsync($"/api/conferences/{conference.Id}/awards", new { segmentId = conference.Segments[0].Id }));
        var recipient = await AddParticipantAsync(conference.Id, "Recipient", "AZ", "attendee");
        var stranger = await AddParticipantAsync(conference.Id, "Stranger", "AZ", "attendee");
        await Read<AwardDto>(await Organizer.PostAsJsonAsync($"/api/conferences/{conference.Id}/awards/{award.Id}/recipients", new { expectedRevision = 1, participantId = recipient.Id }));
        var marks = $"/api/conferences/{conference.Id}/awards/{award.Id}/marks";

        await Problem(await Organizer.PostAsJsonAsync(marks, new { participantId = recipient.Id, outcome = "presented" }), HttpStatusCode.Conflict);
        await Read<object>(await Organizer.PostAsJsonAsync($"/api/conferences/{conference.Id}/show/start", new { expectedRevision = 0 }));
        await ValidationProblem(await Organizer.PostAsJsonAsync(marks, new { participantId = recipient.Id }), "outcome");
        await ValidationProblem(await Organizer.PostAsJsonAsync(marks, new { participantId = recipient.Id, outcome = "lost" }), "outcome");
        await Problem(await Organizer.PostAsJsonAsync(marks, new { participantId = stranger.Id, outcome = "presented" }), HttpStatusCode.NotFound);

        var tally = await Read<AwardTally>(await Organizer.PostAsJsonAsync(marks, new { participantId = recipient.Id, outcome = "deferred" }));
        Assert.That((tally.Deferred, tally.NotMarked), Is.EqualTo((1, 0)));
        tally = await Read<AwardTally>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/awards/{award.Id}/tally"));
        Assert.That(tally.ByCountry, Is.EqualTo(new[] { new CountryTally("AZ", 1, 0, 0, 1, 0) }));
    }

    private static AttendanceRecord Stay(Guid conferenceId, Features.Participants.ParticipantDto person, string connection, DateTimeOffset from, DateTimeOffset to)
    {
        var roles = RoleNames.ParseAll(person.Roles) ?? ParticipantRoles.None;
        var stay = AttendanceRecord.Join(Guid.NewGuid(), conferenceId, person.Id, connection, AttendanceSource.Media, person.Country, roles, from);
        stay.Leave(to);
        return stay;
    }
}
