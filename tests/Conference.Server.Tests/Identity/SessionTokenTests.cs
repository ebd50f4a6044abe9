using System.Net;
using System.Net.Http.Json;
using System.Text;
using Conference.Server.Features.Invitations;
using Conference.Server.Features.Participants;
using Conference.Server.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Conference.Server.Tests.Identity;

public class SessionTokenTests(DatabaseKind kind) : ApiTestBase(kind)
{
    [Test]
    public async Task Redeem_ValidCode_ReturnsSignedTokenNamingConferenceParticipantRolesAndExpiry()
    {
        var conference = await CreateConferenceAsync();
        var speaker = await AddParticipantAsync(conference.Id, "Leyla Mammadova", "AZ", "speaker", "awardee");
        var link = await InviteAsync(conference.Id, speaker.Id);

        var session = await JoinAsync(link.Code);

        var jwt = new JsonWebToken(session.Token);
        Assert.That(jwt.Alg, Is.EqualTo("HS256"));
        Assert.That(jwt.GetClaim("conference").Value, Is.EqualTo(conference.Id.ToString()));
        Assert.That(jwt.Subject, Is.EqualTo(speaker.Id.ToString()));
        Assert.That(jwt.Claims.Where(c => c.Type == "role").Select(c => c.Value), Is.EquivalentTo(new[] { "speaker", "awardee" }));
        Assert.That(session.ExpiresAt, Is.EqualTo(Host.Clock.GetUtcNow().AddHours(12)).Within(TimeSpan.FromSeconds(1)));
        Assert.That(new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero), Is.EqualTo(session.ExpiresAt).Within(TimeSpan.FromSeconds(1)));
        Assert.That(session.Roles, Is.EquivalentTo(new[] { "speaker", "awardee" }));
        Assert.That(link.JoinUrl, Does.EndWith($"/join#code={link.Code}"));
    }

    [Test]
    public async Task Redeem_UnknownOrEmptyCode_IsRefused()
    {
        await Problem(await Anonymous.PostAsJsonAsync("/api/join", new { code = "not-a-real-code" }), HttpStatusCode.Unauthorized);
        await ValidationProblem(await Anonymous.PostAsJsonAsync("/api/join", new { code = "" }), "code");
    }

    [Test]
    public async Task Redeem_AfterTheInvitationExpired_Is401SayingSo()
    {
        var conference = await CreateConferenceAsync();
        var person = await AddParticipantAsync(conference.Id, "Kemal Yilmaz", "TR");
        var link = await InviteAsync(conference.Id, person.Id, Host.Clock.GetUtcNow().AddHours(1));

        var session = await JoinAsync(link.Code);
        Assert.That(session.ExpiresAt, Is.EqualTo(link.ExpiresAt), "a session never outlives its invitation");

        Host.Clock.Advance(TimeSpan.FromHours(1));
        var problem = await Problem(await Anonymous.PostAsJsonAsync("/api/join", new { code = link.Code }), HttpStatusCode.Unauthorized);
        Assert.That((string?)problem["detail"], Does.Contain("expired"));
    }

    [Test]
    public async Task Session_AfterItsLifetime_Is401()
    {
        var conference = await CreateConferenceAsync();
        using var host = await ParticipantClientAsync(conference.Id, "host");
        Assert.That((await host.GetAsync($"/api/conferences/{conference.Id}/participants")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        Host.Clock.Advance(TimeSpan.FromHours(12));

        var expired = await Problem(await host.GetAsync($"/api/conferences/{conference.Id}/participants"), HttpStatusCode.Unauthorized);
        Assert.That((string?)expired["detail"], Does.Contain("expired").And.Not.Contain("revoked"));
        await Problem(await host.GetAsync($"/api/conferences/{conference.Id}"), HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task RevokedInvitation_EndsItsSessionsAndCannotBeRedeemed()
    {
        var conference = await CreateConferenceAsync();
        var person = await AddParticipantAsync(conference.Id, "Host Person", "AZ", "host");
        var link = await InviteAsync(conference.Id, person.Id);
        var other = await InviteAsync(conference.Id, person.Id);
        using var revoked = Host.CreateSessionClient((await JoinAsync(link.Code)).Token);
        using var kept = Host.CreateSessionClient((await JoinAsync(other.Code)).Token);

        var response = await Organizer.DeleteAsync($"/api/conferences/{conference.Id}/participants/{person.Id}/invitations/{link.InvitationId}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        await Problem(await revoked.GetAsync($"/api/conferences/{conference.Id}/participants"), HttpStatusCode.Unauthorized);
        var redeem = await Problem(await Anonymous.PostAsJsonAsync("/api/join", new { code = link.Code }), HttpStatusCode.Unauthorized);
        Assert.That((string?)redeem["detail"], Does.Contain("revoked"));
        Assert.That((await kept.GetAsync($"/api/conferences/{conference.Id}/participants")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var invitations = await Read<List<InvitationDto>>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/participants/{person.Id}/invitations"));
        Assert.That(invitations.Single(i => i.Id == link.InvitationId).Status, Is.EqualTo(Domain.Participants.InvitationStatus.Revoked));
    }

    [Test]
    public async Task TamperedToken_Is401()
    {
        var conference = await CreateConferenceAsync();
        var person = await AddParticipantAsync(conference.Id, "Attendee Person", "DE", "attendee");
        var token = (await JoinAsync((await InviteAsync(conference.Id, person.Id)).Code)).Token;

        // Promote the attendee to host in the payload and keep the signature.
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlDecode(parts[1])).Replace("\"attendee\"", "\"host\"", StringComparison.Ordinal);
        using var tampered = Host.CreateSessionClient($"{parts[0]}.{Base64UrlEncode(Encoding.UTF8.GetBytes(payload))}.{parts[2]}");
        await Problem(await tampered.GetAsync($"/api/conferences/{conference.Id}/participants"), HttpStatusCode.Unauthorized);

        using var unsigned = Host.CreateSessionClient($"{parts[0]}.{parts[1]}.");
        await Problem(await unsigned.GetAsync($"/api/conferences/{conference.Id}/attendance"), HttpStatusCode.Unauthorized);

        using var garbage = Host.CreateSessionClient("a.b.c");
        await Problem(await garbage.GetAsync("/api/conferences"), HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task TokenForAnotherConference_IsRefusedWith403()
    {
        var mine = await CreateConferenceAsync("Mine");
        var theirs = await CreateConferenceAsync("Theirs");
        using var host = await ParticipantClientAsync(mine.Id, "host");

        var problem = await Problem(await host.GetAsync($"/api/conferences/{theirs.Id}/participants"), HttpStatusCode.Forbidden);
        Assert.That((string?)problem["detail"], Does.Contain("another conference"));
    }

    [Test]
    public async Task Participant_CreatingAConference_Is403ForTheRole_NotForTheConference()
    {
        var conference = await CreateConferenceAsync();
        using var host = await ParticipantClientAsync(conference.Id, "host");

        var problem = await Problem(await host.PostAsJsonAsync("/api/conferences", NewConference("Hijack")), HttpStatusCode.Forbidden);
        Assert.That((string?)problem["detail"], Does.Contain("role"));
    }

    [Test]
    public async Task RoleTakenAway_TakesEffectOnTheOpenSession()
    {
        var conference = await CreateConferenceAsync();
        var person = await AddParticipantAsync(conference.Id, "Former Host", "AZ", "host");
        using var client = Host.CreateSessionClient((await JoinAsync((await InviteAsync(conference.Id, person.Id)).Code)).Token);
        Assert.That((await client.GetAsync($"/api/conferences/{conference.Id}/attendance")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        await Read<ParticipantDto>(await Organizer.PutAsJsonAsync(
            $"/api/conferences/{conference.Id}/participants/{person.Id}", new { displayName = "Former Host", country = "AZ", roles = new[] { "attendee" } }));

        await Problem(await client.GetAsync($"/api/conferences/{conference.Id}/attendance"), HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task DeletedParticipant_Is401()
    {
        var conference = await CreateConferenceAsync();
        var person = await AddParticipantAsync(conference.Id, "Leaving Host", "AZ", "host");
        using var client = Host.CreateSessionClient((await JoinAsync((await InviteAsync(conference.Id, person.Id)).Code)).Token);

        await Organizer.DeleteAsync($"/api/conferences/{conference.Id}/participants/{person.Id}");

        await Problem(await client.GetAsync($"/api/conferences/{conference.Id}/participants"), HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task AccessTokenQuery_IsReadOnlyOnHubPaths()
    {
        var conference = await CreateConferenceAsync();
        var person = await AddParticipantAsync(conference.Id, "Hub Host", "AZ", "host");
        var token = (await JoinAsync((await InviteAsync(conference.Id, person.Id)).Code)).Token;

        // A good token passes authentication and reaches the hub, which wants a connection id on a plain GET (400, not 401).
        Assert.That((await Anonymous.GetAsync($"/hubs/conference?access_token={token}")).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        await Problem(await Anonymous.GetAsync($"/hubs/conference?access_token={token}x"), HttpStatusCode.Unauthorized);
        await Problem(await Anonymous.GetAsync($"/api/conferences/{conference.Id}/participants?access_token={token}"), HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Codes_AreStoredOnlyAsHashes_AndNeverShownAgain()
    {
        var conference = await CreateConferenceAsync();
        var person = await AddParticipantAsync(conference.Id, "Hash Check", "AZ");
        var link = await InviteAsync(conference.Id, person.Id);

        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<ConferenceDbContext>().Invitations.SingleAsync(i => i.Id == link.InvitationId);
            Assert.That(stored.CodeHash, Is.Not.EqualTo(link.Code).And.Not.Contain(link.Code));
            Assert.That(stored.CodeHash, Has.Length.EqualTo(64));
        }

        var listed = await (await Organizer.GetAsync($"/api/conferences/{conference.Id}/participants/{person.Id}/invitations")).Content.ReadAsStringAsync();
        Assert.That(listed, Does.Contain(link.InvitationId.ToString()).And.Not.Contain(link.Code));
    }

    private static byte[] Base64UrlDecode(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
    }

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
