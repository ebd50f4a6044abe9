using System.Text.Json.Nodes;

namespace Conference.LiveKit.Emulator;

/// <summary>
/// The emulated <c>livekit.Ingress</c> and <c>livekit.Egress</c> methods. No media is pulled or recorded, but
/// each one shows in its room as a real server shows it: a URL ingress joins at once as a participant of kind
/// INGRESS publishing its audio and video (its state PUBLISHING), a room-composite egress joins as a hidden
/// recorder of kind EGRESS (its state ACTIVE); both leave when deleted, stopped or failed.
/// </summary>
internal static class IngressEgressHandlers
{
    public static TwirpResult HandleIngress(string method, EmulatorRequest request, EmulatorState state) => method switch
    {
        "CreateIngress" => CreateIngress(request, state),
        "ListIngress" => TwirpResult.Ok(new JsonObject
        {
            ["next_page_token"] = null,
            ["items"] = new JsonArray([.. state.Ingresses.Values
                .Where(i => request.String("room_name") is var room && (room.Length == 0 || i.RoomName == room))
                .Where(i => request.String("ingress_id") is var id && (id.Length == 0 || i.IngressId == id))
                .Select(EmulatorJson.Ingress)]),
        }),
        "DeleteIngress" => DeleteIngress(request, state),
        _ => TwirpResult.Error(TwirpErrorCodes.BadRoute, $"no handler for Ingress/{method}"),
    };

    public static TwirpResult HandleEgress(string method, EmulatorRequest request, EmulatorState state) => method switch
    {
        "StartRoomCompositeEgress" => StartRoomComposite(request, state),
        "StopEgress" => StopEgress(request, state),
        "ListEgress" => TwirpResult.Ok(new JsonObject
        {
            ["items"] = new JsonArray([.. state.Egresses.Values
                .Where(e => request.String("room_name") is var room && (room.Length == 0 || e.RoomName == room))
                .Where(e => request.String("egress_id") is var id && (id.Length == 0 || e.EgressId == id))
                .Where(e => !request.Bool("active") || e.Status is EgressStatus.Starting or EgressStatus.Active or EgressStatus.Ending)
                .Select(EmulatorJson.Egress)]),
            ["next_page_token"] = null,
        }),
        _ => TwirpResult.Error(TwirpErrorCodes.BadRoute, $"no handler for Egress/{method}"),
    };

    private static TwirpResult CreateIngress(EmulatorRequest request, EmulatorState state)
    {
        string inputType = request.EnumName("input_type", "RTMP_INPUT", "WHIP_INPUT", "URL_INPUT");
        if (inputType != "URL_INPUT")
        {
            return TwirpResult.Error(TwirpErrorCodes.Unimplemented, $"the emulator only supports URL_INPUT, not {inputType}");
        }

        if (request.String("url").Length == 0 || request.String("room_name").Length == 0 || request.String("participant_identity").Length == 0)
        {
            return TwirpResult.Error(TwirpErrorCodes.InvalidArgument, "url, room_name and participant_identity are required");
        }

        IngressInfo ingress = new()
        {
            IngressId = state.NewId("IN"),
            Name = request.String("name"),
            Url = request.String("url"),
            InputType = IngressInput.UrlInput,
            RoomName = request.String("room_name"),
            ParticipantIdentity = request.String("participant_identity"),
            ParticipantName = request.String("participant_name"),
            State = new IngressState { Status = IngressStatus.Publishing, StartedAt = state.Time.GetUtcNow() },
        };
        state.Ingresses.Add(ingress.IngressId, ingress);
        EmulatedRoom room = state.GetOrCreateRoom(ingress.RoomName);
        Join(state, room, new ParticipantInfo
        {
            Sid = state.NewId("PA"),
            Identity = ingress.ParticipantIdentity,
            Name = ingress.ParticipantName,
            State = ParticipantState.Active,
            Kind = ParticipantKind.Ingress,
            JoinedAt = state.Time.GetUtcNow(),
            IsPublisher = true,
            Tracks =
            [
                new TrackInfo { Sid = state.NewId("TR"), Type = TrackType.Audio, Source = TrackSource.Microphone, Name = "audio" },
                new TrackInfo { Sid = state.NewId("TR"), Type = TrackType.Video, Source = TrackSource.Camera, Name = "video" },
            ],
            Permission = new ParticipantPermission { CanPublish = true, CanSubscribe = false },
        });
        state.Raise(WebhookEventNames.IngressStarted, new JsonObject { ["ingress_info"] = EmulatorJson.Ingress(ingress) });
        return TwirpResult.Ok(EmulatorJson.Ingress(ingress));
    }

