using System.Text.Json.Nodes;

using Conference.LiveKit.Tests.Support;

using Microsoft.Extensions.Time.Testing;

namespace Conference.LiveKit.Tests.Conformance;

/// <summary>Tokens checked both ways against livekit-server-sdk's own AccessToken and TokenVerifier.</summary>
public sealed class TokenConformanceTests
{
    private const string Key = "APIprobeKey";
    private const string Secret = "probe-secret-that-is-long-enough-0123456789";

    [Test]
    public async Task CSharpToken_VerifiedByJsTokenVerifier_HasTheSameClaims()
    {
        string jwt = new AccessToken(Key, Secret)
        {
            Identity = "alice",
            Name = "Alice",
            Metadata = """{"role":"speaker"}""",
            Attributes = new Dictionary<string, string> { ["track"] = "keynote" },
            Video = new VideoGrant
            {
                RoomJoin = true,
                Room = "conf-1",
                CanPublish = true,
                CanSubscribe = true,
                CanPublishData = false,
                CanPublishSources = [TrackSource.Camera, TrackSource.Microphone, TrackSource.ScreenShare, TrackSource.ScreenShareAudio],
                CanUpdateOwnMetadata = false,
                Hidden = true,
                CanSubscribeMetrics = true,
            },
        }.ToJwt();

        JsonNode result = await Verify(jwt, Key, Secret);

        Assert.That((bool)result["ok"]!, Is.True, result.ToJsonString());
        Assert.That(JsonNode.DeepEquals(result["claims"], RawJwt.Payload(jwt)), Is.True, result["claims"]!.ToJsonString());
    }

    [Test]
    public async Task CSharpToken_WhenSecretIsWrong_JsRejects()
    {
        JsonNode result = await Verify(new AccessToken(Key, Secret).ToJwt(), Key, "not-the-secret-0123456789-abcdefghij");

        Assert.That((bool)result["ok"]!, Is.False);
    }

    [Test]
    public async Task CSharpToken_WhenIssuerIsAnotherKey_JsRejects()
    {
        JsonNode result = await Verify(new AccessToken("APIother", Secret).ToJwt(), Key, Secret);

        Assert.That((string?)result["error"], Does.Contain("iss"));
    }

    [Test]
    public async Task CSharpToken_WhenExpired_JsRejects()
    {
        FakeTimeProvider twoHoursAgo = new(DateTimeOffset.UtcNow.AddHours(-2));
        string jwt = new AccessToken(Key, Secret) { TimeToLive = TimeSpan.FromHours(1) }.ToJwt(twoHoursAgo);

        JsonNode result = await Verify(jwt, Key, Secret);

        Assert.That((string?)result["error"], Does.Contain("exp"));
    }

    [Test]
    public async Task TokenWithoutExp_IsRejectedByBothVerifiers()
    {
        string jwt = RawJwt.Hs256(new JsonObject { ["iss"] = Key, ["sub"] = "alice" }, Secret);

        JsonNode result = await Verify(jwt, Key, Secret);

        Assert.That((bool)result["ok"]!, Is.False, "JS");
        Assert.That(() => new TokenVerifier(Key, Secret).Verify(jwt), Throws.TypeOf<LiveKitTokenException>(), "C#");
    }

    [Test]
    public async Task TokenWithAlgNone_IsRejectedByBothVerifiers()
    {
        string jwt = RawJwt.Unsigned(new JsonObject { ["iss"] = Key, ["exp"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds() });

        JsonNode result = await Verify(jwt, Key, Secret);

        Assert.That((bool)result["ok"]!, Is.False, "JS");
        Assert.That(() => new TokenVerifier(Key, Secret).Verify(jwt), Throws.TypeOf<LiveKitTokenException>(), "C#");
    }

    [Test]
    public async Task JsToken_VerifiedByCSharp_HasTheSameClaims()
    {
        string jwt = await Mint(Key, ttl: "1h");

        LiveKitClaims claims = new TokenVerifier(Key, Secret).Verify(jwt);

        Assert.Multiple(() =>
        {
            Assert.That(claims.Issuer, Is.EqualTo(Key));
            Assert.That(claims.Identity, Is.EqualTo("alice"));
            Assert.That(claims.Name, Is.EqualTo("Alice"));
            Assert.That(claims.Metadata, Is.EqualTo("""{"role":"speaker"}"""));
            Assert.That(claims.Attributes, Is.EqualTo(new Dictionary<string, string> { ["track"] = "keynote" }));
            Assert.That(claims.Video, Is.EqualTo(new VideoGrant
            {
                RoomJoin = true,
                Room = "conf-1",
                CanPublish = true,
                CanSubscribe = true,
                CanPublishData = true,
                CanPublishSources = [TrackSource.Camera, TrackSource.Microphone],
                CanUpdateOwnMetadata = false,
                Hidden = false,
            }));
            Assert.That(claims.ExpiresAt - claims.NotBefore!.Value, Is.EqualTo(TimeSpan.FromHours(1)));
        });
    }

    [Test]
    public async Task JsToken_WhenVerifiedWithAnotherSecretOrKey_CSharpRejects()
    {
        string jwt = await Mint(Key, ttl: "1h");

        Assert.That(() => new TokenVerifier(Key, "not-the-secret-0123456789-abcdefghij").Verify(jwt), Throws.TypeOf<LiveKitTokenException>());
        Assert.That(() => new TokenVerifier("APIother", Secret).Verify(jwt), Throws.TypeOf<LiveKitTokenException>());
    }

    [Test]
    public async Task JsToken_AfterItsExpiryPlusLeeway_CSharpRejects()
    {
        string jwt = await Mint(Key, ttl: "1m");
        FakeTimeProvider later = new(DateTimeOffset.UtcNow.AddMinutes(3));

        Assert.That(() => new TokenVerifier(Key, Secret, later).Verify(jwt), Throws.TypeOf<LiveKitTokenException>().With.Message.Contains("expired"));
    }

    private static Task<JsonNode> Verify(string token, string apiKey, string apiSecret) =>
        NodeScripts.RunAsync("tokens.mjs", new { op = "verify", token, apiKey, apiSecret });

    private static async Task<string> Mint(string apiKey, string ttl)
    {
        JsonNode minted = await NodeScripts.RunAsync("tokens.mjs", new
        {
            op = "mint",
            apiKey,
            apiSecret = Secret,
            identity = "alice",
            name = "Alice",
            metadata = """{"role":"speaker"}""",
            attributes = new Dictionary<string, string> { ["track"] = "keynote" },
            ttl,
            video = new
            {
                roomJoin = true,
                room = "conf-1",
                canPublish = true,
                canSubscribe = true,
                canPublishData = true,
                canPublishSources = new[] { "camera", "microphone" },
                canUpdateOwnMetadata = false,
                hidden = false,
            },
        });
        return (string)minted["token"]!;
    }
}
