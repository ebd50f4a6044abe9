using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Conference.Server.Tests.Identity;

/// <summary>Where secrets come from and that they never reach the logs.</summary>
public class SecretsTests(DatabaseKind kind) : ApiTestBase(kind)
{
    [Test]
    public async Task CodesAndTokens_AreNeverLogged_EvenAtTraceLevel()
    {
        var capture = new CapturingLoggerProvider();
        await using var traced = Host.WithWebHostBuilder(builder => builder.ConfigureLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);

            // The one category that prints request URLs; it must stay at Warning (see docs/participants-and-access.md).
            logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
            logging.AddProvider(capture);
        }));
        using var organizer = traced.CreateClient();
        organizer.DefaultRequestHeaders.Authorization = new("Bearer", ApiHost.OrganizerKey);
        var conference = await Read<Features.Conferences.ConferenceDto>(await organizer.PostAsJsonAsync("/api/conferences", NewConference()));
        var person = await Read<Features.Participants.ParticipantDto>(await organizer.PostAsJsonAsync(
            $"/api/conferences/{conference.Id}/participants", new { displayName = "Logged Nobody", country = "AZ", roles = new[] { "host" } }));
        var link = await Read<Features.Invitations.InvitationLink>(await organizer.PostAsJsonAsync(
            $"/api/conferences/{conference.Id}/participants/{person.Id}/invitations", new { }));
        using var anonymous = traced.CreateClient();
        var session = await Read<Features.Invitations.SessionDto>(await anonymous.PostAsJsonAsync("/api/join", new { code = link.Code }));
        using var host = traced.CreateClient();
        host.DefaultRequestHeaders.Authorization = new("Bearer", session.Token);
        await host.GetAsync($"/api/conferences/{conference.Id}/participants");
        await anonymous.GetAsync($"/hubs/conference?access_token={session.Token}");
        using var forged = traced.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new("Bearer", session.Token[..^4] + "AAAA");
        await forged.GetAsync($"/api/conferences/{conference.Id}/participants");

        Assert.That(capture.Messages, Is.Not.Empty);
        var signature = session.Token.Split('.')[2];
        Assert.That(capture.Messages.Where(m => m.Contains(link.Code, StringComparison.Ordinal)
                                                 || m.Contains(signature, StringComparison.Ordinal)
                                                 || m.Contains(ApiHost.OrganizerKey, StringComparison.Ordinal)
                                                 || m.Contains(ApiHost.SigningKey, StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void MissingSigningKey_OutsideDevelopment_RefusesToStart()
    {
        using var host = Host.WithWebHostBuilder(builder => builder.UseSetting("Auth:SessionSigningKey", ""));
        Assert.That(() => host.CreateClient(), Throws.InstanceOf<InvalidOperationException>().With.Message.Contains("Auth:SessionSigningKey"));
    }

    [Test]
    public void ShortSigningKey_RefusesToStart()
    {
        using var host = Host.WithWebHostBuilder(builder => builder.UseSetting("Auth:SessionSigningKey", "too-short"));
        Assert.That(() => host.CreateClient(), Throws.InstanceOf<InvalidOperationException>().With.Message.Contains("at least 32 bytes"));
    }

    [Test]
    public async Task MissingSigningKey_InDevelopment_IsGeneratedAndSessionsWork()
    {
        await using var development = Host.WithWebHostBuilder(builder =>
            builder.UseEnvironment("Development").UseSetting("Auth:SessionSigningKey", ""));
        using var organizer = development.CreateClient();
        organizer.DefaultRequestHeaders.Authorization = new("Bearer", ApiHost.OrganizerKey);
        var conference = await Read<Features.Conferences.ConferenceDto>(await organizer.PostAsJsonAsync("/api/conferences", NewConference()));
        var person = await Read<Features.Participants.ParticipantDto>(await organizer.PostAsJsonAsync(
            $"/api/conferences/{conference.Id}/participants", new { displayName = "Dev Host", country = "AZ", roles = new[] { "host" } }));
        var link = await Read<Features.Invitations.InvitationLink>(await organizer.PostAsJsonAsync(
            $"/api/conferences/{conference.Id}/participants/{person.Id}/invitations", new { }));
        using var client = development.CreateClient();
        var session = await Read<Features.Invitations.SessionDto>(await client.PostAsJsonAsync("/api/join", new { code = link.Code }));

        client.DefaultRequestHeaders.Authorization = new("Bearer", session.Token);
        Assert.That((await client.GetAsync($"/api/conferences/{conference.Id}/participants")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        // A token signed with another server's key is worthless here.
        using var elsewhere = Host.CreateSessionClient(session.Token);
        await Problem(await elsewhere.GetAsync($"/api/conferences/{conference.Id}/participants"), HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Cors_AllowsOnlyConfiguredOrigins()
    {
        await using var withCors = Host.WithWebHostBuilder(builder => builder.UseSetting("Cors:AllowedOrigins:0", "https://stage.example.org"));
        using var client = withCors.CreateClient();

        async Task<string?> AllowedOrigin(string origin)
        {
            using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/conferences");
            preflight.Headers.Add("Origin", origin);
            preflight.Headers.Add("Access-Control-Request-Method", "POST");
            preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
            var response = await client.SendAsync(preflight);
            return response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;
        }

        Assert.That(await AllowedOrigin("https://stage.example.org"), Is.EqualTo("https://stage.example.org"));
        Assert.That(await AllowedOrigin("https://evil.example.com"), Is.Null);
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _messages = new();

        public IReadOnlyCollection<string> Messages => _messages;

        public ILogger CreateLogger(string categoryName) => new CapturingLogger(_messages);

        public void Dispose()
        {
        }

        private sealed class CapturingLogger(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue($"{formatter(state, exception)} {exception}");
        }
    }
}