    private static TwirpResult DeleteIngress(EmulatorRequest request, EmulatorState state)
    {
        if (!state.Ingresses.Remove(request.String("ingress_id"), out IngressInfo? deleted))
        {
            return TwirpResult.NotFound("ingress");
        }

        Leave(state, deleted.RoomName, deleted.ParticipantIdentity);
        IngressInfo ended = deleted with { State = (deleted.State ?? new IngressState()) with { Status = IngressStatus.Complete, EndedAt = state.Time.GetUtcNow() } };
        return TwirpResult.Ok(EmulatorJson.Ingress(ended));
    }

    /// <summary>An ingress fails (its source cannot be read): it leaves the room and LiveKit reports ingress_ended with the error.</summary>
    internal static void FailIngress(EmulatorState state, string ingressId, string error)
    {
        IngressInfo ingress = state.Ingresses[ingressId];
        IngressInfo failed = ingress with
        {
            State = (ingress.State ?? new IngressState()) with { Status = IngressStatus.Error, Error = error, EndedAt = state.Time.GetUtcNow() },
        };
        state.Ingresses[ingressId] = failed;
        Leave(state, failed.RoomName, failed.ParticipantIdentity);
        state.Raise(WebhookEventNames.IngressEnded, new JsonObject { ["ingress_info"] = EmulatorJson.Ingress(failed) });
    }

    /// <summary>An egress fails (the recorder crashed, storage refused it): it leaves the room and LiveKit reports egress_ended with the error.</summary>
    internal static void FailEgress(EmulatorState state, string egressId, string error)
    {
        EgressInfo failed = state.Egresses[egressId] with { Status = EgressStatus.Failed, Error = error, EndedAt = state.Time.GetUtcNow(), UpdatedAt = state.Time.GetUtcNow() };
        state.Egresses[egressId] = failed;
        Leave(state, failed.RoomName, RecorderIdentity(failed.EgressId));
        UpdateActiveRecording(state, failed.RoomName);
        state.Raise(WebhookEventNames.EgressEnded, new JsonObject { ["egress_info"] = EmulatorJson.Egress(failed) });
    }

    /// <summary>An egress that was stopping finishes writing its file.</summary>
    internal static void CompleteEgress(EmulatorState state, string egressId)
    {
        EgressInfo complete = state.Egresses[egressId] with { Status = EgressStatus.Complete, EndedAt = state.Time.GetUtcNow(), UpdatedAt = state.Time.GetUtcNow() };
        state.Egresses[egressId] = complete;
        Leave(state, complete.RoomName, RecorderIdentity(complete.EgressId));
        UpdateActiveRecording(state, complete.RoomName);
        state.Raise(WebhookEventNames.EgressEnded, new JsonObject { ["egress_info"] = EmulatorJson.Egress(complete) });
    }

    /// <summary>The recorder of a room-composite egress joins under the egress id, as LiveKit's egress service does.</summary>
    internal static string RecorderIdentity(string egressId) => egressId;

    private static void Join(EmulatorState state, EmulatedRoom room, ParticipantInfo participant)
    {
        room.Participants[participant.Identity] = participant;
        state.Raise(WebhookEventNames.ParticipantJoined, new JsonObject
        {
            ["room"] = EmulatorJson.Room(room.Snapshot()),
            ["participant"] = EmulatorJson.Participant(participant),
        });
    }

