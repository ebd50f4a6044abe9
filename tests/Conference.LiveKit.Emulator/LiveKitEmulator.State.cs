using System.Text.Json.Nodes;

namespace Conference.LiveKit.Emulator;

/// <summary>Helpers that let tests set up and inspect the emulator's rooms, as if clients had joined.</summary>
public sealed partial class LiveKitEmulator
{
    /// <summary>Adds a simulated participant (creating the room if needed) that publishes the given tracks.</summary>
    /// <param name="room">The room name.</param>
    /// <param name="identity">The participant identity.</param>
    /// <param name="tracks">The tracks it publishes; sids are assigned when empty.</param>
    /// <returns>The participant as the emulator holds it.</returns>
    public ParticipantInfo AddParticipant(string room, string identity, params TrackInfo[] tracks) =>
        AddParticipant(room, identity, new ParticipantPermission { CanSubscribe = true, CanPublish = true, CanPublishData = true }, ParticipantKind.Standard, tracks);

    /// <summary>
    /// Adds a simulated participant that joined with the given permission (what its token granted) and kind. As on a
    /// real server, it publishes only the tracks its permission allows.
    /// </summary>
    /// <param name="room">The room name.</param>
    /// <param name="identity">The participant identity.</param>
    /// <param name="permission">The permission its token granted.</param>
    /// <param name="kind">What kind of participant it is.</param>
    /// <param name="tracks">The tracks it tries to publish; sids are assigned when empty.</param>
    /// <returns>The participant as the emulator holds it.</returns>
    public ParticipantInfo AddParticipant(string room, string identity, ParticipantPermission permission, ParticipantKind kind, params TrackInfo[] tracks)
    {
        ArgumentNullException.ThrowIfNull(permission);
        lock (_state.Gate)
        {
            TrackInfo[] published = [.. tracks.Where(t => RoomServiceHandlers.MayPublish(permission, t.Source))];
            ParticipantInfo participant = new()
            {
                Sid = _state.NewId("PA"),
                Identity = identity,
                Name = identity,
                State = ParticipantState.Active,
                Kind = kind,
                JoinedAt = _state.Time.GetUtcNow(),
                Tracks = [.. published.Select(t => t.Sid.Length > 0 ? t : t with { Sid = _state.NewId("TR") })],
                IsPublisher = published.Length > 0,
                Permission = permission,
            };
            EmulatedRoom emulatedRoom = _state.GetOrCreateRoom(room);
            emulatedRoom.Participants[identity] = participant;
            _state.Raise(WebhookEventNames.ParticipantJoined, new JsonObject
            {
                ["room"] = EmulatorJson.Room(emulatedRoom.Snapshot()),
                ["participant"] = EmulatorJson.Participant(participant),
            });
            foreach (TrackInfo track in participant.Tracks)
            {
                _state.Raise(WebhookEventNames.TrackPublished, new JsonObject
                {
                    ["room"] = EmulatorJson.Room(emulatedRoom.Snapshot()),
                    ["participant"] = EmulatorJson.Participant(participant),
                    ["track"] = EmulatorJson.Track(track),
                });
            }

            return participant;
        }
    }

    /// <summary>Makes an ingress fail as a real one does when its source cannot be read (ingress_ended with the error).</summary>
    /// <param name="ingressId">The ingress.</param>
    /// <param name="error">The error LiveKit reports.</param>
    public void FailIngress(string ingressId, string error)
    {
        lock (_state.Gate)
        {
            IngressEgressHandlers.FailIngress(_state, ingressId, error);
        }
    }

    /// <summary>Makes an egress fail as a real one does when its recorder dies (egress_ended with the error).</summary>
    /// <param name="egressId">The egress.</param>
    /// <param name="error">The error LiveKit reports.</param>
    public void FailEgress(string egressId, string error)
    {
        lock (_state.Gate)
        {
            IngressEgressHandlers.FailEgress(_state, egressId, error);
        }
    }

    /// <summary>Lets a stopping egress finish, as a real one does once its file is written.</summary>
    /// <param name="egressId">The egress.</param>
    public void CompleteEgress(string egressId)
    {
        lock (_state.Gate)
        {
            IngressEgressHandlers.CompleteEgress(_state, egressId);
        }
    }

    /// <summary>Every participant of a room, services included, in join order.</summary>
    /// <param name="room">The room name.</param>
    /// <returns>The participants; empty when the room does not exist.</returns>
    public IReadOnlyList<ParticipantInfo> ParticipantsOf(string room)
    {
        lock (_state.Gate)
        {
            return _state.Rooms.TryGetValue(room, out EmulatedRoom? r) ? [.. r.Participants.Values] : [];
        }
    }

    /// <summary>The participant as the emulator currently holds it, or null.</summary>
    /// <param name="room">The room name.</param>
    /// <param name="identity">The participant identity.</param>
    /// <returns>The participant or null.</returns>
    public ParticipantInfo? FindParticipant(string room, string identity)
    {
        lock (_state.Gate)
        {
            return _state.Rooms.TryGetValue(room, out EmulatedRoom? r) && r.Participants.TryGetValue(identity, out ParticipantInfo? p) ? p : null;
        }
    }

    /// <summary>The room as the emulator currently holds it, or null.</summary>
    /// <param name="room">The room name.</param>
    /// <returns>The room or null.</returns>
    public Room? FindRoom(string room)
    {
        lock (_state.Gate)
        {
            return _state.Rooms.TryGetValue(room, out EmulatedRoom? r) ? r.Snapshot() : null;
        }
    }

    /// <summary>The data messages sent so far, in order.</summary>
    public IReadOnlyList<SentDataMessage> DataMessages
    {
        get
        {
            lock (_state.Gate)
            {
                return [.. _state.DataMessages];
            }
        }
    }

    /// <summary>The ingresses that exist now.</summary>
    public IReadOnlyList<IngressInfo> Ingresses
    {
        get
        {
            lock (_state.Gate)
            {
                return [.. _state.Ingresses.Values];
            }
        }
    }

    /// <summary>The egresses started so far, with their current status.</summary>
    public IReadOnlyList<EgressInfo> Egresses
    {
        get
        {
            lock (_state.Gate)
            {
                return [.. _state.Egresses.Values];
            }
        }
    }
}
