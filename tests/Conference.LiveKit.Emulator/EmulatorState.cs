using System.Text.Json.Nodes;

namespace Conference.LiveKit.Emulator;

/// <summary>The emulator's in-memory world. Every read and write happens under <see cref="Gate"/>.</summary>
internal sealed class EmulatorState(TimeProvider time)
{
    private int _lastId;

    public Lock Gate { get; } = new();

    public TimeProvider Time => time;

    public OrderedDictionary<string, EmulatedRoom> Rooms { get; } = new(StringComparer.Ordinal);

    public OrderedDictionary<string, IngressInfo> Ingresses { get; } = new(StringComparer.Ordinal);

    public OrderedDictionary<string, EgressInfo> Egresses { get; } = new(StringComparer.Ordinal);

    public List<SentDataMessage> DataMessages { get; } = [];

    /// <summary>Receives state-change events (name, snake_case payload) for webhook delivery.</summary>
    public Action<string, JsonObject> Raise { get; set; } = static (_, _) => { };

    public string NewId(string prefix) => $"{prefix}_{Interlocked.Increment(ref _lastId):D6}";

    public EmulatedRoom GetOrCreateRoom(string name, Func<Room, Room>? configure = null)
    {
        if (!Rooms.TryGetValue(name, out EmulatedRoom? room))
        {
            Room info = new() { Sid = NewId("RM"), Name = name, CreationTime = time.GetUtcNow(), EmptyTimeout = 300, DepartureTimeout = 20 };
            room = new EmulatedRoom(configure is null ? info : configure(info));
            Rooms.Add(name, room);
            Raise(WebhookEventNames.RoomStarted, new JsonObject { ["room"] = EmulatorJson.Room(room.Snapshot()) });
        }

        return room;
    }
}

/// <summary>A room and its participants, keyed by identity in join order.</summary>
internal sealed class EmulatedRoom(Room info)
{
    public Room Info { get; set; } = info;

    public OrderedDictionary<string, ParticipantInfo> Participants { get; } = new(StringComparer.Ordinal);

    public Room Snapshot() => Info with
    {
        NumParticipants = (uint)Participants.Count,
        NumPublishers = (uint)Participants.Values.Count(static p => p.Tracks.Count > 0),
    };
}

/// <summary>A data message a client sent into a room through the emulator.</summary>
/// <param name="Room">The room.</param>
/// <param name="Data">The payload.</param>
/// <param name="Kind">Reliable or lossy.</param>
/// <param name="DestinationIdentities">The recipients; empty means everyone.</param>
/// <param name="Topic">The topic.</param>
public sealed record SentDataMessage(string Room, byte[] Data, DataPacketKind Kind, IReadOnlyList<string> DestinationIdentities, string Topic);