    private static void Leave(EmulatorState state, string roomName, string identity)
    {
        if (state.Rooms.TryGetValue(roomName, out EmulatedRoom? room) && room.Participants.Remove(identity, out ParticipantInfo? left))
        {
            state.Raise(WebhookEventNames.ParticipantLeft, new JsonObject
            {
                ["room"] = EmulatorJson.Room(room.Snapshot()),
                ["participant"] = EmulatorJson.Participant(left with { State = ParticipantState.Disconnected }),
            });
        }
    }

    private static void UpdateActiveRecording(EmulatorState state, string roomName)
    {
        if (state.Rooms.TryGetValue(roomName, out EmulatedRoom? room))
        {
            room.Info = room.Info with
            {
                ActiveRecording = state.Egresses.Values.Any(e => e.RoomName == roomName && e.Status is EgressStatus.Starting or EgressStatus.Active),
            };
        }
    }

    private static TwirpResult StartRoomComposite(EmulatorRequest request, EmulatorState state)
    {
        if (!state.Rooms.TryGetValue(request.String("room_name"), out EmulatedRoom? room))
        {
            return TwirpResult.NotFound("room");
        }

        if (request.Messages("file_outputs").Count == 0 && request.Message("file") is null)
        {
            return TwirpResult.Error(TwirpErrorCodes.InvalidArgument, "no output given");
        }

        DateTimeOffset now = state.Time.GetUtcNow();
        EgressInfo egress = new()
        {
            EgressId = state.NewId("EG"),
            RoomId = room.Info.Sid,
            RoomName = room.Info.Name,
            Status = EgressStatus.Starting,
            UpdatedAt = now,
        };
        state.Egresses.Add(egress.EgressId, egress);
        room.Info = room.Info with { ActiveRecording = true };
        state.Raise(WebhookEventNames.EgressStarted, new JsonObject { ["egress_info"] = EmulatorJson.Egress(egress) });

        // The recorder's browser joins the room hidden, as a recorder of kind EGRESS, and the egress becomes active.
        Join(state, room, new ParticipantInfo
        {
            Sid = state.NewId("PA"),
            Identity = RecorderIdentity(egress.EgressId),
            Name = "",
            State = ParticipantState.Active,
            Kind = ParticipantKind.Egress,
            JoinedAt = now,
            Permission = new ParticipantPermission { CanSubscribe = true, Hidden = true, Recorder = true },
        });
        EgressInfo active = egress with { Status = EgressStatus.Active, StartedAt = now, UpdatedAt = now };
        state.Egresses[egress.EgressId] = active;
        state.Raise(WebhookEventNames.EgressUpdated, new JsonObject { ["egress_info"] = EmulatorJson.Egress(active) });
        return TwirpResult.Ok(EmulatorJson.Egress(egress));
    }

    private static TwirpResult StopEgress(EmulatorRequest request, EmulatorState state)
    {
        if (!state.Egresses.TryGetValue(request.String("egress_id"), out EgressInfo? egress))
        {
            return TwirpResult.NotFound("egress");
        }

        if (egress.Status is not (EgressStatus.Starting or EgressStatus.Active))
        {
            return TwirpResult.Error(TwirpErrorCodes.FailedPrecondition, $"egress is {EmulatorJson.Enum(egress.Status)}");
        }

        EgressInfo stopped = egress with { Status = EgressStatus.Ending, UpdatedAt = state.Time.GetUtcNow() };
        state.Egresses[stopped.EgressId] = stopped;
        Leave(state, stopped.RoomName, RecorderIdentity(stopped.EgressId));
        UpdateActiveRecording(state, stopped.RoomName);

        state.Raise(WebhookEventNames.EgressUpdated, new JsonObject { ["egress_info"] = EmulatorJson.Egress(stopped) });
        return TwirpResult.Ok(EmulatorJson.Egress(stopped));
    }
}
