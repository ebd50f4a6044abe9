using System.Net;
using System.Net.Http.Json;
using Conference.Domain.Programs;
using Conference.Server.Features.Conferences;

namespace Conference.Server.Tests.Segments;

public class SegmentApiTests(DatabaseKind kind) : ApiTestBase(kind)
{
    private static readonly object Speech = new
    {
        kind = "speech",
        title = "Address of the Chairman",
        durationSeconds = 900,
        speaker = new { name = "Fuad Muradov", title = "Chairman", country = "az" },
    };

    [Test]
    public async Task Add_MinuteOfSilence_AppliesKindDefaults()
    {
        var program = await AddSegmentAsync(await CreateConferenceAsync(), new { kind = "minuteOfSilence", title = "Silence" });
        var silence = program.Segments.Single();

        Assert.That(program.Revision, Is.EqualTo(2));
        Assert.That(silence.DurationSeconds, Is.EqualTo(60));
        Assert.That(silence.EndMode, Is.EqualTo(EndMode.AutoAdvance));
        Assert.That(silence.AudienceMuted, Is.True);
        Assert.That(silence.StartMode, Is.EqualTo(StartMode.FollowsPrevious));
    }

    [Test]
    public async Task Add_SpeechAndVideo_StoresTheirDetails()
    {
        var conference = await CreateConferenceAsync();
        conference = await AddSegmentAsync(conference, Speech);
        conference = await AddSegmentAsync(conference, new
        {
            kind = "videoScreening", title = "Diaspora year", media = new { url = "https://media.example.org/v.mp4", durationSeconds = 420 },
        });

        var stored = await Read<ConferenceDto>(await Anonymous.GetAsync($"/api/conferences/{conference.Id}"));
        Assert.That(stored.Segments[0].Speaker, Is.EqualTo(new SpeakerDto("Fuad Muradov", "Chairman", "AZ")));
        Assert.That(stored.Segments[1].Media, Is.EqualTo(new MediaDto("https://media.example.org/v.mp4", 420)));
        Assert.That(stored.Segments[1].DurationSeconds, Is.EqualTo(420));
        Assert.That(stored.Segments[1].EndMode, Is.EqualTo(EndMode.AutoAdvance));
        Assert.That(stored.PlannedEnd, Is.EqualTo(stored.ScheduledStart.AddSeconds(900 + 420)));
    }

    [Test]
    public async Task Add_SpeechWithoutSpeaker_Is400NamingSpeaker()
    {
        var conference = await CreateConferenceAsync();
        var response = await Organizer.PostAsJsonAsync($"/api/conferences/{conference.Id}/segments",
            new { expectedRevision = 1, kind = "speech", title = "Talk", durationSeconds = 60 });
        await ValidationProblem(response, "speaker");
    }

    [TestCase("durationSeconds", 0)]
    [TestCase("durationSeconds", 14401)]
    [TestCase("durationSeconds", -5)]
    public async Task Add_DurationOutOfRange_Is400(string field, int value)
    {
        var conference = await CreateConferenceAsync();
        var response = await Organizer.PostAsJsonAsync($"/api/conferences/{conference.Id}/segments",
            new Dictionary<string, object> { ["expectedRevision"] = 1, ["kind"] = "custom", ["title"] = "X", [field] = value });
        await ValidationProblem(response, field);
    }

    [Test]
    public async Task Add_BadNestedFields_NameTheirPaths()
    {
        var conference = await CreateConferenceAsync();
        var response = await Organizer.PostAsJsonAsync($"/api/conferences/{conference.Id}/segments", new
        {
            expectedRevision = 1,
            kind = "speech",
            title = "Talk",
            durationSeconds = 60,
            speaker = new { name = "", country = "XX" },
        });
        await ValidationProblem(response, "speaker.name", "speaker.country");

        response = await Organizer.PostAsJsonAsync($"/api/conferences/{conference.Id}/segments", new
        {
            expectedRevision = 1, kind = "videoScreening", title = "V", media = new { url = "ftp://example.org/v.mp4", durationSeconds = 0 },
        });
        await ValidationProblem(response, "media.url", "media.durationSeconds");
    }

