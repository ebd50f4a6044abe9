using System.Net;
using System.Text;
using Conference.Server.Tests.Api;

namespace Conference.Server.Tests.Participants;

/// <summary>The same bad bodies as the program sweep, fed to every participant-side endpoint that takes JSON.</summary>
public class ParticipantBadInputTests(DatabaseKind kind) : ApiTestBase(kind)
{
    public static readonly string[] BodyEndpoints =
    [
        "POST /api/conferences/{id}/participants",
        "PUT /api/conferences/{id}/participants/{participantId}",
        "POST /api/conferences/{id}/participants/{participantId}/invitations",
        "POST /api/conferences/{id}/invitations",
        "PUT /api/conferences/{id}/registration",
        "POST /api/conferences/{id}/register",
        "POST /api/join",
    ];

    private static IEnumerable<TestCaseData> Cases() =>
        from endpoint in BodyEndpoints
        from bad in BadInputTests.BadBodies.Cast<object[]>()
        select new TestCaseData(endpoint, bad[1], bad[2]).SetArgDisplayNames(endpoint, (string)bad[0]);

    [TestCaseSource(nameof(Cases))]
    public async Task BadBody_IsA4xxProblem_AndChangesNothing(string endpoint, string body, HttpStatusCode expected)
    {
        var conference = await CreateConferenceAsync();
        var person = await AddParticipantAsync(conference.Id, "Unchanged Person", "AZ", "speaker");
        var parts = endpoint.Split(' ');
        var path = parts[1].Replace("{id}", conference.Id.ToString(), StringComparison.Ordinal)
            .Replace("{participantId}", person.Id.ToString(), StringComparison.Ordinal);

        using var request = new HttpRequestMessage(new HttpMethod(parts[0]), path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        await Problem(await Organizer.SendAsync(request), expected);

        var after = await Read<Features.Participants.ParticipantDto>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/participants/{person.Id}"));
        Assert.That(after.DisplayName, Is.EqualTo("Unchanged Person"));
        Assert.That(after.Roles, Is.EqualTo(new[] { "speaker" }));
        var invitations = await Read<List<Features.Invitations.InvitationDto>>(
            await Organizer.GetAsync($"/api/conferences/{conference.Id}/participants/{person.Id}/invitations"));
        Assert.That(invitations, Is.Empty);
    }

    [Test]
    public async Task OversizedCsv_Is413()
    {
        var conference = await CreateConferenceAsync();
        var csv = "displayName,country,roles\n" + string.Concat(Enumerable.Repeat("Someone With A Long Name,AZ,attendee\n", 40_000));
        await Problem(await Organizer.PostAsync($"/api/conferences/{conference.Id}/participants/import", new StringContent(csv, Encoding.UTF8, "text/csv")),
            HttpStatusCode.RequestEntityTooLarge);
    }
}
