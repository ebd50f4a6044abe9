using System.Net;
using System.Text;
using Conference.Server.Features.Participants;

namespace Conference.Server.Tests.Participants;

public class CsvImportTests(DatabaseKind kind) : ApiTestBase(kind)
{
    private const string Speakers = """
        displayName,country,language,email,roles
        Leyla Mammadova,AZ,az,leyla@example.org,speaker
        "Yilmaz, Kemal",TR,tr,,speaker;awardee
        Hans Müller,DE,de,hans@example.org,speaker

        """;

    [Test]
    public async Task Import_GoodRows_CreatesEveryone()
    {
        var conference = await CreateConferenceAsync();

        var report = await Read<ImportReport>(await ImportAsync(conference.Id, Speakers));

        Assert.That(report, Is.EqualTo(new ImportReport(true, 3, 3, 0, 0, 0, [])).Using<ImportReport>(SameCounts));
        var people = await Read<List<ParticipantDto>>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/participants"));
        Assert.That(people.Select(p => p.DisplayName), Is.EqualTo(new[] { "Hans Müller", "Leyla Mammadova", "Yilmaz, Kemal" }));
        Assert.That(people.Single(p => p.Country == "TR").Roles, Is.EqualTo(new[] { "speaker", "awardee" }));
    }

    [Test]
    public async Task Import_SameFileTwice_DuplicatesNobody()
    {
        var conference = await CreateConferenceAsync();
        await Read<ImportReport>(await ImportAsync(conference.Id, Speakers));

        var again = await Read<ImportReport>(await ImportAsync(conference.Id, Speakers));

        Assert.That(again, Is.EqualTo(new ImportReport(true, 3, 0, 0, 3, 0, [])).Using<ImportReport>(SameCounts));
        Assert.That(await Read<List<ParticipantDto>>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/participants")), Has.Count.EqualTo(3));
    }

    [Test]
    public async Task Import_AwardListAfterSpeakerList_AddsTheAwardeeRoleToTheSamePerson()
    {
        var conference = await CreateConferenceAsync();
        await Read<ImportReport>(await ImportAsync(conference.Id, Speakers));

        var awards = "name;country;e-mail;roles\nLeyla Mammadova;AZ;LEYLA@example.org;awardee\nNew Laureate;GE;;awardee\n";
        var report = await Read<ImportReport>(await ImportAsync(conference.Id, awards));

        Assert.That(report, Is.EqualTo(new ImportReport(true, 2, 1, 1, 0, 0, [])).Using<ImportReport>(SameCounts));
        var leyla = (await Read<List<ParticipantDto>>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/participants?country=AZ"))).Single();
        Assert.That(leyla.Roles, Is.EqualTo(new[] { "speaker", "awardee" }));
    }

    [Test]
    public async Task Import_WithBadRows_ImportsNothing_AndReportsEachBadFieldByLine()
    {
        var conference = await CreateConferenceAsync();
        var csv = "displayName,country,roles\nGood Person,AZ,speaker\n,TR,speaker\nBad Country,XX,king\n";

        var problem = await ValidationProblem(await ImportAsync(conference.Id, csv), "lines[3].displayName", "lines[4].country", "lines[4].roles[0]");

        Assert.That((string?)problem["errors"]!["lines[4].country"]![0], Does.StartWith("Line 4:"));
        var report = problem["report"]!.AsObject();
        Assert.That((bool)report["committed"]!, Is.False);
        Assert.That((int)report["skipped"]!, Is.EqualTo(2));
        Assert.That(await Read<List<ParticipantDto>>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/participants")), Is.Empty);
    }

    [Test]
    public async Task Import_WithBadRows_AndSkipInvalid_ImportsTheGoodOnes()
    {
        var conference = await CreateConferenceAsync();
        var csv = "displayName,country,roles\nGood Person,AZ,speaker\nBad Country,XX,speaker\n";

        var report = await Read<ImportReport>(await ImportAsync(conference.Id, csv, skipInvalid: true));

        Assert.That(report.Committed, Is.True);
        Assert.That(report.Created, Is.EqualTo(1));
        Assert.That(report.Skipped, Is.EqualTo(1));
        Assert.That(report.Errors, Is.EqualTo(new[] { new RowError(3, "country", report.Errors[0].Message) }));
        var people = await Read<List<ParticipantDto>>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/participants"));
        Assert.That(people.Select(p => p.DisplayName), Is.EqualTo(new[] { "Good Person" }));
    }

    [Test]
    public async Task Import_QuotedFieldsWithLineBreaksAndQuotes_AndWindowsLineEnds()
    {
        var conference = await CreateConferenceAsync();
        var csv = "\uFEFFdisplayName,country,roles\r\n\"Dr. \"\"Ali\"\" Aliyev\",AZ,\"host, producer\"\r\n";

        var report = await Read<ImportReport>(await ImportAsync(conference.Id, csv));

        Assert.That(report.Created, Is.EqualTo(1));
        var person = (await Read<List<ParticipantDto>>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/participants"))).Single();
        Assert.That(person.DisplayName, Is.EqualTo("Dr. \"Ali\" Aliyev"));
        Assert.That(person.Roles, Is.EqualTo(new[] { "host", "producer" }));
    }

    [TestCase("", TestName = "Import_EmptyFile_Is400")]
    [TestCase("displayName,roles\nNo Country,speaker\n", TestName = "Import_HeaderWithoutCountry_Is400")]
    public async Task Import_UnusableFile_Is400NamingTheFile(string csv)
    {
        var conference = await CreateConferenceAsync();
        await ValidationProblem(await ImportAsync(conference.Id, csv), "csv");
    }

    [Test]
    public async Task Import_IntoUnknownConference_Is404()
    {
        await Problem(await ImportAsync(Guid.NewGuid(), Speakers), HttpStatusCode.NotFound);
    }

    private static bool SameCounts(ImportReport a, ImportReport b) =>
        a.Committed == b.Committed && a.Rows == b.Rows && a.Created == b.Created && a.Updated == b.Updated
        && a.Unchanged == b.Unchanged && a.Skipped == b.Skipped && a.Errors.Count == b.Errors.Count;

    private Task<HttpResponseMessage> ImportAsync(Guid conferenceId, string csv, bool skipInvalid = false) =>
        Organizer.PostAsync(
            $"/api/conferences/{conferenceId}/participants/import{(skipInvalid ? "?skipInvalid=true" : "")}",
            new StringContent(csv, Encoding.UTF8, "text/csv"));
}
