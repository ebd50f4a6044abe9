using System.Net;
using System.Text;
using Conference.Server.Features.Conferences;
using Conference.Server.Features.Timeline;

namespace Conference.Server.Tests.Timeline;

public class TimelineApiTests(DatabaseKind kind) : ApiTestBase(kind)
{
    private async Task<ConferenceDto> ProgramWithTwoSegments()
    {
        var conference = await CreateConferenceAsync();
        conference = await AddSegmentAsync(conference, new { kind = "minuteOfSilence", title = "Silence" });
        return await AddSegmentAsync(conference, new
        {
            kind = "speech", title = "Address; greetings, thanks", durationSeconds = 900,
            speaker = new { name = "Fuad Muradov", country = "AZ" },
        });
    }

    [Test]
    public async Task Timeline_GivesUtcConferenceZoneAndViewerZone()
    {
        var conference = await ProgramWithTwoSegments();
        var timeline = await Read<PlannedTimelineDto>(await Anonymous.GetAsync($"/api/conferences/{conference.Id}/timeline?tz=America/New_York"));

        var speech = timeline.Segments[1];
        Assert.That(speech.Start.Utc, Is.EqualTo(new DateTimeOffset(2026, 12, 31, 11, 1, 0, TimeSpan.Zero)));
        Assert.That(speech.Start.Conference.Offset, Is.EqualTo(TimeSpan.FromHours(4)));
        Assert.That(speech.Start.Conference.Hour, Is.EqualTo(15));
        Assert.That(speech.Start.Viewer!.Value.Offset, Is.EqualTo(TimeSpan.FromHours(-5)));
        Assert.That(speech.Start.Viewer!.Value.Hour, Is.EqualTo(6));
        Assert.That(timeline.End.Utc, Is.EqualTo(new DateTimeOffset(2026, 12, 31, 11, 16, 0, TimeSpan.Zero)));
    }

    [Test]
    public async Task Timeline_SpellsKindsAsTheProgramApi()
    {
        var conference = await ProgramWithTwoSegments();
        var program = await Anonymous.GetStringAsync($"/api/conferences/{conference.Id}");
        var timeline = await Anonymous.GetStringAsync($"/api/conferences/{conference.Id}/timeline");
        var show = await Organizer.GetStringAsync($"/api/conferences/{conference.Id}/show/timeline");

        Assert.That(program, Does.Contain("\"kind\":\"minuteOfSilence\""));
        Assert.That(timeline, Does.Contain("\"kind\":\"minuteOfSilence\"").And.Not.Contains("MinuteOfSilence"));
        Assert.That(show, Does.Contain("\"progress\":\"upcoming\"").And.Not.Contains("Upcoming"));
    }

    [Test]
    public async Task Timeline_WithoutViewerZone_LeavesViewerEmpty()
    {
        var conference = await ProgramWithTwoSegments();
        var timeline = await Read<PlannedTimelineDto>(await Anonymous.GetAsync($"/api/conferences/{conference.Id}/timeline"));
        Assert.That(timeline.Segments.All(s => s.Start.Viewer is null), Is.True);
    }

    [Test]
    public async Task Timeline_WithUnknownViewerZone_Is400NamingTz()
    {
        var conference = await ProgramWithTwoSegments();
        await ValidationProblem(await Anonymous.GetAsync($"/api/conferences/{conference.Id}/timeline?tz=Mars/Base"), "tz");
    }

    [Test]
    public async Task Timeline_UnknownConference_Is404()
    {
        await Problem(await Anonymous.GetAsync($"/api/conferences/{Guid.NewGuid()}/timeline"), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Calendar_IsValidICalendarWithOneEventPerSegment()
    {
        var conference = await ProgramWithTwoSegments();
        var response = await Anonymous.GetAsync($"/api/conferences/{conference.Id}/program.ics");
        var ics = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/calendar"));
        Assert.That(ics, Does.StartWith("BEGIN:VCALENDAR\r\n").And.EndWith("END:VCALENDAR\r\n"));
        Assert.That(ics.Split("BEGIN:VEVENT").Length - 1, Is.EqualTo(2));
        Assert.That(ics, Does.Contain("DTSTART:20261231T110100Z\r\n"));
        Assert.That(ics, Does.Contain("DTEND:20261231T111600Z\r\n"));
        Assert.That(ics, Does.Contain(@"SUMMARY:Address\; greetings\, thanks"));
        Assert.That(ics.Split("\r\n").Select(l => Encoding.UTF8.GetByteCount(l)), Has.All.LessThanOrEqualTo(75));
    }

    [Test]
    public async Task Calendar_LongMultiByteTitle_IsFoldedWithinSeventyFiveOctetsAndUnfoldsToTheTitle()
    {
        var title = string.Concat(Enumerable.Repeat("Azərbaycan Respublikasının Dövlət Himni ", 3)).Trim();
        var conference = await AddSegmentAsync(await CreateConferenceAsync(), new { kind = "anthem", title, durationSeconds = 120 });

        var ics = await Anonymous.GetStringAsync($"/api/conferences/{conference.Id}/program.ics");

        Assert.That(ics.Split("\r\n").Select(l => Encoding.UTF8.GetByteCount(l)), Has.All.LessThanOrEqualTo(75));
        Assert.That(ics.Replace("\r\n ", "", StringComparison.Ordinal), Does.Contain($"SUMMARY:{title}\r\n"));
        Assert.That(ics, Does.Contain("CATEGORIES:anthem\r\n"));
    }

    [Test]
    public async Task Calendar_LeavesOutSegmentNotes_WhichAreForHostsAndSpeakers()
    {
        var conference = await AddSegmentAsync(await CreateConferenceAsync(), new
        {
            kind = "speech", title = "Address", durationSeconds = 600, notes = "Cue the flag after the second paragraph",
            speaker = new { name = "Fuad Muradov", country = "AZ" },
        });
        Assert.That(conference.Segments[0].Notes, Is.EqualTo("Cue the flag after the second paragraph"), "the notes were stored");

        var ics = await Anonymous.GetStringAsync($"/api/conferences/{conference.Id}/program.ics");

        Assert.That(ics.Replace("\r\n ", "", StringComparison.Ordinal), Does.Not.Contain("Cue the flag"));
        Assert.That(ics.Replace("\r\n ", "", StringComparison.Ordinal), Does.Contain("Speaker: Fuad Muradov (AZ)"));
    }

    [Test]
    public async Task Calendar_UnknownConference_Is404()
    {
        await Problem(await Anonymous.GetAsync($"/api/conferences/{Guid.NewGuid()}/program.ics"), HttpStatusCode.NotFound);
    }
}
