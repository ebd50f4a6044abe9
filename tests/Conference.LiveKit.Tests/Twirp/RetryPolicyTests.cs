using System.Net;

using Conference.LiveKit.Tests.Support;

using Polly.CircuitBreaker;

namespace Conference.LiveKit.Tests.Twirp;

public sealed class RetryPolicyTests
{
    private static readonly Uri Server = new("http://livekit.test");

    private static readonly CreateUrlIngressRequest Ingress = new() { Url = "https://example.com/v.mp4", RoomName = "conf-1", ParticipantIdentity = "bot" };

    private static readonly StartRoomCompositeEgressRequest Egress = new()
    {
        RoomName = "conf-1",
        FileOutputs = [new EncodedFileOutput { FileType = EncodedFileType.Mp4, Filepath = "a.mp4" }],
    };

    [Test]
    public async Task IdempotentCall_When5xxThenSuccess_IsRetried()
    {
        ScriptedHandler transport = new ScriptedHandler().Respond(HttpStatusCode.ServiceUnavailable).Respond(HttpStatusCode.InternalServerError)
            .Respond(HttpStatusCode.OK, """{"rooms":[{"name":"conf-1"}]}""");
        using LiveKitTestHost host = new(Server, transport);

        IReadOnlyList<Room> rooms = await host.Rooms.ListRoomsAsync();

        Assert.Multiple(() =>
        {
            Assert.That(rooms.Single().Name, Is.EqualTo("conf-1"));
            Assert.That(transport.CallCount, Is.EqualTo(3));
        });
    }

    [Test]
    public async Task IdempotentCall_WhenTransportErrorThenSuccess_IsRetried()
    {
        ScriptedHandler transport = new ScriptedHandler().Throw(new HttpRequestException("reset")).Respond(HttpStatusCode.OK);
        using LiveKitTestHost host = new(Server, transport);

        await host.Rooms.DeleteRoomAsync("conf-1");

        Assert.That(transport.CallCount, Is.EqualTo(2));
    }

    [Test]
    public void IdempotentCall_WhenAlways5xx_GivesUpAfterMaxRetries()
    {
        ScriptedHandler transport = new() { Fallback = static () => new HttpResponseMessage(HttpStatusCode.BadGateway) };
        using LiveKitTestHost host = new(Server, transport, o => o.MaxRetryAttempts = 2);

        LiveKitException? error = Assert.ThrowsAsync<LiveKitException>(() => host.Rooms.CreateRoomAsync(new CreateRoomRequest { Name = "conf-1" }));

        Assert.Multiple(() =>
        {
            Assert.That(error!.HttpStatus, Is.EqualTo(HttpStatusCode.BadGateway));
            Assert.That(transport.CallCount, Is.EqualTo(3));
        });
    }

    [Test]
    public void NonIdempotentCalls_When5xx_AreNeverRetried()
    {
        ScriptedHandler transport = new() { Fallback = static () => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) };
        using LiveKitTestHost host = new(Server, transport);

        Assert.ThrowsAsync<LiveKitException>(() => host.Rooms.SendDataAsync(new SendDataRequest { Room = "conf-1", Data = "hi"u8.ToArray() }));
        Assert.ThrowsAsync<LiveKitException>(() => host.Ingress.CreateUrlIngressAsync(Ingress));
        Assert.ThrowsAsync<LiveKitException>(() => host.Egress.StartRoomCompositeEgressAsync(Egress));

