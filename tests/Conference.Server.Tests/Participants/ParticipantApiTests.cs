using System.Net;
using System.Net.Http.Json;
using Conference.Server.Features.Participants;

namespace Conference.Server.Tests.Participants;

public class ParticipantApiTests(DatabaseKind kind) : ApiTestBase(kind)
{
    [Test]
    public async Task Create_WithSeveralRoles_Returns201AndNormalizedFields()
    {
        var conference = await CreateConferenceAsync();
        var response = await Organizer.PostAsJsonAsync($"/api/conferences/{conference.Id}/participants", new
        {
            displayName = "  Leyla   Mammadova ",
            country = "az",
            language = "az",
            email = "leyla@example.org",
            roles = new[] { "Speaker", "awardee" },
        });
        var created = await Read<ParticipantDto>(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/conferences/{conference.Id}/participants/{created.Id}"));
        Assert.That(created.DisplayName, Is.EqualTo("Leyla Mammadova"));
        Assert.That(created.Country, Is.EqualTo("AZ"));
        Assert.That(created.Roles, Is.EqualTo(new[] { "speaker", "awardee" }));
        Assert.That(created.CreatedAt, Is.EqualTo(Host.Clock.GetUtcNow()));
    }

    [Test]
    public async Task Create_WithoutLanguage_TakesTheConferencesFirstLanguage()
    {
        var conference = await CreateConferenceAsync();
        var created = await Read<ParticipantDto>(await Organizer.PostAsJsonAsync(
            $"/api/conferences/{conference.Id}/participants", new { displayName = "No Language", country = "TR", roles = new[] { "attendee" } }));
        Assert.That(created.Language, Is.EqualTo("az"));
    }

    [Test]
    public async Task Create_WithBadFields_NamesEachField()
    {
        var conference = await CreateConferenceAsync();
        var response = await Organizer.PostAsJsonAsync($"/api/conferences/{conference.Id}/participants", new
        {
            displayName = "",
            country = "XX",
            language = "english!",
            email = "not-an-email",
            roles = new[] { "speaker", "king" },
        });
        await ValidationProblem(response, "displayName", "country", "language", "email", "roles[1]");
    }

    [Test]
    public async Task Create_WithoutRoles_Is400()
    {
        var conference = await CreateConferenceAsync();
        await ValidationProblem(await Organizer.PostAsJsonAsync(
            $"/api/conferences/{conference.Id}/participants", new { displayName = "Nobody", country = "AZ", roles = Array.Empty<string>() }), "roles");
    }

    [Test]
    public async Task Create_SamePersonTwice_Is409()
    {
        var conference = await CreateConferenceAsync();
        await AddParticipantAsync(conference.Id, "Ali Aliyev", "AZ");
        var response = await Organizer.PostAsJsonAsync(
            $"/api/conferences/{conference.Id}/participants", new { displayName = "ALI  aliyev", country = "az", roles = new[] { "speaker" } });
        await Problem(response, HttpStatusCode.Conflict);
    }

    [Test]
    public async Task Create_InUnknownConference_Is404()
    {
        var response = await Organizer.PostAsJsonAsync(
            $"/api/conferences/{Guid.NewGuid()}/participants", new { displayName = "Lost", country = "AZ", roles = new[] { "attendee" } });
        await Problem(response, HttpStatusCode.NotFound);
    }

    [Test]
    public async Task List_FiltersByRoleAndCountry_InNameOrder()
    {
        var conference = await CreateConferenceAsync();
        await AddParticipantAsync(conference.Id, "Zeynep", "TR", "speaker");
        await AddParticipantAsync(conference.Id, "Aysel", "AZ", "speaker", "awardee");
        await AddParticipantAsync(conference.Id, "Hans", "DE", "attendee");

        var all = await Read<List<ParticipantDto>>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/participants"));
        var speakers = await Read<List<ParticipantDto>>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/participants?role=speaker"));
        var turkish = await Read<List<ParticipantDto>>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/participants?country=tr"));

        Assert.That(all.Select(p => p.DisplayName), Is.EqualTo(new[] { "Aysel", "Hans", "Zeynep" }));
        Assert.That(speakers.Select(p => p.DisplayName), Is.EqualTo(new[] { "Aysel", "Zeynep" }));
        Assert.That(turkish.Select(p => p.DisplayName), Is.EqualTo(new[] { "Zeynep" }));
        await ValidationProblem(await Organizer.GetAsync($"/api/conferences/{conference.Id}/participants?role=king"), "role");
    }

    [Test]
    public async Task Emails_AreShownToTheOrganizerOnly()
    {
        var conference = await CreateConferenceAsync();
        var person = await Read<ParticipantDto>(await Organizer.PostAsJsonAsync($"/api/conferences/{conference.Id}/participants",
            new { displayName = "Private Person", country = "AZ", email = "private@example.org", roles = new[] { "speaker" } }));
        using var producer = await ParticipantClientAsync(conference.Id, "producer");

        var seenByProducer = await Read<List<ParticipantDto>>(await producer.GetAsync($"/api/conferences/{conference.Id}/participants"));
        var oneByProducer = await Read<ParticipantDto>(await producer.GetAsync($"/api/conferences/{conference.Id}/participants/{person.Id}"));
        var seenByOrganizer = await Read<ParticipantDto>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/participants/{person.Id}"));

        Assert.That(seenByProducer.Select(p => p.Email), Is.All.Null);
        Assert.That(oneByProducer.Email, Is.Null);
        Assert.That(seenByOrganizer.Email, Is.EqualTo("private@example.org"));
    }

    [Test]
    public async Task Update_ReplacesProfileAndRoles()
    {
        var conference = await CreateConferenceAsync();
        var person = await AddParticipantAsync(conference.Id, "Old Name", "AZ", "speaker");

        var updated = await Read<ParticipantDto>(await Organizer.PutAsJsonAsync(
            $"/api/conferences/{conference.Id}/participants/{person.Id}",
            new { displayName = "New Name", country = "GE", language = "ka", roles = new[] { "speaker", "awardee" } }));

        Assert.That(updated.DisplayName, Is.EqualTo("New Name"));
        Assert.That(updated.Country, Is.EqualTo("GE"));
        Assert.That(updated.Roles, Is.EqualTo(new[] { "speaker", "awardee" }));
        var fetched = await Read<ParticipantDto>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/participants/{person.Id}"));
        Assert.That(fetched, Is.EqualTo(updated).Using<ParticipantDto>((a, b) => a.Id == b.Id && a.DisplayName == b.DisplayName && a.Roles.SequenceEqual(b.Roles)));
    }

    [Test]
    public async Task Delete_RemovesTheParticipant()
    {
        var conference = await CreateConferenceAsync();
        var person = await AddParticipantAsync(conference.Id, "Gone Soon", "AZ");
        await InviteAsync(conference.Id, person.Id);

        Assert.That((await Organizer.DeleteAsync($"/api/conferences/{conference.Id}/participants/{person.Id}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await Problem(await Organizer.GetAsync($"/api/conferences/{conference.Id}/participants/{person.Id}"), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task ParticipantOfAnotherConference_IsNotFoundThroughThisOne()
    {
        var one = await CreateConferenceAsync("One");
        var two = await CreateConferenceAsync("Two");
        var person = await AddParticipantAsync(two.Id, "Elsewhere", "AZ");

        await Problem(await Organizer.GetAsync($"/api/conferences/{one.Id}/participants/{person.Id}"), HttpStatusCode.NotFound);
        await Problem(await Organizer.DeleteAsync($"/api/conferences/{one.Id}/participants/{person.Id}"), HttpStatusCode.NotFound);
        await Problem(await Organizer.PostAsJsonAsync($"/api/conferences/{one.Id}/participants/{person.Id}/invitations", new { }), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task DeletingTheConference_DeletesItsParticipants()
    {
        var conference = await CreateConferenceAsync();
        await AddParticipantAsync(conference.Id, "Cascade", "AZ");
        await Organizer.DeleteAsync($"/api/conferences/{conference.Id}");
        await Problem(await Organizer.GetAsync($"/api/conferences/{conference.Id}/participants"), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task BulkInvitations_GoToEveryoneWithoutALink_Once()
    {
        var conference = await CreateConferenceAsync();
        var invited = await AddParticipantAsync(conference.Id, "Already Invited", "AZ", "speaker");
        await InviteAsync(conference.Id, invited.Id);
        await AddParticipantAsync(conference.Id, "Speaker Two", "TR", "speaker");
        await AddParticipantAsync(conference.Id, "Attendee One", "DE", "attendee");

        var speakers = await Read<List<Features.Invitations.InvitationLink>>(
            await Organizer.PostAsJsonAsync($"/api/conferences/{conference.Id}/invitations", new { role = "speaker" }));
        var rest = await Read<List<Features.Invitations.InvitationLink>>(await Organizer.PostAsJsonAsync($"/api/conferences/{conference.Id}/invitations", new { }));
        var again = await Read<List<Features.Invitations.InvitationLink>>(await Organizer.PostAsJsonAsync($"/api/conferences/{conference.Id}/invitations", new { }));

        Assert.That(speakers.Select(l => l.DisplayName), Is.EqualTo(new[] { "Speaker Two" }));
        Assert.That(rest.Select(l => l.DisplayName), Is.EqualTo(new[] { "Attendee One" }));
        Assert.That(again, Is.Empty);
        Assert.That((await JoinAsync(rest[0].Code)).DisplayName, Is.EqualTo("Attendee One"));
    }

    [Test]
    public async Task ApiReference_DescribesTheParticipantRoutes()
    {
        var document = await (await Anonymous.GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync();
        Assert.That(document, Does.Contain("/api/conferences/{id}/participants/import").And.Contain("/api/join").And.Contain("text/csv"));
    }

    [Test]
    public async Task Invitation_ExpiringInThePast_Is400()
    {
        var conference = await CreateConferenceAsync();
        var person = await AddParticipantAsync(conference.Id, "Past", "AZ");
        var response = await Organizer.PostAsJsonAsync(
            $"/api/conferences/{conference.Id}/participants/{person.Id}/invitations", new { expiresAt = Host.Clock.GetUtcNow().AddMinutes(-1) });
        await ValidationProblem(response, "expiresAt");
    }
}
