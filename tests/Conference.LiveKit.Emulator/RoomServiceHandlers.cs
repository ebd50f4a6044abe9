using System.Text.Json.Nodes;

namespace Conference.LiveKit.Emulator;

/// <summary>The emulated <c>livekit.RoomService</c> methods. Callers hold the state lock.</summary>
internal static class RoomServiceHandlers
{
    public static TwirpResult Handle(string method, EmulatorRequest request, EmulatorState state) => method switch
    {
        "CreateRoom" => CreateRoom(request, state),
        "ListRooms" => ListRooms(request, state),
        "DeleteRoom" => DeleteRoom(request, state),
        "ListParticipants" => WithRoom(request, state, static (room, _) =>
            TwirpResult.Ok(new JsonObject { ["participants"] = new JsonArray([.. room.Participants.Values.Select(EmulatorJson.Participant)]) })),
        "GetParticipant" => WithParticipant(request, state, static (_, p, _, _) => TwirpResult.Ok(EmulatorJson.Participant(p))),
        "RemoveParticipant" => WithParticipant(request, state, static (room, p, _, s) =>
        {
            room.Participants.Remove(p.Identity);
            s.Raise(WebhookEventNames.ParticipantLeft, new JsonObject
            {
                ["room"] = EmulatorJson.Room(room.Snapshot()),
                ["participant"] = EmulatorJson.Participant(p with { State = ParticipantState.Disconnected }),
            });
            return TwirpResult.Ok(new JsonObject());
        }),
        "MutePublishedTrack" => WithParticipant(request, state, MuteTrack),
        "UpdateParticipant" => WithParticipant(request, state, UpdateParticipant),
        "UpdateRoomMetadata" => WithRoom(request, state, static (room, r) =>
        {
            room.Info = room.Info with { Metadata = r.String("metadata") };
            return TwirpResult.Ok(EmulatorJson.Room(room.Snapshot()));
        }),
        "SendData" => WithRoom(request, state, (room, r) =>
        {
            DataPacketKind kind = r.EnumName("kind", "RELIABLE", "LOSSY") == "LOSSY" ? DataPacketKind.Lossy : DataPacketKind.Reliable;
            state.DataMessages.Add(new SentDataMessage(room.Info.Name, r.Bytes("data"), kind, r.Strings("destination_identities"), r.String("topic")));
            return TwirpResult.Ok(new JsonObject());
        }),
        _ => TwirpResult.Error(TwirpErrorCodes.BadRoute, $"no handler for RoomService/{method}"),
    };

    private static TwirpResult CreateRoom(EmulatorRequest request, EmulatorState state)
    {
        string name = request.String("name");
        if (name.Length == 0)
        {
            return TwirpResult.Error(TwirpErrorCodes.InvalidArgument, "room name is required");
        }

        // Like LiveKit, creating an existing room returns it unchanged, which is what makes CreateRoom safe to retry.
        EmulatedRoom room = state.GetOrCreateRoom(name, info => info with
        {
            EmptyTimeout = request.UInt("empty_timeout") is var empty and > 0 ? empty : info.EmptyTimeout,
            DepartureTimeout = request.UInt("departure_timeout") is var departure and > 0 ? departure : info.DepartureTimeout,
            MaxParticipants = request.UInt("max_participants"),
            Metadata = request.String("metadata"),
        });
        return TwirpResult.Ok(EmulatorJson.Room(room.Snapshot()));
    }

    private static TwirpResult DeleteRoom(EmulatorRequest request, EmulatorState state)
    {
        if (!state.Rooms.Remove(request.String("room"), out EmulatedRoom? room))
        {
            return TwirpResult.NotFound("room");
        }

        state.Raise(WebhookEventNames.RoomFinished, new JsonObject { ["room"] = EmulatorJson.Room(room.Snapshot()) });
        return TwirpResult.Ok(new JsonObject());
    }

    private static TwirpResult ListRooms(EmulatorRequest request, EmulatorState state)
    {
        IReadOnlyList<string> names = request.Strings("names");
        IEnumerable<EmulatedRoom> rooms = state.Rooms.Values.Where(r => names.Count == 0 || names.Contains(r.Info.Name));
        return TwirpResult.Ok(new JsonObject { ["rooms"] = new JsonArray([.. rooms.Select(static r => EmulatorJson.Room(r.Snapshot()))]) });
    }

