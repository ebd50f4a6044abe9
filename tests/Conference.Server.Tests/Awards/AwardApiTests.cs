using System.Net;
using System.Net.Http.Json;
using System.Text;
using Conference.Server.Features.Awards;
using Conference.Server.Features.Conferences;
using Conference.Server.Features.Participants;

namespace Conference.Server.Tests.Awards;

/// <summary>Award lists over the API: created for a ceremony segment, edited with revisions, imported from CSV, ordered.</summary>
public class AwardApiTests(DatabaseKind kind) : ApiTestBase(kind)
{
    private static readonly object Ceremony = new { kind = "awardsCeremony", title = "Medals", durationSeconds = 1800, awardName = "For service in diaspora activity" };

    [Test]
    public async Task CreateAward_ForCeremonySegment_TakesTheSegmentsAwardName()
    {
        var (conference, _) = await CeremonyAsync();

        var award = await CreateAwardAsync(conference, description: "Given by the committee");

        Assert.That(award.Name, Is.EqualTo("For service in diaspora activity"));
        Assert.That(award.Description, Is.EqualTo("Given by the committee"));
        Assert.That(award.Revision, Is.EqualTo(1));
        Assert.That(award.SegmentId, Is.EqualTo(conference.Segments[0].Id));
        var listed = await Read<List<AwardDto>>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/awards"));
        Assert.That(listed.Select(a => a.Id), Is.EqualTo(new[] { award.Id }));
    }

    [Test]
    public async Task CreateAward_ForAnotherKindOfSegment_IsAFieldError_AndASecondListForTheSameSegmentIs409()
    {
        var conference = await AddSegmentAsync(await CreateConferenceAsync(), new { kind = "minuteOfSilence", title = "Silence" });
        await ValidationProblem(await Organizer.PostAsJsonAsync($"/api/conferences/{conference.Id}/awards", new { segmentId = conference.Segments[0].Id }), "segmentId");
        await ValidationProblem(await Organizer.PostAsJsonAsync($"/api/conferences/{conference.Id}/awards", new { }), "segmentId");
        await Problem(await Organizer.PostAsJsonAsync($"/api/conferences/{conference.Id}/awards", new { segmentId = Guid.NewGuid() }), HttpStatusCode.NotFound);

        var (ceremony, _) = await CeremonyAsync();
        await CreateAwardAsync(ceremony);
        await Problem(await Organizer.PostAsJsonAsync($"/api/conferences/{ceremony.Id}/awards", new { segmentId = ceremony.Segments[0].Id }), HttpStatusCode.Conflict);
    }

