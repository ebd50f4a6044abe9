using System.Net;

using Conference.LiveKit.Tests.Support;

namespace Conference.LiveKit.Tests.Twirp;

public sealed class TransportTests
{
    [TestCase("wss://livekit.test", "https://livekit.test/twirp/livekit.RoomService/ListRooms")]
    [TestCase("ws://livekit.test:7880", "http://livekit.test:7880/twirp/livekit.RoomService/ListRooms")]
    [TestCase("https://livekit.test/behind/proxy", "https://livekit.test/behind/proxy/twirp/livekit.RoomService/ListRooms")]
    public async Task Call_WhenUrlIsWebSocketOrHasPath_PostsToTheTwirpRoute(string url, string expected)
    {
        ScriptedHandler transport = new ScriptedHandler().Respond(HttpStatusCode.OK);
        using LiveKitTestHost host = new(new Uri(url), transport);

        await host.Rooms.ListRoomsAsync();

        HttpRequestMessage request = transport.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo(HttpMethod.Post));
            Assert.That(request.RequestUri!.ToString(), Is.EqualTo(expected));
            Assert.That(request.Content!.Headers.ContentType!.MediaType, Is.EqualTo("application/json"));
            Assert.That(request.Headers.Authorization!.Scheme, Is.EqualTo("Bearer"));
        });
    }

    [Test]
    public void Call_WhenCallerCancels_ThrowsOperationCanceledRatherThanLiveKitError()
    {
        ScriptedHandler transport = new() { Fallback = static () => new HttpResponseMessage(HttpStatusCode.OK) };
        using LiveKitTestHost host = new(new Uri("http://livekit.test"), transport);
        using CancellationTokenSource cancelled = new();
        cancelled.Cancel();

        Assert.That(() => host.Rooms.ListRoomsAsync(cancellationToken: cancelled.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task Call_Token_CarriesOnlyTheGrantsOfThatCall()
    {
        ScriptedHandler transport = new() { Fallback = static () => new HttpResponseMessage(HttpStatusCode.OK) };
        using LiveKitTestHost host = new(new Uri("http://livekit.test"), transport);

        await host.Rooms.MutePublishedTrackAsync("conf-1", "alice", "TR_1", muted: true);

        LiveKitClaims claims = new TokenVerifier(LiveKitTestHost.ApiKey, LiveKitTestHost.ApiSecret).Verify(transport.Requests.Single().Headers.Authorization!.Parameter!);
        Assert.Multiple(() =>
        {
            Assert.That(claims.Video, Is.EqualTo(new VideoGrant { RoomAdmin = true, Room = "conf-1" }));
            Assert.That(claims.Identity, Is.Null);
            Assert.That(claims.ExpiresAt - claims.NotBefore!.Value, Is.EqualTo(TimeSpan.FromMinutes(10)));
        });
    }
}
