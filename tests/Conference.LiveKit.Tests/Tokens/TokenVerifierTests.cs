using System.Text.Json.Nodes;

using Conference.LiveKit.Tests.Support;

using Microsoft.Extensions.Time.Testing;

namespace Conference.LiveKit.Tests.Tokens;

public sealed class TokenVerifierTests
{
    private const string Key = "APIkey";
    private const string Secret = "a-secret-long-enough-for-hs256-0123456789";
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Test]
    public void Verify_WhenTokenIsValid_ReturnsTypedClaims()
    {
        FakeTimeProvider clock = new(Now);
        string jwt = new AccessToken(Key, Secret)
        {
            Identity = "alice",
            Name = "Alice",
            Attributes = new Dictionary<string, string> { ["hand"] = "up" },
            Video = new VideoGrant { RoomJoin = true, Room = "conf-1", CanPublish = false, CanPublishSources = [TrackSource.Microphone] },
        }.ToJwt(clock);

        LiveKitClaims claims = new TokenVerifier(Key, Secret, clock).Verify(jwt);

        Assert.Multiple(() =>
        {
            Assert.That(claims.Identity, Is.EqualTo("alice"));
            Assert.That(claims.Name, Is.EqualTo("Alice"));
            Assert.That(claims.Attributes, Does.ContainKey("hand").WithValue("up"));
            Assert.That(claims.Video!.Room, Is.EqualTo("conf-1"));
            Assert.That(claims.Video.CanPublish, Is.False);
            Assert.That(claims.Video.CanSubscribe, Is.Null);
            Assert.That(claims.Video.CanPublishSources, Is.EqualTo(new[] { TrackSource.Microphone }));
            Assert.That(claims.ExpiresAt, Is.EqualTo(Now.AddHours(6)));
        });
    }

    [Test]
    public void Verify_WhenSecretIsWrong_Rejects()
    {
        string jwt = new AccessToken(Key, "another-secret-entirely-0123456789") { Identity = "a" }.ToJwt();

        Assert.That(() => new TokenVerifier(Key, Secret).Verify(jwt), Throws.TypeOf<LiveKitTokenException>().With.Message.Contains("signature"));
    }

    [Test]
    public void Verify_WhenIssuerIsAnotherKey_Rejects()
    {
        string jwt = new AccessToken("APIother", Secret) { Identity = "a" }.ToJwt();

        Assert.That(() => new TokenVerifier(Key, Secret).Verify(jwt), Throws.TypeOf<LiveKitTokenException>().With.Message.Contains("another API key"));
    }

    [Test]
    public void Verify_WhenExpiredBeyondLeeway_Rejects()
    {
        FakeTimeProvider clock = new(Now);
        string jwt = new AccessToken(Key, Secret) { TimeToLive = TimeSpan.FromMinutes(1) }.ToJwt(clock);
        clock.Advance(TimeSpan.FromMinutes(1) + TokenVerifier.DefaultLeeway + TimeSpan.FromSeconds(1));

        Assert.That(() => new TokenVerifier(Key, Secret, clock).Verify(jwt), Throws.TypeOf<LiveKitTokenException>().With.Message.Contains("expired"));
    }

    [Test]
    public void Verify_WhenExpiredWithinLeeway_Accepts()
    {
        FakeTimeProvider clock = new(Now);
        string jwt = new AccessToken(Key, Secret) { TimeToLive = TimeSpan.FromMinutes(1) }.ToJwt(clock);
        clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(30));

        Assert.That(new TokenVerifier(Key, Secret, clock).Verify(jwt).Issuer, Is.EqualTo(Key));
    }

    [Test]
    public void Verify_WhenLeewayIsZeroAndJustExpired_Rejects()
    {
        FakeTimeProvider clock = new(Now);
        string jwt = new AccessToken(Key, Secret) { TimeToLive = TimeSpan.FromMinutes(1) }.ToJwt(clock);
        clock.Advance(TimeSpan.FromSeconds(61));

        Assert.That(() => new TokenVerifier(Key, Secret, clock) { Leeway = TimeSpan.Zero }.Verify(jwt), Throws.TypeOf<LiveKitTokenException>());
    }

    [Test]
    public void Verify_WhenNotBeforeIsInTheFuture_Rejects()
    {
        string jwt = new AccessToken(Key, Secret).ToJwt(new FakeTimeProvider(Now.AddMinutes(5)));

        Assert.That(() => new TokenVerifier(Key, Secret, new FakeTimeProvider(Now)).Verify(jwt), Throws.TypeOf<LiveKitTokenException>().With.Message.Contains("not valid yet"));
    }

    [Test]
    public void Verify_WhenExpIsMissing_Rejects()
    {
        string jwt = RawJwt.Hs256(new JsonObject { ["iss"] = Key, ["sub"] = "alice", ["nbf"] = Now.ToUnixTimeSeconds() }, Secret);

        Assert.That(() => new TokenVerifier(Key, Secret).Verify(jwt), Throws.TypeOf<LiveKitTokenException>().With.Message.Contains("expiry"));
    }

    [Test]
    public void Verify_WhenAlgIsNone_Rejects()
    {
        string jwt = RawJwt.Unsigned(new JsonObject { ["iss"] = Key, ["exp"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds() });

        Assert.That(() => new TokenVerifier(Key, Secret).Verify(jwt), Throws.TypeOf<LiveKitTokenException>().With.Message.Contains("'none'"));
    }

    [TestCase("HS512")]
    [TestCase("RS256")]
    [TestCase("hs256")]
    public void Verify_WhenAlgIsNotHs256_Rejects(string algorithm)
    {
        string jwt = RawJwt.Hs256(
            new JsonObject { ["iss"] = Key, ["exp"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds() },
            Secret,
            $$"""{"alg":"{{algorithm}}"}""");

        Assert.That(() => new TokenVerifier(Key, Secret).Verify(jwt), Throws.TypeOf<LiveKitTokenException>().With.Message.Contains("not allowed"));
    }

    [TestCase("")]
    [TestCase("not-a-jwt")]
    [TestCase("a.b")]
    [TestCase("!!.??.**")]
    public void Verify_WhenTokenIsMalformed_Rejects(string token)
    {
        Assert.That(() => new TokenVerifier(Key, Secret).Verify(token), Throws.TypeOf<LiveKitTokenException>());
    }
}
