using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Conference.Server.Features.Conferences;
using Conference.Server.Features.Demo;

namespace Conference.Server.Tests.Hosting;

/// <summary>What a newcomer meets on first run: health, the API reference and the demo program.</summary>
public class HostTests
{
    [Test]
    public async Task Health_LiveAndReady_Answer200WhenTheDatabaseAnswers()
    {
        await using var database = TestDatabase.Create(DatabaseKind.Sqlite);
        await using var host = new ApiHost(database);
        using var client = host.CreateClient();

        Assert.That((await client.GetAsync("/health/live")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await client.GetAsync("/health/ready")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Ready_WhenTheDatabaseIsGone_Answers503ButLiveStays200()
    {
        await using var database = TestDatabase.Create(DatabaseKind.Sqlite);
        await using (var creator = new ApiHost(database))
        {
            creator.CreateClient().Dispose();
        }

        // Mode=ReadWrite opens an existing file but never creates one, so removing it makes the database unreachable.
        var noCreate = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString) { Mode = Microsoft.Data.Sqlite.SqliteOpenMode.ReadWrite };
        await using var host = new ApiHost(database, new Dictionary<string, string?> { ["ConnectionStrings:Conference"] = noCreate.ToString() });
        using var client = host.CreateClient();
        Assert.That((await client.GetAsync("/health/ready")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        File.Delete(noCreate.DataSource);
        Assert.That((await client.GetAsync("/health/ready")).StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That((await client.GetAsync("/health/live")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task OpenApi_DescribesEveryProgramRoute()
    {
        await using var database = TestDatabase.Create(DatabaseKind.Sqlite);
        await using var host = new ApiHost(database);
        using var client = host.CreateClient();

        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.That(paths, Is.SupersetOf(new[]
        {
            "/api/conferences", "/api/conferences/{id}", "/api/conferences/{id}/segments", "/api/conferences/{id}/segments/{segmentId}",
            "/api/conferences/{id}/segments/reorder", "/api/conferences/{id}/timeline", "/api/conferences/{id}/program.ics",
        }));
        Assert.That((await client.GetAsync("/api/reference")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task FirstRun_SeedsTheDemoConference_OnceAndNotAfterItIsDeleted()
    {
        await using var database = TestDatabase.Create(DatabaseKind.Sqlite);
        var seeding = new Dictionary<string, string?> { ["Demo:SeedOnFirstRun"] = "true" };

        await using (var first = new ApiHost(database, seeding))
        {
            using var client = first.CreateOrganizerClient();
            var list = await client.GetFromJsonAsync<List<ConferenceSummary>>("/api/conferences", ApiTestBase.Json);
            Assert.That(list!.Single().Id, Is.EqualTo(DemoConference.Id));
            var demo = await client.GetFromJsonAsync<ConferenceDto>($"/api/conferences/{DemoConference.Id}", ApiTestBase.Json);
            Assert.That(demo!.Segments.Select(s => s.Kind.ToString()), Does.Contain("Anthem").And.Contain("MinuteOfSilence")
                .And.Contain("VideoScreening").And.Contain("Speech").And.Contain("VideoAppeals")
                .And.Contain("MusicalPerformance").And.Contain("AwardsCeremony"));
            Assert.That(demo.TimeZone, Is.EqualTo("Asia/Baku"));
            Assert.That(demo.Translations.Keys, Is.EquivalentTo(new[] { "az", "ru", "tr" }), "the demo reads in each interface language");
            Assert.That(demo.Segments.All(s => s.Translations.Keys.Order().SequenceEqual(["az", "ru", "tr"])), Is.True);
            Assert.That((await client.DeleteAsync($"/api/conferences/{DemoConference.Id}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        }

        await using var second = new ApiHost(database, seeding);
        using var again = second.CreateClient();
        Assert.That(await again.GetFromJsonAsync<List<ConferenceSummary>>("/api/conferences", ApiTestBase.Json), Is.Empty);
    }

    [Test]
    public async Task FirstRun_WithSeedingOff_StartsEmpty()
    {
        await using var database = TestDatabase.Create(DatabaseKind.Sqlite);
        await using var host = new ApiHost(database);
        using var client = host.CreateClient();
        Assert.That(await client.GetFromJsonAsync<List<ConferenceSummary>>("/api/conferences", ApiTestBase.Json), Is.Empty);
    }
}
