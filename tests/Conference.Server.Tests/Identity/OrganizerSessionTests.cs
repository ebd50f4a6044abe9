using System.Net;
using System.Net.Http.Json;
using Conference.Server.Features.Organizer;

namespace Conference.Server.Tests.Identity;

public class OrganizerSessionTests(DatabaseKind kind) : ApiTestBase(kind)
{
    [Test]
    public async Task SignIn_WithTheKey_GivesASessionThatActsAsOrganizer()
    {
        var session = await Read<OrganizerSessionDto>(await Anonymous.PostAsJsonAsync("/api/organizer/session", new { key = ApiHost.OrganizerKey }));
        using var browser = Host.CreateSessionClient(session.Token);

        var created = await browser.PostAsJsonAsync("/api/conferences", NewConference("Made in the browser"));

        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        Assert.That(session.Token, Does.Not.Contain(ApiHost.OrganizerKey));
        Assert.That(session.ExpiresAt, Is.GreaterThan(Host.Clock.GetUtcNow()));
    }

    [Test]
    public async Task SignIn_WithAWrongOrEmptyKey_IsRefused()
    {
        await Problem(await Anonymous.PostAsJsonAsync("/api/organizer/session", new { key = "guess" }), HttpStatusCode.Unauthorized);
        var empty = await Problem(await Anonymous.PostAsJsonAsync("/api/organizer/session", new { key = "" }), HttpStatusCode.BadRequest);
        Assert.That(empty["errors"]!.AsObject().Select(e => e.Key), Does.Contain("key"));
    }

    [Test]
    public async Task Session_PastItsLifetime_Is401()
    {
        var session = await Read<OrganizerSessionDto>(await Anonymous.PostAsJsonAsync("/api/organizer/session", new { key = ApiHost.OrganizerKey }));
        using var browser = Host.CreateSessionClient(session.Token);
        Host.Clock.Advance(Conference.Server.Identity.OrganizerSessions.Lifetime + TimeSpan.FromSeconds(1));

        await Problem(await browser.PostAsJsonAsync("/api/conferences", NewConference()), HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task ParticipantToken_NeverPassesAsOrganizerSession()
    {
        var conference = await CreateConferenceAsync();
        using var host = await ParticipantClientAsync(conference.Id, "host");

        await Problem(await host.PostAsJsonAsync("/api/conferences", NewConference()), HttpStatusCode.Forbidden);
    }
}
