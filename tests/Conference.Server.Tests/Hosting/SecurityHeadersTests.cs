using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Conference.Server.Tests.Hosting;

/// <summary>What every response tells a browser: no sniffing, no framing, a policy the web app fits, no caching of secrets.</summary>
public partial class SecurityHeadersTests(DatabaseKind kind) : ApiTestBase(kind)
{
    [TestCase("/api/conferences")]
    [TestCase("/health/live")]
    [TestCase("/openapi/v1.json")]
    [TestCase("/no/such/page")]
    public async Task EveryResponse_CarriesTheSecurityHeaders_AndNoServerHeader(string path)
    {
        var response = await Anonymous.GetAsync(path);

        Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
        Assert.That(response.Headers.GetValues("X-Frame-Options"), Is.EqualTo(new[] { "DENY" }));
        Assert.That(response.Headers.GetValues("Referrer-Policy"), Is.EqualTo(new[] { "no-referrer" }));
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.That(policy, Does.Contain("default-src 'self'").And.Contain("script-src 'self';").And.Contain("frame-ancestors 'none'")
            .And.Contain("object-src 'none'").And.Contain("base-uri 'self'").And.Contain("form-action 'self'")
            .And.Contain("img-src 'self' data: blob:").And.Contain("media-src 'self' blob:").And.Contain("connect-src 'self'"));
        Assert.That(policy, Does.Not.Contain("unsafe"));
        Assert.That(response.Headers.Contains("Server"), Is.False);
    }

    [Test]
    public async Task ResponsesCarryingATokenOrACode_AreNeverStored()
    {
        var conference = await CreateConferenceAsync();
        var person = await AddParticipantAsync(conference.Id, "Samir Host", "AZ", "host");
        var invite = await Organizer.PostAsJsonAsync($"/api/conferences/{conference.Id}/participants/{person.Id}/invitations", new { });
        var link = await Read<Features.Invitations.InvitationLink>(invite);
        var join = await Anonymous.PostAsJsonAsync("/api/join", new { code = link.Code });

        foreach (var response in new[] { invite, join })
        {
            Assert.That(response.Headers.CacheControl?.NoStore, Is.True, response.RequestMessage?.RequestUri?.ToString());
        }
    }

    [Test]
    public async Task TheApiReference_LoadsOnlyWhatItsPolicyAllows()
    {
        var response = await Anonymous.GetAsync("/api/reference");
        var html = await response.Content.ReadAsStringAsync();
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), html);
        Assert.That(policy, Does.Contain("script-src 'self' 'unsafe-inline'").And.Contain("frame-ancestors 'none'"));
        var sources = ScriptSource().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.That(sources, Is.Not.Empty, html);
        foreach (var source in sources)
        {
            Assert.That(Uri.TryCreate(source, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal), Is.False,
                $"the reference page loads {source} from another origin, which its policy forbids");
            var script = await Anonymous.GetAsync(new Uri(new Uri(Anonymous.BaseAddress!, "/api/reference/"), source));
            Assert.That(script.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{source} is served from this origin");
        }
    }

    [Test]
    public async Task Https_OutsideDevelopment_CarriesHsts_AndPlainHttpDoesNot()
    {
        await using var production = Host.WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Auth:PublicBaseUrl", "https://conference.example.org");
        });
        using var secure = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://conference.example.org") });
        using var plain = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://conference.example.org") });

        Assert.That((await secure.GetAsync("/api/conferences")).Headers.Contains("Strict-Transport-Security"), Is.True);
        Assert.That((await plain.GetAsync("/api/conferences")).Headers.Contains("Strict-Transport-Security"), Is.False);
    }

    [GeneratedRegex("<script[^>]*\\ssrc=\"([^\"]+)\"")]
    private static partial Regex ScriptSource();
}

/// <summary>The browser talks to the LiveKit server itself, so its origins join connect-src when LiveKit is the provider.</summary>
public class ContentSecurityPolicyTests
{
    [TestCase("wss://media.example.org", "wss://media.example.org https://media.example.org")]
    [TestCase("https://media.example.org:7443/", "wss://media.example.org:7443 https://media.example.org:7443")]
    [TestCase("ws://127.0.0.1:7880", "ws://127.0.0.1:7880 http://127.0.0.1:7880")]
    public void LiveKitUrl_AddsItsSocketAndHttpOrigins(string url, string expected)
    {
        Assert.That(Infrastructure.SecurityHeaders.AppPolicy(Infrastructure.SecurityHeaders.MediaOrigins(url)), Does.Contain($"connect-src 'self' {expected};"));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("not a url")]
    public void NoLiveKit_KeepsConnectSrcToThisOrigin(string? url)
    {
        Assert.That(Infrastructure.SecurityHeaders.AppPolicy(Infrastructure.SecurityHeaders.MediaOrigins(url)), Does.Contain("connect-src 'self';"));
    }
}
