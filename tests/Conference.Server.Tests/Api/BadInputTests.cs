using System.Net;
using System.Text;

namespace Conference.Server.Tests.Api;

/// <summary>
/// Every endpoint that takes a body, fed what clients get wrong: each must answer with a 4xx
/// problem, never a 500, and leave the stored program as it was.
/// </summary>
public class BadInputTests(DatabaseKind kind) : ApiTestBase(kind)
{
    public static readonly string[] BodyEndpoints =
    [
        "POST /api/conferences",
        "PUT /api/conferences/{id}",
        "POST /api/conferences/{id}/segments",
        "PUT /api/conferences/{id}/segments/{segmentId}",
        "POST /api/conferences/{id}/segments/reorder",
    ];

    /// <summary>The endpoints that name an existing conference (creating one names none).</summary>
    public static readonly string[] ConferenceBodyEndpoints = [.. BodyEndpoints.Where(e => e.Contains("{id}", StringComparison.Ordinal))];

    public static readonly object[] BadBodies =
    [
        new object[] { "malformed JSON", "{\"title\": \"x\",", HttpStatusCode.BadRequest },
        new object[] { "not an object", "[1, 2, 3]", HttpStatusCode.BadRequest },
        new object[] { "JSON null", "null", HttpStatusCode.BadRequest },
        new object[] { "empty body", "", HttpStatusCode.BadRequest },
        new object[] { "wrong type", "{\"title\": 42, \"expectedRevision\": \"one\"}", HttpStatusCode.BadRequest },
        new object[] { "number out of range", "{\"expectedRevision\": 99999999999999999999, \"durationSeconds\": 1e40}", HttpStatusCode.BadRequest },
        new object[] { "unknown enum", "{\"expectedRevision\": 1, \"kind\": \"dance\", \"title\": \"x\"}", HttpStatusCode.BadRequest },
        new object[] { "enum as number", "{\"expectedRevision\": 1, \"kind\": 3, \"title\": \"x\"}", HttpStatusCode.BadRequest },
        new object[] { "misspelled field", "{\"expectedRevison\": 1, \"titel\": \"x\"}", HttpStatusCode.BadRequest },
        new object[] { "bad instant", "{\"expectedRevision\": 1, \"scheduledStart\": \"tomorrow\", \"fixedStart\": \"31/12/2026\"}", HttpStatusCode.BadRequest },
        new object[] { "oversized body", "{\"title\": \"" + new string('x', 1_100_000) + "\"}", HttpStatusCode.RequestEntityTooLarge },
    ];

    private static IEnumerable<TestCaseData> Cases() =>
        from endpoint in BodyEndpoints
        from bad in BadBodies.Cast<object[]>()
        select new TestCaseData(endpoint, bad[1], bad[2]).SetArgDisplayNames(endpoint, (string)bad[0]);

    [TestCaseSource(nameof(Cases))]
    public async Task BadBody_IsA4xxProblem_AndChangesNothing(string endpoint, string body, HttpStatusCode expected)
    {
        var conference = await AddSegmentAsync(await CreateConferenceAsync(), new { kind = "minuteOfSilence", title = "Silence" });
        var (method, path) = Resolve(endpoint, conference.Id, conference.Segments[0].Id);

        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        var response = await Organizer.SendAsync(request);
        await Problem(response, expected);

        var after = await Read<Features.Conferences.ConferenceDto>(await Anonymous.GetAsync($"/api/conferences/{conference.Id}"));
        Assert.That(after.Revision, Is.EqualTo(conference.Revision));
        Assert.That(after.Segments, Has.Count.EqualTo(1));
    }

    [TestCaseSource(nameof(BodyEndpoints))]
    public async Task WrongContentType_Is415Problem(string endpoint)
    {
        var conference = await AddSegmentAsync(await CreateConferenceAsync(), new { kind = "minuteOfSilence", title = "Silence" });
        var (method, path) = Resolve(endpoint, conference.Id, conference.Segments[0].Id);
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent("title=x", Encoding.UTF8, "application/x-www-form-urlencoded") };
        var response = await Organizer.SendAsync(request);
        await Problem(response, HttpStatusCode.UnsupportedMediaType);
    }

    [TestCaseSource(nameof(ConferenceBodyEndpoints))]
    public async Task UnknownConference_Is404Problem(string endpoint)
    {
        var (method, path) = Resolve(endpoint, Guid.NewGuid(), Guid.NewGuid());
        var body = endpoint.EndsWith("reorder", StringComparison.Ordinal) ? "{\"expectedRevision\": 1, \"segmentIds\": []}"
            : endpoint.Contains("segments", StringComparison.Ordinal) ? "{\"expectedRevision\": 1, \"kind\": \"custom\", \"title\": \"x\", \"durationSeconds\": 60}"
            : "{\"expectedRevision\": 1, \"title\": \"x\", \"scheduledStart\": \"2026-12-31T11:00:00Z\", \"timeZone\": \"Asia/Baku\", \"languages\": [\"az\"]}";
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        await Problem(await Organizer.SendAsync(request), HttpStatusCode.NotFound);
    }

    [TestCaseSource(nameof(BodyEndpoints))]
    public async Task Anonymous_Is401Problem(string endpoint)
    {
        var conference = await AddSegmentAsync(await CreateConferenceAsync(), new { kind = "minuteOfSilence", title = "Silence" });
        var (method, path) = Resolve(endpoint, conference.Id, conference.Segments[0].Id);
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        await Problem(await Anonymous.SendAsync(request), HttpStatusCode.Unauthorized);
    }

    private static (HttpMethod Method, string Path) Resolve(string endpoint, Guid id, Guid segmentId)
    {
        var parts = endpoint.Split(' ');
        return (new HttpMethod(parts[0]), parts[1].Replace("{id}", id.ToString(), StringComparison.Ordinal)
            .Replace("{segmentId}", segmentId.ToString(), StringComparison.Ordinal));
    }
}