    private static TwirpResult MuteTrack(EmulatedRoom room, ParticipantInfo participant, EmulatorRequest request, EmulatorState state)
    {
        string trackSid = request.String("track_sid");
        TrackInfo? track = participant.Tracks.FirstOrDefault(t => t.Sid == trackSid);
        if (track is null)
        {
            // As LiveKit does: a track the participant no longer publishes is answered 200 with no track.
            return TwirpResult.Ok(new JsonObject { ["track"] = null });
        }

        TrackInfo muted = track with { Muted = request.Bool("muted") };
        room.Participants[participant.Identity] = participant with { Tracks = [.. participant.Tracks.Select(t => t.Sid == trackSid ? muted : t)] };
        return TwirpResult.Ok(new JsonObject { ["track"] = EmulatorJson.Track(muted) });
    }

    private static TwirpResult UpdateParticipant(EmulatedRoom room, ParticipantInfo participant, EmulatorRequest request, EmulatorState state)
    {
        Dictionary<string, string> attributes = new(participant.Attributes);
        foreach ((string key, string value) in request.Map("attributes") ?? new Dictionary<string, string>())
        {
            // LiveKit merges attributes and treats an empty value as "delete this key".
            if (value.Length == 0)
            {
                attributes.Remove(key);
            }
            else
            {
                attributes[key] = value;
            }
        }

        ParticipantPermission? permission = request.Message("permission") is { } requested ? ReadPermission(requested) : participant.Permission;

        // As LiveKit does: a source the participant may no longer publish is unpublished at once.
        List<TrackInfo> kept = [.. participant.Tracks.Where(t => permission is null || MayPublish(permission, t.Source))];
        ParticipantInfo updated = participant with
        {
            Metadata = request.String("metadata") is { Length: > 0 } metadata ? metadata : participant.Metadata,
            Name = request.String("name") is { Length: > 0 } name ? name : participant.Name,
            Permission = permission,
            Attributes = attributes,
            Tracks = kept,
            IsPublisher = kept.Count > 0,
        };
        room.Participants[participant.Identity] = updated;
        foreach (TrackInfo removed in participant.Tracks.Where(t => !kept.Contains(t)))
        {
            state.Raise(WebhookEventNames.TrackUnpublished, new JsonObject
            {
                ["room"] = EmulatorJson.Room(room.Snapshot()),
                ["participant"] = EmulatorJson.Participant(updated),
                ["track"] = EmulatorJson.Track(removed),
            });
        }

        return TwirpResult.Ok(EmulatorJson.Participant(updated));
    }

    private static ParticipantPermission ReadPermission(EmulatorRequest permission) => new()
    {
        CanSubscribe = permission.Bool("can_subscribe"),
        CanPublish = permission.Bool("can_publish"),
        CanPublishData = permission.Bool("can_publish_data"),
        CanPublishSources = [.. permission.Strings("can_publish_sources").Select(ParseSource)],
        Hidden = permission.Bool("hidden"),
        Recorder = permission.Bool("recorder"),
        CanUpdateMetadata = permission.Bool("can_update_metadata"),
        Agent = permission.Bool("agent"),
        CanSubscribeMetrics = permission.Bool("can_subscribe_metrics"),
        CanManageAgentSession = permission.Bool("can_manage_agent_session"),
    };

    /// <summary>LiveKit's rule: publishing needs can_publish, and an empty source list allows every source.</summary>
    internal static bool MayPublish(ParticipantPermission permission, TrackSource source) =>
        permission.CanPublish && (permission.CanPublishSources.Count == 0 || permission.CanPublishSources.Contains(source));

    private static TrackSource ParseSource(string name) =>
        Enum.GetValues<TrackSource>().FirstOrDefault(s => EmulatorJson.Enum(s) == name || ((int)s).ToString(System.Globalization.CultureInfo.InvariantCulture) == name);

    private static TwirpResult WithRoom(EmulatorRequest request, EmulatorState state, Func<EmulatedRoom, EmulatorRequest, TwirpResult> handle) =>
        state.Rooms.TryGetValue(request.String("room"), out EmulatedRoom? room) ? handle(room, request) : TwirpResult.NotFound("room");

    private static TwirpResult WithParticipant(
        EmulatorRequest request,
        EmulatorState state,
        Func<EmulatedRoom, ParticipantInfo, EmulatorRequest, EmulatorState, TwirpResult> handle) =>
        WithRoom(request, state, (room, r) => room.Participants.TryGetValue(r.String("identity"), out ParticipantInfo? participant)
            ? handle(room, participant, r, state)
            : TwirpResult.NotFound("participant"));
}