    [Test]
    public async Task Recipients_AddUpdateRemove_OneByOne_WithRevisions_AndStaleEditIs409()
    {
        var (conference, _) = await CeremonyAsync();
        var award = await CreateAwardAsync(conference);
        var ali = await AddParticipantAsync(conference.Id, "Ali Aliyev", "AZ", "attendee");
        var ayse = await AddParticipantAsync(conference.Id, "Ayşe Kaya", "TR", "attendee");

        award = await Read<AwardDto>(await Organizer.PostAsJsonAsync(Recipients(award), new { expectedRevision = 1, participantId = ali.Id, citation = "Twenty years of Sunday school" }));
        award = await Read<AwardDto>(await Organizer.PostAsJsonAsync(
            Recipients(award), new { expectedRevision = 2, participantId = ayse.Id, country = "DE", photoUrl = "https://photos.example.org/ayse.jpg" }));
        Assert.That(award.Revision, Is.EqualTo(3));
        Assert.That(award.Recipients.Select(r => (r.Name, r.Country, r.Position)), Is.EqualTo(new[] { ("Ali Aliyev", "AZ", 0), ("Ayşe Kaya", "DE", 1) }));
        var person = await Read<ParticipantDto>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/participants/{ali.Id}"));
        Assert.That(person.Roles, Is.EquivalentTo(new[] { "attendee", "awardee" }), "a recipient becomes an awardee");

        var stale = await Problem(await Organizer.PostAsJsonAsync(Recipients(award), new { expectedRevision = 1, participantId = ali.Id }), HttpStatusCode.Conflict);
        Assert.That((int)stale["currentRevision"]!, Is.EqualTo(3));
        await Problem(await Organizer.PostAsJsonAsync(Recipients(award), new { expectedRevision = 3, participantId = ali.Id }), HttpStatusCode.Conflict);
        await ValidationProblem(
            await Organizer.PostAsJsonAsync(
                Recipients(award), new { expectedRevision = 3, participantId = ali.Id, country = "XX", photoUrl = "javascript:alert(1)" }),
            "country",
            "photoUrl");

        award = await Read<AwardDto>(await Organizer.PutAsJsonAsync($"{Recipients(award)}/{ali.Id}", new { expectedRevision = 3, citation = "Thirty years" }));
        Assert.That(award.Recipients[0].Citation, Is.EqualTo("Thirty years"));

        award = await Read<AwardDto>(await Organizer.DeleteAsync($"{Recipients(award)}/{ali.Id}?expectedRevision=4"));
        Assert.That(award.Recipients.Select(r => (r.Name, r.Position)), Is.EqualTo(new[] { ("Ayşe Kaya", 0) }));
        await Problem(await Organizer.DeleteAsync($"{Recipients(award)}/{ali.Id}?expectedRevision=5"), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Import_MatchesParticipantsByNameAndCountry_AddsNewPeople_AndKeepsFileOrder()
    {
        var (conference, _) = await CeremonyAsync();
        var award = await CreateAwardAsync(conference);
        await Organizer.PostAsync($"/api/conferences/{conference.Id}/participants/import",
            new StringContent("displayName,country,email,roles\nZaur Mammadov,AZ,zaur@example.org,attendee\n", Encoding.UTF8, "text/csv"));

        var report = await Read<RecipientImportReport>(await ImportAsync(award, 1,
            "name,country,citation\n\"ZAUR  mammadov\",az,\"For the library, and more\"\nNew Person,FR,Founder\n"));

        Assert.That(report.Committed, Is.True);
        Assert.That((report.Created, report.ParticipantsCreated, report.Award.Revision), Is.EqualTo((2, 1, 2)));
        Assert.That(report.Award.Recipients.Select(r => (r.Name, r.Country, r.Citation)), Is.EqualTo(new[]
        {
            ("Zaur Mammadov", "AZ", "For the library, and more"), ("New Person", "FR", "Founder"),
        }));
        var people = await Read<List<ParticipantDto>>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/participants"));
        Assert.That(people, Has.Count.EqualTo(2), "the existing participant was matched, not copied");
        Assert.That(people.All(p => p.Roles.Contains("awardee")), Is.True);

        var again = await Read<RecipientImportReport>(await ImportAsync(report.Award, 2, "name,country,citation\nZaur Mammadov,AZ,\"For the library, and more\"\nNew Person,FR,Co-founder\n"));
        Assert.That((again.Created, again.Updated, again.Unchanged), Is.EqualTo((0, 1, 1)));
    }

    [Test]
    public async Task Import_WithBadRows_ReportsEveryErrorByLine_AndStoresNothing()
    {
        var (conference, _) = await CeremonyAsync();
        var award = await CreateAwardAsync(conference);
        var csv = "name,country,citation,photoUrl,participantId\n" +
                  "Good Person,AZ,Fine,,\n" +
                  "Bad Country,XX,Fine,,\n" +
                  ",TR,No name,,\n" +
                  "Photo Person,DE,Fine,ftp://example.org/p.jpg,\n" +
                  "Ghost,AZ,,," + Guid.NewGuid() + "\n" +
                  "Good Person,AZ,Twice,,\n";

        var problem = await ValidationProblem(await ImportAsync(award, 1, csv), "lines[3].country", "lines[4].name", "lines[5].photoUrl", "lines[6].participantId", "lines[7].participantId");
        Assert.That((bool)problem["report"]!["committed"]!, Is.False);
        Assert.That((int)problem["report"]!["skipped"]!, Is.EqualTo(5));
        Assert.That((string)problem["errors"]!["lines[3].country"]![0]!, Does.StartWith("Line 3:"));
        var unchanged = await Read<AwardDto>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/awards/{award.Id}"));
        Assert.That((unchanged.Revision, unchanged.Recipients.Count), Is.EqualTo((1, 0)));
        Assert.That(await Read<List<ParticipantDto>>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/participants")), Is.Empty);

        var skipped = await Read<RecipientImportReport>(await ImportAsync(award, 1, csv, skipInvalid: true));
        Assert.That((skipped.Created, skipped.Skipped, skipped.Errors.Count), Is.EqualTo((1, 5, 5)));
    }

    [Test]
    public async Task Import_WithoutNameOrIdColumns_OrWithoutRevision_IsRejected()
    {
        var (conference, _) = await CeremonyAsync();
        var award = await CreateAwardAsync(conference);
        await ValidationProblem(await ImportAsync(award, 1, "citation\nHello\n"), "csv");
        await ValidationProblem(await ImportAsync(award, 1, ""), "csv");
        await ValidationProblem(await Organizer.PostAsync($"/api/conferences/{conference.Id}/awards/{award.Id}/recipients/import",
            new StringContent("name,country\nA,AZ\n", Encoding.UTF8, "text/csv")), "expectedRevision");
        await Problem(await ImportAsync(award, 7, "name,country\nA,AZ\n"), HttpStatusCode.Conflict);
    }

    [Test]
    public async Task Order_GeneratedByCountryThenName_ByName_AsImported_OrSetExplicitly()
    {
        var (conference, _) = await CeremonyAsync();
        var award = await CreateAwardAsync(conference);
        award = (await Read<RecipientImportReport>(await ImportAsync(award, 1, "name,country\nZeynep,TR\nAli,TR\nMark,DE\nBabek,AZ\n"))).Award;
        Assert.That(award.Recipients.Select(r => r.Name), Is.EqualTo(new[] { "Zeynep", "Ali", "Mark", "Babek" }));

        award = await OrderAsync(award, new { expectedRevision = award.Revision, generate = "byCountryThenName" });
        Assert.That(award.Recipients.Select(r => r.Name), Is.EqualTo(new[] { "Babek", "Mark", "Ali", "Zeynep" }));
        award = await OrderAsync(award, new { expectedRevision = award.Revision, generate = "byName" });
        Assert.That(award.Recipients.Select(r => r.Name), Is.EqualTo(new[] { "Ali", "Babek", "Mark", "Zeynep" }));
        award = await OrderAsync(award, new { expectedRevision = award.Revision, generate = "asImported" });
        Assert.That(award.Recipients.Select(r => r.Name), Is.EqualTo(new[] { "Zeynep", "Ali", "Mark", "Babek" }));

        var reversed = award.Recipients.Select(r => r.ParticipantId).Reverse().ToList();
        award = await OrderAsync(award, new { expectedRevision = award.Revision, participantIds = reversed });
        Assert.That(award.Recipients.Select(r => r.Name), Is.EqualTo(new[] { "Babek", "Mark", "Ali", "Zeynep" }));
        Assert.That(award.Recipients.Select(r => r.Position), Is.EqualTo(new[] { 0, 1, 2, 3 }));

        var path = $"/api/conferences/{conference.Id}/awards/{award.Id}/recipients/order";
        await ValidationProblem(await Organizer.PostAsJsonAsync(path, new { expectedRevision = award.Revision, participantIds = reversed.Take(3) }), "participantIds");
        await ValidationProblem(await Organizer.PostAsJsonAsync(path, new { expectedRevision = award.Revision }), "participantIds");
        await ValidationProblem(await Organizer.PostAsJsonAsync(path, new { expectedRevision = award.Revision, generate = "byShoeSize" }), "generate");
        await Problem(await Organizer.PostAsJsonAsync(path, new { expectedRevision = 1, generate = "byName" }), HttpStatusCode.Conflict);
    }

    [Test]
    public async Task UpdateAndDeleteAward_NeedTheCurrentRevision()
    {
        var (conference, _) = await CeremonyAsync();
        var award = await CreateAwardAsync(conference);
        var path = $"/api/conferences/{conference.Id}/awards/{award.Id}";

        award = await Read<AwardDto>(await Organizer.PutAsJsonAsync(path, new { expectedRevision = 1, name = "Medal of Honour", description = "d" }));
        Assert.That((award.Name, award.Revision), Is.EqualTo(("Medal of Honour", 2)));
        await Problem(await Organizer.PutAsJsonAsync(path, new { expectedRevision = 1, name = "Other" }), HttpStatusCode.Conflict);
        await ValidationProblem(await Organizer.PutAsJsonAsync(path, new { expectedRevision = 2, name = "" }), "name");
        await Problem(await Organizer.DeleteAsync($"{path}?expectedRevision=1"), HttpStatusCode.Conflict);
        Assert.That((await Organizer.DeleteAsync($"{path}?expectedRevision=2")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await Problem(await Organizer.GetAsync(path), HttpStatusCode.NotFound);
    }

    private async Task<(ConferenceDto Conference, Guid SegmentId)> CeremonyAsync()
    {
        var conference = await AddSegmentAsync(await CreateConferenceAsync(), Ceremony);
        return (conference, conference.Segments[0].Id);
    }

    private async Task<AwardDto> CreateAwardAsync(ConferenceDto conference, string? description = null)
    {
        var response = await Organizer.PostAsJsonAsync($"/api/conferences/{conference.Id}/awards", new { segmentId = conference.Segments[0].Id, description });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return await Read<AwardDto>(response);
    }

    private static string Recipients(AwardDto award) => $"/api/conferences/{award.ConferenceId}/awards/{award.Id}/recipients";

    private Task<HttpResponseMessage> ImportAsync(AwardDto award, int revision, string csv, bool skipInvalid = false) =>
        Organizer.PostAsync($"{Recipients(award)}/import?expectedRevision={revision}&skipInvalid={skipInvalid}", new StringContent(csv, Encoding.UTF8, "text/csv"));

    private async Task<AwardDto> OrderAsync(AwardDto award, object body) =>
        await Read<AwardDto>(await Organizer.PostAsJsonAsync($"{Recipients(award)}/order", body));
}
