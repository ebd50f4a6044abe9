using System.Net;
using System.Net.Http.Json;
using System.Text;
using Conference.Server.Features.Conferences;
using Conference.Server.Features.Participants;
using Conference.Server.Features.Timeline;
using Conference.Server.Tests.Participants;

namespace Conference.Server.Tests.Api;

/// <summary>
/// The rest of the bad-input sweep: bodies in charsets the server does not read, instants at the ends of the
/// calendar, and names that are not text. Each is a 4xx problem, never a 500, also for anonymous callers.
/// </summary>
public class CharsetAndCalendarTests(DatabaseKind kind) : ApiTestBase(kind)
{
    private static readonly string[] AllJsonEndpoints =
    [
        .. BadInputTests.BodyEndpoints,
        .. ParticipantBadInputTests.BodyEndpoints,
        "POST /api/conferences/{id}/show/start",
        "POST /api/conferences/{id}/show/reset",
    ];

    private static IEnumerable<TestCaseData> CharsetCases() =>
        from endpoint in AllJsonEndpoints
        from charset in new[] { "ebcdic", "latin1", "utf-16", "x-no-such-charset" }
        select new TestCaseData(endpoint, charset).SetArgDisplayNames(endpoint, charset);

    [TestCaseSource(nameof(CharsetCases))]
    public async Task JsonBody_InACharsetOtherThanUtf8_Is415Problem(string endpoint, string charset)
    {
        var (conference, person) = await ConferenceWithPersonAsync();
        using var request = new HttpRequestMessage(MethodOf(endpoint), PathOf(endpoint, conference, person))
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"expectedRevision\": 1, \"title\": \"x\"}")),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", $"application/json; charset={charset}");

        var problem = await Problem(await Organizer.SendAsync(request), HttpStatusCode.UnsupportedMediaType);
        Assert.That((string?)problem["detail"], Does.Contain("UTF-8"));
    }

    [TestCase("/api/join")]
    [TestCase("/api/conferences/{id}/register")]
    public async Task Anonymous_UnknownCharset_Is415Problem(string path)
    {
        var (conference, _) = await ConferenceWithPersonAsync();
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"code\": \"abc\"}"));
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=ebcdic");

        await Problem(await Anonymous.PostAsync(path.Replace("{id}", conference.Id.ToString(), StringComparison.Ordinal), content), HttpStatusCode.UnsupportedMediaType);
    }

    [TestCase("utf-8")]
    [TestCase("UTF-8")]
    [TestCase("\"utf-8\"")]
    public async Task JsonBody_DeclaredUtf8_IsRead(string charset)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(
            "{\"title\": \"Gala ü\", \"scheduledStart\": \"2026-12-31T11:00:00Z\", \"timeZone\": \"Asia/Baku\", \"languages\": [\"az\"]}"));
        content.Headers.TryAddWithoutValidation("Content-Type", $"application/json; charset={charset}");

        var created = await Read<ConferenceDto>(await Organizer.PostAsync("/api/conferences", content));
        Assert.That(created.Title, Is.EqualTo("Gala ü"));
    }

    [Test]
    public async Task CsvRoster_InAnUnknownCharset_Is415Problem()
    {
        var (conference, _) = await ConferenceWithPersonAsync();
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("displayName,country,roles\nAli,AZ,speaker\n"));
        content.Headers.TryAddWithoutValidation("Content-Type", "text/csv; charset=ebcdic");

        await Problem(await Organizer.PostAsync($"/api/conferences/{conference.Id}/participants/import", content), HttpStatusCode.UnsupportedMediaType);
    }

    [TestCase("9999-12-31T23:00:00Z")]
    [TestCase("9999-12-31T23:59:59.9999999Z")]
    [TestCase("0001-01-01T00:00:00Z")]
    [TestCase("2200-06-01T00:00:00Z")]
    [TestCase("1999-12-31T23:59:59Z")]
    public async Task ScheduledStart_OffTheCalendarsSaneRange_IsAFieldError(string instant)
    {
        var body = new { title = "Gala", scheduledStart = instant, timeZone = "Pacific/Kiritimati", languages = new[] { "az" } };
        await ValidationProblem(await Organizer.PostAsJsonAsync("/api/conferences", body), "scheduledStart");

        var conference = await CreateConferenceAsync();
        var update = new { expectedRevision = conference.Revision, title = "Gala", scheduledStart = instant, timeZone = "Asia/Baku", languages = new[] { "az" } };
        await ValidationProblem(await Organizer.PutAsJsonAsync($"/api/conferences/{conference.Id}", update), "scheduledStart");
    }

    [TestCase("9999-12-31T23:59:59-14:00")]
    [TestCase("0001-01-01T00:00:00+14:00")]
    public async Task Instant_ThatIsNoInstantInUtc_Is400NotA500(string instant)
    {
        var body = new { title = "Gala", scheduledStart = instant, timeZone = "Asia/Baku", languages = new[] { "az" } };
        await Problem(await Organizer.PostAsJsonAsync("/api/conferences", body), HttpStatusCode.BadRequest);
    }

    [TestCase("9999-12-31T20:00:00Z")]
    [TestCase("0001-01-01T00:00:00Z")]
    public async Task FixedStart_OffTheCalendar_IsAFieldError(string instant)
    {
        var conference = await CreateConferenceAsync();
        var body = new { expectedRevision = conference.Revision, kind = "custom", title = "Late", durationSeconds = 14_400, startMode = "fixed", fixedStart = instant };
        await ValidationProblem(await Organizer.PostAsJsonAsync($"/api/conferences/{conference.Id}/segments", body), "fixedStart");
    }

    [Test]
    public async Task InvitationExpiry_OffTheCalendar_IsAFieldError()
    {
        var (conference, person) = await ConferenceWithPersonAsync();
        await ValidationProblem(
            await Organizer.PostAsJsonAsync($"/api/conferences/{conference.Id}/participants/{person.Id}/invitations", new { expiresAt = "9999-12-31T23:59:59Z" }),
            "expiresAt");
        await ValidationProblem(
            await Organizer.PostAsJsonAsync($"/api/conferences/{conference.Id}/invitations", new { expiresAt = "9999-12-31T23:59:59Z" }), "expiresAt");
    }

    [Test]
    public async Task LatestPlannableConference_WithLongSegments_RendersTrueLocalTimesInEveryZone()
    {
        var response = await Organizer.PostAsJsonAsync("/api/conferences", new
        {
            title = "Far future", scheduledStart = "2199-12-30T20:00:00Z", timeZone = "Pacific/Kiritimati", languages = new[] { "en" },
        });
        var conference = await Read<ConferenceDto>(response);
        for (var i = 0; i < 3; i++)
        {
            conference = await AddSegmentAsync(conference, new { kind = "custom", title = $"Part {i}", durationSeconds = 14_400 });
        }

        var timeline = await Read<PlannedTimelineDto>(await Anonymous.GetAsync($"/api/conferences/{conference.Id}/timeline?tz=Pacific/Pago_Pago"));

        Assert.That(timeline.End.Utc, Is.EqualTo(new DateTimeOffset(2199, 12, 31, 8, 0, 0, TimeSpan.Zero)));
        Assert.That(timeline.End.Conference, Is.EqualTo(timeline.End.Utc), "the same instant");
        Assert.That(timeline.End.Conference.Offset, Is.EqualTo(TimeSpan.FromHours(14)));
        Assert.That(timeline.End.Conference.DateTime, Is.EqualTo(new DateTime(2199, 12, 31, 22, 0, 0)));
        Assert.That(timeline.End.Viewer!.Value.DateTime, Is.EqualTo(new DateTime(2199, 12, 30, 21, 0, 0)));
    }

    private static readonly string[] NotText = ["Ali\uFFFE Aliyev", "Ali\uFFFF", "Ali\uFDD0", "Ali\u0000", "Ali\u0001 Aliyev"];

    [TestCaseSource(nameof(NotText))]
    public async Task DisplayName_ThatIsNotText_IsAFieldError_EverywhereNamesComeIn(string name)
    {
        var (conference, person) = await ConferenceWithPersonAsync();
        await Read<Features.Registration.RegistrationDto>(await Organizer.PutAsJsonAsync($"/api/conferences/{conference.Id}/registration", new { open = true }));

        await ValidationProblem(await Organizer.PostAsJsonAsync($"/api/conferences/{conference.Id}/participants",
            new { displayName = name, country = "AZ", roles = new[] { "attendee" } }), "displayName");
        await ValidationProblem(await Organizer.PutAsJsonAsync($"/api/conferences/{conference.Id}/participants/{person.Id}",
            new { displayName = name, country = "AZ", roles = new[] { "attendee" } }), "displayName");
        await ValidationProblem(await Anonymous.PostAsJsonAsync($"/api/conferences/{conference.Id}/register",
            new { displayName = name, country = "AZ" }), "displayName");
        var csv = $"displayName,country,roles\n{name},AZ,attendee\n";
        await Problem(await Organizer.PostAsync($"/api/conferences/{conference.Id}/participants/import", new StringContent(csv, Encoding.UTF8, "text/csv")),
            HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task DisplayName_WithALoneSurrogateEscape_Is400NotA500()
    {
        var (conference, _) = await ConferenceWithPersonAsync();
        using var content = new StringContent("{\"displayName\": \"Ali\\ud800\", \"country\": \"AZ\", \"roles\": [\"attendee\"]}", Encoding.UTF8, "application/json");
        await Problem(await Organizer.PostAsync($"/api/conferences/{conference.Id}/participants", content), HttpStatusCode.BadRequest);
    }

    [TestCase("Jürgen Müller", "Ju\u0308rgen Mu\u0308ller")]
    [TestCase("İlqar Əliyev", "Ilqar Əliyev")]
    [TestCase("Ilqar Əliyev", "ılqar əliyev")]
    [TestCase("Ali Aliyev", "Ａｌｉ Ａｌｉｙｅｖ")]
    [TestCase("Ali Aliyev", "Ali\u200B Aliyev")]
    public async Task SecondSpellingOfTheSameName_IsTheSamePerson(string first, string second)
    {
        var conference = await CreateConferenceAsync();
        var created = await AddParticipantAsync(conference.Id, first, "AZ", "attendee");

        var duplicate = await Problem(await Organizer.PostAsJsonAsync($"/api/conferences/{conference.Id}/participants",
            new { displayName = second, country = "AZ", roles = new[] { "attendee" } }), HttpStatusCode.Conflict);
        Assert.That((string?)duplicate["existingId"], Is.EqualTo(created.Id.ToString()));
    }

    [Test]
    public async Task DecomposedName_IsStoredInNfc()
    {
        var conference = await CreateConferenceAsync();
        var created = await AddParticipantAsync(conference.Id, "Ju\u0308rgen Mu\u0308ller", "DE", "attendee");

        Assert.That(created.DisplayName, Is.EqualTo("Jürgen Müller"));
        Assert.That(created.DisplayName.IsNormalized(NormalizationForm.FormC), Is.True);
    }

    private async Task<(ConferenceDto Conference, ParticipantDto Person)> ConferenceWithPersonAsync()
    {
        var conference = await AddSegmentAsync(await CreateConferenceAsync(), new { kind = "minuteOfSilence", title = "Silence" });
        return (conference, await AddParticipantAsync(conference.Id, "Unchanged Person", "AZ", "speaker"));
    }

    private static HttpMethod MethodOf(string endpoint) => new(endpoint.Split(' ')[0]);

    private static string PathOf(string endpoint, ConferenceDto conference, ParticipantDto person) =>
        endpoint.Split(' ')[1]
            .Replace("{id}", conference.Id.ToString(), StringComparison.Ordinal)
            .Replace("{segmentId}", conference.Segments[0].Id.ToString(), StringComparison.Ordinal)
            .Replace("{participantId}", person.Id.ToString(), StringComparison.Ordinal);
}
