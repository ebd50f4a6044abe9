using Conference.LiveKit.Emulator;
using Conference.LiveKit.Tests.Support;

namespace Conference.LiveKit.Tests.Emulator;

/// <summary>The C# client against the LiveKit-protocol emulator: emulator conformance, not LiveKit compatibility.</summary>
[NonParallelizable]
public sealed class EmulatorConformanceTests
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
    public async Task CreateRoom_WhenCalledTwice_ReturnsTheSameRoom()
    {
        Room first = await _host.Rooms.CreateRoomAsync(new CreateRoomRequest { Name = "create-twice", MaxParticipants = 10, Metadata = "m" });
        Room second = await _host.Rooms.CreateRoomAsync(new CreateRoomRequest { Name = "create-twice", MaxParticipants = 99 });
        IReadOnlyList<Room> listed = await _host.Rooms.ListRoomsAsync(["create-twice"]);

        Assert.Multiple(() =>
        {
            Assert.That(second.Sid, Is.EqualTo(first.Sid).And.Not.Empty);
            Assert.That(second.MaxParticipants, Is.EqualTo(10u));
            Assert.That(first.CreationTime, Is.Not.Null);
            Assert.That(listed.Single().Metadata, Is.EqualTo("m"));
        });
    }

    [Test]
    public async Task ParticipantLifecycle_MuteUpdateRemove_ChangesEmulatorState()
    {
        _emulator.AddParticipant("lifecycle", "alice", new TrackInfo { Sid = "TR_MIC", Type = TrackType.Audio, Source = TrackSource.Microphone });
        ParticipantPermission listenOnly = new() { CanSubscribe = true, CanPublishData = true, CanPublishSources = [TrackSource.Microphone] };

        IReadOnlyList<ParticipantInfo> before = await _host.Rooms.ListParticipantsAsync("lifecycle");
        TrackInfo? muted = await _host.Rooms.MutePublishedTrackAsync("lifecycle", "alice", "TR_MIC", muted: true);
        ParticipantInfo mutedFetched = await _host.Rooms.GetParticipantAsync("lifecycle", "alice");
        ParticipantInfo updated = await _host.Rooms.UpdateParticipantAsync(new UpdateParticipantRequest
        {
            Room = "lifecycle",
            Identity = "alice",
            Permission = listenOnly,
            Attributes = new Dictionary<string, string> { ["hand"] = "up" },
        });
        ParticipantInfo fetched = await _host.Rooms.GetParticipantAsync("lifecycle", "alice");
        TrackInfo? mutedAfterUnpublish = await _host.Rooms.MutePublishedTrackAsync("lifecycle", "alice", "TR_MIC", muted: true);
        await _host.Rooms.RemoveParticipantAsync("lifecycle", "alice");

        Assert.Multiple(async () =>
        {
            Assert.That(before.Single().Tracks.Single().Muted, Is.False);
            Assert.That(muted!.Muted, Is.True);
            Assert.That(mutedFetched.Tracks.Single().Muted, Is.True);
            Assert.That(fetched.Tracks, Is.Empty, "revoking publish unpublishes the track, as LiveKit does");
            Assert.That(mutedAfterUnpublish, Is.Null, "muting a track that is gone answers 200 with no track, as LiveKit does");
            Assert.That(updated.Permission, Is.EqualTo(listenOnly));
            Assert.That(fetched.Attributes["hand"], Is.EqualTo("up"));
            Assert.That(_emulator.FindParticipant("lifecycle", "alice"), Is.Null);
            Assert.That(await _host.Rooms.ListParticipantsAsync("lifecycle"), Is.Empty);
        });
    }

    [Test]
    public async Task UpdateRoomMetadataAndSendData_AreVisibleInEmulator()
    {
        await _host.Rooms.CreateRoomAsync(new CreateRoomRequest { Name = "data" });

        Room room = await _host.Rooms.UpdateRoomMetadataAsync("data", """{"phase":"qa"}""");
        await _host.Rooms.SendDataAsync(new SendDataRequest { Room = "data", Data = "cue"u8.ToArray(), Kind = DataPacketKind.Lossy, DestinationIdentities = ["bob"], Topic = "cues" });

        SentDataMessage sent = _emulator.DataMessages.Last();
        Assert.Multiple(() =>
        {
            Assert.That(room.Metadata, Is.EqualTo("""{"phase":"qa"}"""));
            Assert.That(_emulator.FindRoom("data")!.Metadata, Is.EqualTo("""{"phase":"qa"}"""));
            Assert.That(sent.Data, Is.EqualTo("cue"u8.ToArray()));
            Assert.That(sent.Kind, Is.EqualTo(DataPacketKind.Lossy));
            Assert.That(sent.DestinationIdentities, Is.EqualTo(new[] { "bob" }));
            Assert.That(sent.Topic, Is.EqualTo("cues"));
        });
    }

    [Test]
    public async Task IngressAndEgress_JoinTheRoomAsParticipantsOfTheirKinds_TheRecorderHidden_AndLeave()
    {
        await _host.Rooms.CreateRoomAsync(new CreateRoomRequest { Name = "kinds" });
        IngressInfo ingress = await _host.Ingress.CreateUrlIngressAsync(new CreateUrlIngressRequest { Url = "https://example.com/v.mp4", RoomName = "kinds", ParticipantIdentity = "video-bot" });
        EgressInfo egress = await _host.Egress.StartRoomCompositeEgressAsync(new StartRoomCompositeEgressRequest
        {
            RoomName = "kinds",
            FileOutputs = [new EncodedFileOutput { FileType = EncodedFileType.Mp4, Filepath = "kinds.mp4" }],
        });

        IReadOnlyList<ParticipantInfo> during = await _host.Rooms.ListParticipantsAsync("kinds");
        IReadOnlyList<EgressInfo> active = await _host.Egress.ListEgressAsync(roomName: "kinds", active: true);
        await _host.Egress.StopEgressAsync(egress.EgressId);
        await _host.Ingress.DeleteIngressAsync(ingress.IngressId);
        IReadOnlyList<EgressInfo> afterStop = await _host.Egress.ListEgressAsync(roomName: "kinds");

        Assert.Multiple(async () =>
        {
            ParticipantInfo playout = during.Single(p => p.Kind == ParticipantKind.Ingress);
            Assert.That(playout.Identity, Is.EqualTo("video-bot"));
            Assert.That(playout.Tracks.Select(t => t.Source), Is.EquivalentTo(new[] { TrackSource.Microphone, TrackSource.Camera }));
            ParticipantInfo recorder = during.Single(p => p.Kind == ParticipantKind.Egress);
            Assert.That(recorder.Permission, Is.EqualTo(new ParticipantPermission { CanSubscribe = true, Hidden = true, Recorder = true }));
            Assert.That(active.Single().Status, Is.EqualTo(EgressStatus.Active));
            Assert.That(afterStop.Single().Status, Is.EqualTo(EgressStatus.Ending));
            Assert.That(await _host.Rooms.ListParticipantsAsync("kinds"), Is.Empty, "both left");
        });
    }

    [Test]
    public async Task FailedEgress_IsListedFailed_AndStoppingItIsFailedPrecondition()
    {
        await _host.Rooms.CreateRoomAsync(new CreateRoomRequest { Name = "broken" });
        EgressInfo egress = await _host.Egress.StartRoomCompositeEgressAsync(new StartRoomCompositeEgressRequest
        {
            RoomName = "broken",
            FileOutputs = [new EncodedFileOutput { FileType = EncodedFileType.Mp4, Filepath = "broken.mp4" }],
        });

        _emulator.FailEgress(egress.EgressId, "out of disk");
        EgressInfo listed = (await _host.Egress.ListEgressAsync(roomName: "broken")).Single();
        LiveKitException? stop = Assert.ThrowsAsync<LiveKitException>(() => _host.Egress.StopEgressAsync(egress.EgressId));

        Assert.That((listed.Status, listed.Error), Is.EqualTo((EgressStatus.Failed, "out of disk")));
        Assert.That(await _host.Egress.ListEgressAsync(roomName: "broken", active: true), Is.Empty);
        Assert.That(stop!.Code, Is.EqualTo(TwirpErrorCodes.FailedPrecondition));
    }

    [Test]
    public async Task IngressAndEgress_CreateListStopDelete_FollowTheirStates()
    {
        await _host.Rooms.CreateRoomAsync(new CreateRoomRequest { Name = "media" });

        IngressInfo ingress = await _host.Ingress.CreateUrlIngressAsync(new CreateUrlIngressRequest { Url = "https://example.com/v.mp4", RoomName = "media", ParticipantIdentity = "video-bot" });
        IReadOnlyList<IngressInfo> listed = await _host.Ingress.ListIngressAsync(roomName: "media");
        EgressInfo started = await _host.Egress.StartRoomCompositeEgressAsync(new StartRoomCompositeEgressRequest
        {
            RoomName = "media",
            FileOutputs = [new EncodedFileOutput { FileType = EncodedFileType.Mp4, Filepath = "media.mp4" }],
        });
        bool recording = _emulator.FindRoom("media")!.ActiveRecording;
        EgressInfo stopped = await _host.Egress.StopEgressAsync(started.EgressId);
        LiveKitException? stopAgain = Assert.ThrowsAsync<LiveKitException>(() => _host.Egress.StopEgressAsync(started.EgressId));
        await _host.Ingress.DeleteIngressAsync(ingress.IngressId);

        Assert.Multiple(() =>
        {
            Assert.That(ingress.State!.Status, Is.EqualTo(IngressStatus.Publishing), "a URL ingress starts pulling at once");
            Assert.That(listed.Select(i => i.IngressId), Is.EqualTo(new[] { ingress.IngressId }));
            Assert.That(started.Status, Is.EqualTo(EgressStatus.Starting));
            Assert.That(recording, Is.True);
            Assert.That(stopped.Status, Is.EqualTo(EgressStatus.Ending));
            Assert.That(stopAgain!.Code, Is.EqualTo(TwirpErrorCodes.FailedPrecondition));
            Assert.That(_emulator.Ingresses.Any(i => i.IngressId == ingress.IngressId), Is.False);
        });
    }

    [Test]
    public void UnknownRoom_GivesTypedNotFound()
    {
        LiveKitException? error = Assert.ThrowsAsync<LiveKitException>(() => _host.Rooms.ListParticipantsAsync("no-such-room"));

        Assert.That(error!.Code, Is.EqualTo(TwirpErrorCodes.NotFound));
    }
}
