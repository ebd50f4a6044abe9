using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Conference.Server.Features.Conferences;

namespace Conference.Server.Tests.Api;

/// <summary>The organizer's own texts (title, slogan, segment titles) in the conference's other languages.</summary>
public class TranslationApiTests(DatabaseKind kind) : ApiTestBase(kind)
{
    [Test]
    public async Task Create_WithTranslations_StoresThemTrimmed()
    {
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(NewConference()))!.AsObject();
        body["translations"] = new JsonObject
        {
            ["ru"] = new JsonObject { ["title"] = "  День солидарности ", ["slogan"] = "Будем едины" },
            ["tr"] = new JsonObject { ["title"] = "Dayanışma Günü" },
        };
        var created = await Read<ConferenceDto>(await Organizer.PostAsJsonAsync("/api/conferences", body));

        var read = await Read<ConferenceDto>(await Anonymous.GetAsync($"/api/conferences/{created.Id}"));
        Assert.That(read.Translations.Keys, Is.EquivalentTo(new[] { "ru", "tr" }));
        Assert.That(read.Translations["ru"].Title, Is.EqualTo("День солидарности"));
        Assert.That(read.Translations["ru"].Slogan, Is.EqualTo("Будем едины"));
        Assert.That(read.Translations["tr"].Slogan, Is.Null);
    }

    [Test]
    public async Task Create_WithoutTranslations_HasAnEmptySet()
    {
        var created = await CreateConferenceAsync();
        Assert.That(created.Translations, Is.Empty);
    }

    [TestCase("english!", "Title", "is not a language tag")]
    [TestCase("ru", "", "needs a title")]
    [TestCase("ru", null, "needs a title")]
    public async Task Create_WithBadTranslation_IsAValidationError(string language, string? title, string message)
    {
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(NewConference()))!.AsObject();
        body["translations"] = new JsonObject { [language] = new JsonObject { ["title"] = title } };
        var problem = await ValidationProblem(await Organizer.PostAsJsonAsync("/api/conferences", body), "translations");
        Assert.That(problem["errors"]!["translations"]![0]!.GetValue<string>(), Does.Contain(message));
    }

    [Test]
    public async Task Segment_Translations_AreAddedAndReplacedWithTheSegment()
    {
        var conference = await CreateConferenceAsync();
        conference = await AddSegmentAsync(conference, new
        {
            kind = "minuteOfSilence",
            title = "Minute of silence",
            translations = new Dictionary<string, object> { ["az"] = new { title = "Bir dəqiqəlik sükut" } },
        });
        var segment = conference.Segments.Single();
        Assert.That(segment.Translations["az"].Title, Is.EqualTo("Bir dəqiqəlik sükut"));

        var updated = await Read<ConferenceDto>(await Organizer.PutAsJsonAsync($"/api/conferences/{conference.Id}/segments/{segment.Id}", new
        {
            expectedRevision = conference.Revision,
            kind = "minuteOfSilence",
            title = "Minute of silence",
            translations = new Dictionary<string, object> { ["ru"] = new { title = "Минута молчания" } },
        }));
        Assert.That(updated.Segments.Single().Translations.Keys, Is.EqualTo(new[] { "ru" }), "an update states the whole set");

        var reread = await Read<ConferenceDto>(await Anonymous.GetAsync($"/api/conferences/{conference.Id}"));
        Assert.That(reread.Segments.Single().Translations["ru"].Title, Is.EqualTo("Минута молчания"));
    }

    [Test]
    public async Task Segment_WithTooLongTranslatedTitle_IsAValidationError()
    {
        var conference = await CreateConferenceAsync();
        var response = await Organizer.PostAsJsonAsync($"/api/conferences/{conference.Id}/segments", new
        {
            expectedRevision = conference.Revision,
            kind = "minuteOfSilence",
            title = "Minute of silence",
            translations = new Dictionary<string, object> { ["az"] = new { title = new string('ə', 201) } },
        });
        await ValidationProblem(response, "translations");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }
}
