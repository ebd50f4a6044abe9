using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Conference.Server.Features.Conferences;
using Conference.Server.Features.Invitations;
using Conference.Server.Features.Participants;
using Conference.Server.Infrastructure;
using Conference.Server.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Conference.Server.Tests;

/// <summary>
/// Starts the host once per fixture on a fresh database of the given kind and empties it before each test.
/// Every API test class runs once on SQLite and once on PostgreSQL.
/// </summary>
[TestFixture(DatabaseKind.Sqlite)]
[TestFixture(DatabaseKind.Postgres)]
public abstract class ApiTestBase(DatabaseKind kind)
{
    public static readonly JsonSerializerOptions Json = CreateJsonOptions();

    private TestDatabase _database = null!;

    /// <summary>The fixture's database, for a test that starts a second server on it (a restart).</summary>
    protected TestDatabase Database => _database;

    protected ApiHost Host { get; private set; } = null!;
    protected HttpClient Organizer { get; private set; } = null!;
    protected HttpClient Anonymous { get; private set; } = null!;

    /// <summary>Configuration a fixture needs on top of the defaults (e.g. a low rate limit).</summary>
    protected virtual IReadOnlyDictionary<string, string?>? HostSettings => null;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        _database = TestDatabase.Create(kind);
        Host = new ApiHost(_database, HostSettings);
        Organizer = Host.CreateOrganizerClient();
        Anonymous = Host.CreateClient();
        await Anonymous.GetAsync("/health/live");
    }

    [OneTimeTearDown]
    public async Task StopHost()
    {
        Organizer?.Dispose();
        Anonymous?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [SetUp]
    public async Task EmptyDatabase()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ConferenceDbContext>();
        await db.Conferences.ExecuteDeleteAsync();
    }

    protected static object NewConference(string title = "Solidarity Day") => new
    {
        title,
        slogan = "Let's be united",
        scheduledStart = "2026-12-31T11:00:00Z",
        timeZone = "Asia/Baku",
        languages = new[] { "az", "en" },
    };

    protected async Task<ConferenceDto> CreateConferenceAsync(string title = "Solidarity Day")
    {
        var response = await Organizer.PostAsJsonAsync("/api/conferences", NewConference(title));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ConferenceDto>(Json))!;
    }

    protected async Task<ConferenceDto> AddSegmentAsync(ConferenceDto conference, object segment)
    {
        var body = JsonSerializer.SerializeToNode(segment)!.AsObject();
        body["expectedRevision"] = conference.Revision;
        var response = await Organizer.PostAsJsonAsync($"/api/conferences/{conference.Id}/segments", body);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ConferenceDto>(Json))!;
    }

    /// <summary>Adds a participant to a conference through the API, as the organizer.</summary>
    protected async Task<ParticipantDto> AddParticipantAsync(
        Guid conferenceId, string name, string country = "AZ", params string[] roles)
    {
        var response = await Organizer.PostAsJsonAsync($"/api/conferences/{conferenceId}/participants", new
        {
            displayName = name,
            country,
            language = "en",
            roles = roles.Length == 0 ? ["attendee"] : roles,
        });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ParticipantDto>(Json))!;
    }

    /// <summary>Invites a participant and returns the link with its one-time-shown code.</summary>
    protected async Task<InvitationLink> InviteAsync(Guid conferenceId, Guid participantId, DateTimeOffset? expiresAt = null)
    {
        var response = await Organizer.PostAsJsonAsync($"/api/conferences/{conferenceId}/participants/{participantId}/invitations", new { expiresAt });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<InvitationLink>(Json))!;
    }

    /// <summary>Redeems a code as a participant's browser does and returns the session.</summary>
    protected async Task<SessionDto> JoinAsync(string code) =>
        await Read<SessionDto>(await Anonymous.PostAsJsonAsync("/api/join", new { code }));

    /// <summary>A new participant with the roles, invited and joined; the token also opens the hub (<c>access_token</c>).</summary>
    protected async Task<SessionDto> ParticipantSessionAsync(Guid conferenceId, params string[] roles)
    {
        var participant = await AddParticipantAsync(conferenceId, $"{string.Join(" ", roles)} {Guid.NewGuid():N}", "AZ", roles);
        return await JoinAsync((await InviteAsync(conferenceId, participant.Id)).Code);
    }

    /// <summary>A new participant with the roles, invited and joined: a client that sends their session token.</summary>
    protected async Task<HttpClient> ParticipantClientAsync(Guid conferenceId, params string[] roles) =>
        Host.CreateSessionClient((await ParticipantSessionAsync(conferenceId, roles)).Token);

    protected static async Task<T> Read<T>(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, $"{(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<T>(text, Json)!;
    }

    /// <summary>Asserts an RFC 9457 problem with the status, and returns its JSON.</summary>
    protected static async Task<JsonObject> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), text);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.That((int)problem["status"]!, Is.EqualTo((int)status));
        Assert.That((string?)problem["detail"] ?? (string?)problem["title"], Is.Not.Empty);
        return problem;
    }

    /// <summary>Asserts a 400 whose field errors include each given field (camelCase JSON path).</summary>
    protected static async Task<JsonObject> ValidationProblem(HttpResponseMessage response, params string[] fields)
    {
        var problem = await Problem(response, HttpStatusCode.BadRequest);
        var errors = problem["errors"]?.AsObject();
        Assert.That(errors, Is.Not.Null, problem.ToJsonString());
        Assert.That(errors!.Select(e => e.Key), Is.SupersetOf(fields), problem.ToJsonString());
        return problem;
    }

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ServerSetup.ConfigureJson(options);
        options.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip;
        return options;
    }
}
