using System.Text.Json;
using Conference.Contracts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Conference.Web.Tests;

/// <summary>
/// The web app's wire types are generated, never written by hand: from the server's OpenAPI document
/// (REST) and from the hub's contracts (<see cref="IConferenceHub"/>, <see cref="IConferenceClient"/>).
/// The committed file must equal a fresh generation; run with UPDATE_WIRE_TYPES=1 to rewrite it.
/// </summary>
public sealed class WireTypesTests
{
    [Test]
    public async Task GeneratedTypeScript_ComparedWithServerContracts_IsCurrent()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.UseSetting("Database:Provider", "Sqlite");
            b.UseSetting("ConnectionStrings:Conference", $"Data Source={Path.Combine(Path.GetTempPath(), $"wire-{Guid.NewGuid():N}.db")}");
            b.UseSetting("Auth:OrganizerKey", WebServer.OrganizerKey);
            b.UseSetting("Auth:SessionSigningKey", WebServer.SigningKey);
            b.UseSetting("Demo:SeedOnFirstRun", "false");
        });
        using var client = factory.CreateClient();
        using var openApi = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var generated = WireTypeScript.Generate(openApi.RootElement, typeof(IConferenceHub), typeof(IConferenceClient));

        var path = Path.Combine(WebServer.RepositoryRoot, "src", "Conference.Web", "src", "core", "wire.generated.ts");
        if (Environment.GetEnvironmentVariable("UPDATE_WIRE_TYPES") == "1")
        {
            await File.WriteAllTextAsync(path, generated);
        }

        var committed = File.Exists(path) ? await File.ReadAllTextAsync(path) : "";
        Assert.That(committed, Is.EqualTo(generated),
            "src/Conference.Web/src/core/wire.generated.ts is out of date with the server's contracts: run " +
            "UPDATE_WIRE_TYPES=1 dotnet test tests/Conference.Web.Tests --filter WireTypesTests and commit the result.");
    }
}
