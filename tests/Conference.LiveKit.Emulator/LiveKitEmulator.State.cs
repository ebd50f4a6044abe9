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
    public ParticipantInfo AddParticipant(string room, string identity, params TrackInfo[] tracks)
    {
        lock (_state.Gate)
        {
            ParticipantInfo participant = new()
            {
                Sid = _state.NewId("PA"),
                Identity = identity,
                Name = identity,
                State = ParticipantState.Active,
                JoinedAt = _state.Time.GetUtcNow(),
                Tracks = [.. tracks.Select(t => t.Sid.Length > 0 ? t : t with { Sid = _state.NewId("TR") })],
                IsPublisher = tracks.Length > 0,
                Permission = new ParticipantPermission { CanSubscribe = true, CanPublish = true, CanPublishData = true },
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
