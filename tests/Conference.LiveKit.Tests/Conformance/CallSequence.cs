namespace Conference.LiveKit.Tests.Conformance;

/// <summary>The same calls, with the same arguments, as <c>tests/livekit-conformance/wire.mjs</c> makes with LiveKit's JS clients.</summary>
internal static class CallSequence
{
    public static async Task RunMirrorOfWireScriptAsync(RoomServiceClient rooms, IngressClient ingress, EgressClient egress)
    {
        await rooms.CreateRoomAsync(new CreateRoomRequest { Name = "conf-1", EmptyTimeout = 300, MaxParticipants = 50, Metadata = """{"t":1}""", DepartureTimeout = 20 });
        await rooms.ListRoomsAsync(["conf-1", "conf-2"]);
        await rooms.ListRoomsAsync();
        await rooms.DeleteRoomAsync("conf-1");
        await rooms.ListParticipantsAsync("conf-1");
        await rooms.GetParticipantAsync("conf-1", "alice");
        await rooms.RemoveParticipantAsync("conf-1", "alice");
        await rooms.MutePublishedTrackAsync("conf-1", "alice", "TR_1", muted: true);
        await rooms.UpdateParticipantAsync(new UpdateParticipantRequest
        {
            Room = "conf-1",
            Identity = "alice",
            Metadata = """{"hand":true}""",
            Permission = new ParticipantPermission { CanSubscribe = true, CanPublish = false, CanPublishData = true, CanPublishSources = [TrackSource.Microphone] },
            Name = "Alice B",
            Attributes = new Dictionary<string, string> { ["hand"] = "up" },
        });
        await rooms.UpdateRoomMetadataAsync("conf-1", """{"phase":"live"}""");
        await rooms.SendDataAsync(new SendDataRequest { Room = "conf-1", Data = "hello"u8.ToArray(), Kind = DataPacketKind.Reliable, DestinationIdentities = ["alice"], Topic = "chat" });
        await rooms.SendDataAsync(new SendDataRequest { Room = "conf-1", Data = new byte[] { 1, 2, 3 }, Kind = DataPacketKind.Lossy, Topic = "cursor" });
        await ingress.CreateUrlIngressAsync(new CreateUrlIngressRequest
        {
            Name = "promo",
            RoomName = "conf-1",
            ParticipantIdentity = "video-bot",
            ParticipantName = "Promo Video",
            Url = "https://example.com/v.mp4",
        });
        await ingress.ListIngressAsync(roomName: "conf-1");
        await ingress.DeleteIngressAsync("IN_1");
        await egress.StartRoomCompositeEgressAsync(new StartRoomCompositeEgressRequest
        {
            RoomName = "conf-1",
            Layout = "speaker",
            FileOutputs = [new EncodedFileOutput { FileType = EncodedFileType.Mp4, Filepath = "rec/conf-1.mp4" }],
        });
        await egress.StopEgressAsync("EG_1");
    }

    /// <summary>Calls that use the fields the mirror sequence leaves at zero, so strict parsing sees every field the client can write.</summary>
    public static async Task RunRemainingFieldVariantsAsync(RoomServiceClient rooms, IngressClient ingress, EgressClient egress)
    {
        await rooms.CreateRoomAsync(new CreateRoomRequest { Name = "bare" });
        await rooms.UpdateParticipantAsync(new UpdateParticipantRequest
        {
            Room = "conf-1",
            Identity = "bob",
            Permission = new ParticipantPermission
            {
                CanSubscribe = true,
                CanPublish = true,
                CanPublishData = true,
                CanPublishSources = [TrackSource.Camera, TrackSource.Microphone, TrackSource.ScreenShare, TrackSource.ScreenShareAudio],
                Hidden = true,
                Recorder = true,
                CanUpdateMetadata = true,
                Agent = true,
                CanSubscribeMetrics = true,
                CanManageAgentSession = true,
            },
        });
        await rooms.UpdateParticipantAsync(new UpdateParticipantRequest { Room = "conf-1", Identity = "bob", Permission = new ParticipantPermission() });
        await ingress.CreateUrlIngressAsync(new CreateUrlIngressRequest
        {
            RoomName = "conf-1",
            ParticipantIdentity = "bot",
            Url = "https://example.com/v.mp4",
            ParticipantMetadata = """{"kind":"video"}""",
        });
        await ingress.ListIngressAsync(ingressId: "IN_2");
        await egress.StartRoomCompositeEgressAsync(new StartRoomCompositeEgressRequest
        {
            RoomName = "conf-1",
            AudioOnly = true,
            VideoOnly = false,
            FileOutputs =
            [
                new EncodedFileOutput { FileType = EncodedFileType.Ogg, Filepath = "a.ogg", DisableManifest = true },
                new EncodedFileOutput { Filepath = "b.mp4" },
            ],
        });
        await egress.ListEgressAsync(roomName: "conf-1", egressId: "EG_2", active: true);
    }
}