    [Test]
    public async Task Add_FixedStartOverlappingThePrevious_Is400AndNothingIsAdded()
    {
        var conference = await AddSegmentAsync(await CreateConferenceAsync(), Speech);
        var response = await Organizer.PostAsJsonAsync($"/api/conferences/{conference.Id}/segments", new
        {
            expectedRevision = 2, kind = "custom", title = "Fixed", durationSeconds = 60, startMode = "fixed", fixedStart = "2026-12-31T11:05:00Z",
        });
        await ValidationProblem(response, "fixedStart");
        Assert.That((await Read<ConferenceDto>(await Anonymous.GetAsync($"/api/conferences/{conference.Id}"))).Segments, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Add_FixedModeWithoutInstant_Is400()
    {
        var conference = await CreateConferenceAsync();
        var response = await Organizer.PostAsJsonAsync($"/api/conferences/{conference.Id}/segments",
            new { expectedRevision = 1, kind = "custom", title = "X", durationSeconds = 60, startMode = "fixed" });
        await ValidationProblem(response, "fixedStart");
    }

    [Test]
    public async Task Add_StaleRevision_Is409()
    {
        var conference = await AddSegmentAsync(await CreateConferenceAsync(), Speech);
        var response = await Organizer.PostAsJsonAsync($"/api/conferences/{conference.Id}/segments",
            new { expectedRevision = 1, kind = "custom", title = "X", durationSeconds = 60 });
        var problem = await Problem(response, HttpStatusCode.Conflict);
        Assert.That((int)problem["currentRevision"]!, Is.EqualTo(2));
    }

    [Test]
    public async Task Add_PositionBeyondTheEnd_Is400()
    {
        var conference = await CreateConferenceAsync();
        var response = await Organizer.PostAsJsonAsync($"/api/conferences/{conference.Id}/segments",
            new { expectedRevision = 1, position = 3, kind = "custom", title = "X", durationSeconds = 60 });
        await ValidationProblem(response, "position");
    }

    [Test]
    public async Task Update_ChangesTheSegment()
    {
        var conference = await AddSegmentAsync(await CreateConferenceAsync(), Speech);
        var segmentId = conference.Segments[0].Id;
        var response = await Organizer.PutAsJsonAsync($"/api/conferences/{conference.Id}/segments/{segmentId}", new
        {
            expectedRevision = 2, kind = "speech", title = "Shorter address", durationSeconds = 300, speaker = new { name = "F. Muradov", country = "AZ" },
        });
        var updated = await Read<ConferenceDto>(response);
        Assert.That(updated.Segments[0].Title, Is.EqualTo("Shorter address"));
        Assert.That(updated.Segments[0].DurationSeconds, Is.EqualTo(300));
        Assert.That(updated.Revision, Is.EqualTo(3));
    }

    [Test]
    public async Task Update_UnknownSegment_Is404()
    {
        var conference = await CreateConferenceAsync();
        var response = await Organizer.PutAsJsonAsync($"/api/conferences/{conference.Id}/segments/{Guid.NewGuid()}",
            new { expectedRevision = 1, kind = "custom", title = "X", durationSeconds = 60 });
        await Problem(response, HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Remove_DeletesAndRenumbers()
    {
        var conference = await CreateConferenceAsync();
        conference = await AddSegmentAsync(conference, new { kind = "minuteOfSilence", title = "Silence" });
        conference = await AddSegmentAsync(conference, Speech);

        var response = await Organizer.DeleteAsync($"/api/conferences/{conference.Id}/segments/{conference.Segments[0].Id}?expectedRevision=3");
        var updated = await Read<ConferenceDto>(response);
        Assert.That(updated.Segments.Single().Title, Is.EqualTo("Address of the Chairman"));
        Assert.That(updated.Segments.Single().Position, Is.EqualTo(0));
    }

    [Test]
    public async Task Remove_WithoutRevision_Is400_AndUnknown_Is404()
    {
        var conference = await AddSegmentAsync(await CreateConferenceAsync(), Speech);
        await ValidationProblem(await Organizer.DeleteAsync($"/api/conferences/{conference.Id}/segments/{conference.Segments[0].Id}"), "expectedRevision");
        await Problem(await Organizer.DeleteAsync($"/api/conferences/{conference.Id}/segments/{Guid.NewGuid()}?expectedRevision=2"), HttpStatusCode.NotFound);
        var wrongType = await Organizer.DeleteAsync($"/api/conferences/{conference.Id}/segments/{conference.Segments[0].Id}?expectedRevision=two");
        await Problem(wrongType, HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Reorder_PutsSegmentsInTheGivenOrder()
    {
        var conference = await CreateConferenceAsync();
        conference = await AddSegmentAsync(conference, new { kind = "minuteOfSilence", title = "Silence" });
        conference = await AddSegmentAsync(conference, Speech);
        var reversed = conference.Segments.Select(s => s.Id).Reverse().ToArray();

        var updated = await Read<ConferenceDto>(await Organizer.PostAsJsonAsync(
            $"/api/conferences/{conference.Id}/segments/reorder", new { expectedRevision = 3, segmentIds = reversed }));
        Assert.That(updated.Segments.Select(s => s.Id), Is.EqualTo(reversed));
    }

    [Test]
    public async Task Reorder_NotAPermutation_Is400()
    {
        var conference = await CreateConferenceAsync();
        conference = await AddSegmentAsync(conference, new { kind = "minuteOfSilence", title = "Silence" });
        conference = await AddSegmentAsync(conference, Speech);
        var first = conference.Segments[0].Id;

        foreach (var ids in new[] { new[] { first }, new[] { first, first }, new[] { first, Guid.NewGuid() } })
        {
            await ValidationProblem(await Organizer.PostAsJsonAsync(
                $"/api/conferences/{conference.Id}/segments/reorder", new { expectedRevision = 3, segmentIds = ids }), "segmentIds");
        }
    }
}