        Assert.That(transport.CallCount, Is.EqualTo(3), "one attempt each");
    }

    [Test]
    public void NonIdempotentCall_WhenTransportFails_IsNotRetried()
    {
        ScriptedHandler transport = new() { Fallback = static () => throw new HttpRequestException("reset") };
        using LiveKitTestHost host = new(Server, transport);

        Assert.ThrowsAsync<LiveKitException>(() => host.Rooms.SendDataAsync(new SendDataRequest { Room = "conf-1", Data = "hi"u8.ToArray() }));

        Assert.That(transport.CallCount, Is.EqualTo(1));
    }

    [TestCase(HttpStatusCode.BadRequest)]
    [TestCase(HttpStatusCode.Unauthorized)]
    [TestCase(HttpStatusCode.NotFound)]
    [TestCase(HttpStatusCode.Conflict)]
    [TestCase(HttpStatusCode.TooManyRequests)]
    public void IdempotentCall_When4xx_IsNeverRetried(HttpStatusCode status)
    {
        ScriptedHandler transport = new() { Fallback = () => new HttpResponseMessage(status) };
        using LiveKitTestHost host = new(Server, transport);

        Assert.ThrowsAsync<LiveKitException>(() => host.Rooms.ListParticipantsAsync("conf-1"));

        Assert.That(transport.CallCount, Is.EqualTo(1));
    }

    [Test]
    public async Task EveryMethod_MarksItsIdempotencyExplicitly()
    {
        ScriptedHandler transport = new() { Fallback = static () => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") } };
        using LiveKitTestHost host = new(Server, transport);

        await host.Rooms.CreateRoomAsync(new CreateRoomRequest { Name = "conf-1" });
        await host.Rooms.ListRoomsAsync();
        await host.Rooms.DeleteRoomAsync("conf-1");
        await host.Rooms.ListParticipantsAsync("conf-1");
        await host.Rooms.GetParticipantAsync("conf-1", "alice");
        await host.Rooms.RemoveParticipantAsync("conf-1", "alice");
        await host.Rooms.MutePublishedTrackAsync("conf-1", "alice", "TR_1", true);
        await host.Rooms.UpdateParticipantAsync(new UpdateParticipantRequest { Room = "conf-1", Identity = "alice", Name = "A" });
        await host.Rooms.UpdateRoomMetadataAsync("conf-1", "{}");
        await host.Rooms.SendDataAsync(new SendDataRequest { Room = "conf-1", Data = "hi"u8.ToArray() });
        await host.Ingress.CreateUrlIngressAsync(Ingress);
        await host.Ingress.ListIngressAsync();
        await host.Ingress.DeleteIngressAsync("IN_1");
        await host.Egress.StartRoomCompositeEgressAsync(Egress);
        await host.Egress.StopEgressAsync("EG_1");

        Dictionary<string, bool> marks = transport.Seen.ToDictionary(static s => s.Path.Split('/').Last(), static s => s.Idempotent);
        Assert.That(marks, Is.EqualTo(new Dictionary<string, bool>
        {
            ["CreateRoom"] = true,
            ["ListRooms"] = true,
            ["DeleteRoom"] = true,
            ["ListParticipants"] = true,
            ["GetParticipant"] = true,
            ["RemoveParticipant"] = true,
            ["MutePublishedTrack"] = true,
            ["UpdateParticipant"] = true,
            ["UpdateRoomMetadata"] = true,
            ["SendData"] = false,
            ["CreateIngress"] = false,
            ["ListIngress"] = true,
            ["DeleteIngress"] = true,
            ["StartRoomCompositeEgress"] = false,
            ["StopEgress"] = true,
        }));
    }

    [Test]
    public void CircuitBreaker_AfterRepeatedFailures_StopsCallingTheServer()
    {
        ScriptedHandler transport = new() { Fallback = static () => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) };
        using LiveKitTestHost host = new(Server, transport, static o =>
        {
            o.MaxRetryAttempts = 0;
            o.CircuitBreakerMinimumThroughput = 2;
            o.CircuitBreakerFailureRatio = 0.5;
        });

        for (int i = 0; i < 2; i++)
        {
            Assert.ThrowsAsync<LiveKitException>(() => host.Rooms.ListRoomsAsync());
        }

        LiveKitException? open = Assert.ThrowsAsync<LiveKitException>(() => host.Rooms.ListRoomsAsync());

        Assert.Multiple(() =>
        {
            Assert.That(open!.InnerException, Is.InstanceOf<BrokenCircuitException>());
            Assert.That(open.Code, Is.EqualTo(TwirpErrorCodes.Unavailable));
            Assert.That(transport.CallCount, Is.EqualTo(2));
        });
    }
}
