using System.Net;
using System.Net.Http.Headers;
using System.Text;

using Conference.LiveKit.Emulator;
using Conference.LiveKit.Tests.Support;

namespace Conference.LiveKit.Tests.Emulator;

/// <summary>The emulator's auth checks and fault injection, and how the client's resilience reacts to them.</summary>
[NonParallelizable]
public sealed class EmulatorAuthAndFaultTests
{
    private LiveKitEmulator _emulator = null!;
    private LiveKitTestHost _host = null!;

    [OneTimeSetUp]
    public async Task StartEmulator()
    {
        _emulator = await LiveKitEmulator.StartAsync();
        _host = new LiveKitTestHost(_emulator.Url, apiKey: _emulator.ApiKey, apiSecret: _emulator.ApiSecret, configure: static o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(400);
            o.MaxRetryAttempts = 2;
        });
        await _host.Rooms.CreateRoomAsync(new CreateRoomRequest { Name = "faults" });
    }

    [OneTimeTearDown]
    public async Task StopEmulator()
    {
        _host.Dispose();
        await _emulator.DisposeAsync();
    }

    [SetUp]
    public void ResetFaultsAndLog()
    {
        _emulator.Faults.Reset();
        _emulator.ClearCalls();
    }

    [Test]
    public void Call_WhenSecretIsWrong_Gets401PlainTextAndIsNotRetried()
    {
        using LiveKitTestHost intruder = new(_emulator.Url, apiKey: _emulator.ApiKey, apiSecret: "wrong-secret-0123456789-0123456789");

        LiveKitException? error = Assert.ThrowsAsync<LiveKitException>(() => intruder.Rooms.ListRoomsAsync());

        Assert.Multiple(() =>
        {
            Assert.That(error!.HttpStatus, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(error.Code, Is.EqualTo(TwirpErrorCodes.Unauthenticated));
            Assert.That(error.ServerMessage, Does.StartWith("invalid token"));
            Assert.That(_emulator.Calls, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Call_WhenRoomGrantIsForAnotherRoom_GetsPermissionsDenied()
    {
        string token = new AccessToken(_emulator.ApiKey, _emulator.ApiSecret) { Video = new VideoGrant { RoomAdmin = true, Room = "other" } }.ToJwt();
        using HttpClient http = new() { BaseAddress = _emulator.Url };
        using HttpRequestMessage request = new(HttpMethod.Post, "/twirp/livekit.RoomService/ListParticipants")
        {
            Content = new StringContent("""{"room":"faults"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using HttpResponseMessage response = await http.SendAsync(request);

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("""{"code":"unauthenticated","msg":"permissions denied"}"""));
        });
    }

    [Test]
    public async Task Response_IsWrittenInServerStyle()
    {
        string token = new AccessToken(_emulator.ApiKey, _emulator.ApiSecret) { Video = new VideoGrant { RoomList = true } }.ToJwt();
        using HttpClient http = new() { BaseAddress = _emulator.Url };
        using HttpRequestMessage request = new(HttpMethod.Post, "/twirp/livekit.RoomService/ListRooms") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using HttpResponseMessage response = await http.SendAsync(request);
        string body = await response.Content.ReadAsStringAsync();

        Assert.That(body, Does.Match("\"creation_time\": \"\\d+\"").And.Contain("\"version\": null").And.Contain("\"empty_timeout\""));
    }

    [Test]
    public async Task IdempotentCall_WhenNextTwoCallsFail503_SucceedsOnThirdAttempt()
    {
        _emulator.Faults.FailNext(2);

        IReadOnlyList<Room> rooms = await _host.Rooms.ListRoomsAsync(["faults"]);

        Assert.Multiple(() =>
        {
            Assert.That(rooms.Single().Name, Is.EqualTo("faults"));
            Assert.That(_emulator.Calls.Select(static c => c.Status), Is.EqualTo(new[] { HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK }));
        });
    }

    [Test]
    public void NonIdempotentCall_WhenNextCallFails503_ThrowsAfterOneAttempt()
    {
        _emulator.Faults.FailNext(1);

        LiveKitException? error = Assert.ThrowsAsync<LiveKitException>(() => _host.Rooms.SendDataAsync(new SendDataRequest { Room = "faults", Data = "x"u8.ToArray() }));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(TwirpErrorCodes.Unavailable));
            Assert.That(_emulator.Calls, Has.Count.EqualTo(1));
            Assert.That(_emulator.DataMessages.Where(static m => m.Room == "faults"), Is.Empty);
        });
    }

    [Test]
    public async Task IdempotentCall_WhenFirstResponseIsSlow_TimesOutThatAttemptAndRetries()
    {
        _emulator.Faults.DelayNext(1, TimeSpan.FromSeconds(3));

        Room room = (await _host.Rooms.ListRoomsAsync(["faults"])).Single();

        await WaitForCallsAsync(2);
        Assert.Multiple(() =>
        {
            Assert.That(room.Name, Is.EqualTo("faults"));
            Assert.That(_emulator.Calls.Select(static c => c.Status), Is.EquivalentTo(new[] { LiveKitEmulator.ClientClosedRequest, HttpStatusCode.OK }));
        });
    }

    [Test]
    public async Task NonIdempotentCall_WhenResponseIsSlow_FailsWithDeadlineExceeded()
    {
        _emulator.Faults.DelayNext(1, TimeSpan.FromSeconds(3));

        LiveKitException? error = Assert.ThrowsAsync<LiveKitException>(() => _host.Ingress.CreateUrlIngressAsync(
            new CreateUrlIngressRequest { Url = "https://example.com/v.mp4", RoomName = "faults", ParticipantIdentity = "bot" }));

        await WaitForCallsAsync(1);
        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(TwirpErrorCodes.DeadlineExceeded));
            Assert.That(_emulator.Calls.Single().Status, Is.EqualTo(LiveKitEmulator.ClientClosedRequest));
        });
    }

    [Test]
    public void AnyCall_WhenUnauthorizedIsForced_Gets401AndIsNotRetried()
    {
        _emulator.Faults.ForceUnauthorized(true);

        LiveKitException? error = Assert.ThrowsAsync<LiveKitException>(() => _host.Rooms.GetParticipantAsync("faults", "alice"));

        Assert.Multiple(() =>
        {
            Assert.That(error!.HttpStatus, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(_emulator.Calls, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task CallLog_RecordsCallsInOrderWithBodies()
    {
        await _host.Rooms.CreateRoomAsync(new CreateRoomRequest { Name = "ordered" });
        await _host.Rooms.UpdateRoomMetadataAsync("ordered", "one");
        await _host.Rooms.DeleteRoomAsync("ordered");

        IReadOnlyList<RecordedCall> calls = _emulator.Calls;

        Assert.Multiple(() =>
        {
            Assert.That(calls.Select(static c => c.Method), Is.EqualTo(new[] { "CreateRoom", "UpdateRoomMetadata", "DeleteRoom" }));
            Assert.That(calls.Select(static c => c.ReceivedAt), Is.Ordered);
            Assert.That(calls[1].Body, Does.Contain("\"metadata\":\"one\""));
            Assert.That(_emulator.FindRoom("ordered"), Is.Null);
        });
    }

    /// <summary>An abandoned attempt is logged when the emulator notices the disconnect, which can trail the client by a moment.</summary>
    private async Task WaitForCallsAsync(int count)
    {
        using CancellationTokenSource timeout = new(TimeSpan.FromSeconds(5));
        while (_emulator.Calls.Count < count && !timeout.IsCancellationRequested)
        {
            await Task.Delay(20, CancellationToken.None);
        }
    }
}
