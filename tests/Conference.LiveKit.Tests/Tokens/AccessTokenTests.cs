using System.Text.Json.Nodes;

using Conference.LiveKit.Tests.Support;

using Microsoft.Extensions.Time.Testing;

namespace Conference.LiveKit.Tests.Tokens;

public sealed class AccessTokenTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Test]
    public void ToJwt_WithFullIdentity_WritesLiveKitClaimNames()
    {
        AccessToken token = new("APIkey", "secret")
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
                CanPublishData = true,
                CanPublishSources = [TrackSource.Camera, TrackSource.ScreenShareAudio],
                CanUpdateOwnMetadata = false,
            },
        };

        JsonObject payload = RawJwt.Payload(token.ToJwt(new FakeTimeProvider(Now)));

        Assert.Multiple(() =>
        {
            Assert.That((string?)payload["iss"], Is.EqualTo("APIkey"));
            Assert.That((string?)payload["sub"], Is.EqualTo("alice"));
            Assert.That((string?)payload["name"], Is.EqualTo("Alice"));
            Assert.That((string?)payload["metadata"], Is.EqualTo("""{"role":"speaker"}"""));
            Assert.That((string?)payload["attributes"]!["track"], Is.EqualTo("keynote"));
            Assert.That(payload["video"]!.ToJsonString(), Is.EqualTo(
                """{"roomJoin":true,"room":"conf-1","canPublish":true,"canSubscribe":true,"canPublishData":true,"canPublishSources":["camera","screen_share_audio"],"canUpdateOwnMetadata":false}"""));
        });
    }

    [Test]
    public void ToJwt_WhenThreeStateGrantsAreNull_OmitsThem()
    {
        AccessToken token = new("APIkey", "secret") { Video = new VideoGrant { RoomAdmin = true, Room = "conf-1" } };

        JsonObject video = RawJwt.Payload(token.ToJwt())["video"]!.AsObject();

        Assert.That(video.Select(p => p.Key), Is.EquivalentTo(new[] { "roomAdmin", "room" }));
    }

    [Test]
    public void ToJwt_ByDefault_IsValidForSixHoursFromNow()
    {
        JsonObject payload = RawJwt.Payload(new AccessToken("APIkey", "secret") { Identity = "a" }.ToJwt(new FakeTimeProvider(Now)));

        Assert.Multiple(() =>
        {
            Assert.That((long)payload["nbf"]!, Is.EqualTo(Now.ToUnixTimeSeconds()));
            Assert.That((long)payload["iat"]!, Is.EqualTo(Now.ToUnixTimeSeconds()));
            Assert.That((long)payload["exp"]!, Is.EqualTo(Now.AddHours(6).ToUnixTimeSeconds()));
        });
    }

    [Test]
    public void ToJwt_WhenRoomJoinHasNoIdentity_Throws()
    {
        AccessToken token = new("APIkey", "secret") { Video = new VideoGrant { RoomJoin = true, Room = "conf-1" } };

        Assert.That(() => token.ToJwt(), Throws.InvalidOperationException);
    }

    [Test]
    public void ToJwt_WhenSecretIsEmpty_Throws()
    {
        Assert.That(() => new AccessToken("APIkey", "").ToJwt(), Throws.ArgumentException);
    }
}
