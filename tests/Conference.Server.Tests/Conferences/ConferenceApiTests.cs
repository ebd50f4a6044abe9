using System.Net;
using System.Net.Http.Json;
using Conference.Server.Features.Conferences;

namespace Conference.Server.Tests.Conferences;

public class ConferenceApiTests(DatabaseKind kind) : ApiTestBase(kind)
{
    [Test]
    public async Task Create_WithValidInput_Returns201WithLocationAndRevisionOne()
    {
        var response = await Organizer.PostAsJsonAsync("/api/conferences", NewConference());
        var created = await Read<ConferenceDto>(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/conferences/{created.Id}"));
        Assert.That(created.Revision, Is.EqualTo(1));
        Assert.That(created.TimeZone, Is.EqualTo("Asia/Baku"));
        Assert.That(created.ScheduledStart, Is.EqualTo(new DateTimeOffset(2026, 12, 31, 11, 0, 0, TimeSpan.Zero)));
        Assert.That(created.Languages, Is.EqualTo(new[] { "az", "en" }));
    }

    [Test]
    public async Task Create_WithoutOrganizerKey_Is401()
    {
        await Problem(await Anonymous.PostAsJsonAsync("/api/conferences", NewConference()), HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Create_WithWrongKey_Is401AndNothingIsStored()
    {
        using var client = Host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "not-the-key");
        await Problem(await client.PostAsJsonAsync("/api/conferences", NewConference()), HttpStatusCode.Unauthorized);
        Assert.That(await Read<List<ConferenceSummary>>(await Anonymous.GetAsync("/api/conferences")), Is.Empty);
    }

    [Test]
    public async Task Create_WithMissingFields_ListsEveryFieldError()
    {
        var response = await Organizer.PostAsJsonAsync("/api/conferences", new { slogan = "only a slogan" });
        await ValidationProblem(response, "title", "scheduledStart", "timeZone", "languages");
    }

    [TestCase("timeZone", "Mars/Olympus_Mons")]
    [TestCase("timeZone", "Central Standard Time")]
    [TestCase("timeZone", "UTC+4")]
    [TestCase("title", "")]
    public async Task Create_WithBadField_NamesTheField(string field, string value)
    {
        var body = System.Text.Json.JsonSerializer.SerializeToNode(NewConference())!.AsObject();
        body[field] = value;
        await ValidationProblem(await Organizer.PostAsJsonAsync("/api/conferences", body), field);
    }

    [Test]
    public async Task Create_WithBadLanguageTag_NamesTheLanguage()
    {
        var body = System.Text.Json.JsonSerializer.SerializeToNode(NewConference())!.AsObject();
        body["languages"] = new System.Text.Json.Nodes.JsonArray("az", "english!");
        await ValidationProblem(await Organizer.PostAsJsonAsync("/api/conferences", body), "languages[1]");
    }

    [Test]
    public async Task Create_WithMisspelledField_NamesExactlyThatField()
    {
        var body = System.Text.Json.JsonSerializer.SerializeToNode(NewConference())!.AsObject();
        body["titel"] = "typo";
        var problem = await ValidationProblem(await Organizer.PostAsJsonAsync("/api/conferences", body), "titel");
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "titel" }));
    }

    [Test]
    public async Task Create_WithTooLongTitle_Is400()
    {
        await ValidationProblem(await Organizer.PostAsJsonAsync("/api/conferences", NewConference(new string('x', 201))), "title");
    }

    [Test]
    public async Task List_ShowsConferencesInStartOrder()
    {
        await CreateConferenceAsync("B");
        await CreateConferenceAsync("A");
        var list = await Read<List<ConferenceSummary>>(await Anonymous.GetAsync("/api/conferences"));
        Assert.That(list.Select(c => c.Title), Is.EqualTo(new[] { "A", "B" }));
    }

    [Test]
    public async Task Get_Unknown_Is404Problem()
    {
        await Problem(await Anonymous.GetAsync($"/api/conferences/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Get_NotAGuid_Is404()
    {
        var response = await Anonymous.GetAsync("/api/conferences/not-a-guid");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Update_WithCurrentRevision_ChangesAndBumpsRevision()
    {
        var created = await CreateConferenceAsync();
        var response = await Organizer.PutAsJsonAsync($"/api/conferences/{created.Id}", new
        {
            expectedRevision = 1, title = "Renamed", scheduledStart = "2026-12-31T12:00:00+04:00", timeZone = "Europe/Istanbul", languages = new[] { "tr" },
        });
        var updated = await Read<ConferenceDto>(response);

        Assert.That(updated.Title, Is.EqualTo("Renamed"));
        Assert.That(updated.Revision, Is.EqualTo(2));
        Assert.That(updated.ScheduledStart, Is.EqualTo(new DateTimeOffset(2026, 12, 31, 8, 0, 0, TimeSpan.Zero)));
        Assert.That((await Read<ConferenceDto>(await Anonymous.GetAsync($"/api/conferences/{created.Id}"))).Title, Is.EqualTo("Renamed"));
    }

    [Test]
    public async Task Update_WithStaleRevision_Is409NamingCurrentRevision()
    {
        var created = await CreateConferenceAsync();
        await Organizer.PutAsJsonAsync($"/api/conferences/{created.Id}", new
        {
            expectedRevision = 1, title = "First", scheduledStart = "2026-12-31T11:00:00Z", timeZone = "Asia/Baku", languages = new[] { "az" },
        });

        var stale = await Organizer.PutAsJsonAsync($"/api/conferences/{created.Id}", new
        {
            expectedRevision = 1, title = "Second", scheduledStart = "2026-12-31T11:00:00Z", timeZone = "Asia/Baku", languages = new[] { "az" },
        });
        var problem = await Problem(stale, HttpStatusCode.Conflict);

        Assert.That((int)problem["currentRevision"]!, Is.EqualTo(2));
        Assert.That((await Read<ConferenceDto>(await Anonymous.GetAsync($"/api/conferences/{created.Id}"))).Title, Is.EqualTo("First"));
    }

    [Test]
    public async Task Update_WithoutRevision_Is400()
    {
        var created = await CreateConferenceAsync();
        await ValidationProblem(await Organizer.PutAsJsonAsync($"/api/conferences/{created.Id}", NewConference()), "expectedRevision");
    }

    [Test]
    public async Task Update_Unknown_Is404()
    {
        var body = System.Text.Json.JsonSerializer.SerializeToNode(NewConference())!.AsObject();
        body["expectedRevision"] = 1;
        await Problem(await Organizer.PutAsJsonAsync($"/api/conferences/{Guid.NewGuid()}", body), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Delete_RemovesConferenceAndItsSegments()
    {
        var created = await CreateConferenceAsync();
        await AddSegmentAsync(created, new { kind = "minuteOfSilence", title = "Silence" });

        Assert.That((await Organizer.DeleteAsync($"/api/conferences/{created.Id}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await Problem(await Anonymous.GetAsync($"/api/conferences/{created.Id}"), HttpStatusCode.NotFound);
        await Problem(await Organizer.DeleteAsync($"/api/conferences/{created.Id}"), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Delete_WithoutKey_Is401AndKeepsTheConference()
    {
        var created = await CreateConferenceAsync();
        await Problem(await Anonymous.DeleteAsync($"/api/conferences/{created.Id}"), HttpStatusCode.Unauthorized);
        Assert.That((await Anonymous.GetAsync($"/api/conferences/{created.Id}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task ConcurrentEdits_OnTheSameRevision_ExactlyOneWins()
    {
        var created = await CreateConferenceAsync();
        var edits = Enumerable.Range(0, 8).Select(i => Organizer.PostAsJsonAsync(
            $"/api/conferences/{created.Id}/segments",
            new { expectedRevision = 1, kind = "custom", title = $"Edit {i}", durationSeconds = 60 }));
        var responses = await Task.WhenAll(edits);

        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Created), Is.EqualTo(1));
        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Conflict), Is.EqualTo(7));
        var stored = await Read<ConferenceDto>(await Anonymous.GetAsync($"/api/conferences/{created.Id}"));
        Assert.That(stored.Segments, Has.Count.EqualTo(1));
        Assert.That(stored.Revision, Is.EqualTo(2));
    }
}
