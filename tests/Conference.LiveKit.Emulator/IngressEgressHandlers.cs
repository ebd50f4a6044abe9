using System.Text.Json.Nodes;

namespace Conference.LiveKit.Emulator;

/// <summary>
/// The emulated <c>livekit.Ingress</c> and <c>livekit.Egress</c> methods. They keep bookkeeping only:
/// no media is pulled or recorded, so states stay where a real server would put them first.
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
        "DeleteIngress" => state.Ingresses.Remove(request.String("ingress_id"), out IngressInfo? deleted)
            ? TwirpResult.Ok(EmulatorJson.Ingress(deleted with { State = (deleted.State ?? new IngressState()) with { Status = IngressStatus.Complete } }))
            : TwirpResult.NotFound("ingress"),
        _ => TwirpResult.Error(TwirpErrorCodes.BadRoute, $"no handler for Ingress/{method}"),
    };

    public static TwirpResult HandleEgress(string method, EmulatorRequest request, EmulatorState state) => method switch
    {
        "StartRoomCompositeEgress" => StartRoomComposite(request, state),
        "StopEgress" => StopEgress(request, state),
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
            State = new IngressState { Status = IngressStatus.Inactive },
        };
        state.Ingresses.Add(ingress.IngressId, ingress);
        return TwirpResult.Ok(EmulatorJson.Ingress(ingress));
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
        if (state.Rooms.TryGetValue(stopped.RoomName, out EmulatedRoom? room)
            && !state.Egresses.Values.Any(e => e.RoomName == room.Info.Name && e.Status is EgressStatus.Starting or EgressStatus.Active))
        {
            room.Info = room.Info with { ActiveRecording = false };
        }

        state.Raise(WebhookEventNames.EgressUpdated, new JsonObject { ["egress_info"] = EmulatorJson.Egress(stopped) });
        return TwirpResult.Ok(EmulatorJson.Egress(stopped));
    }
}
