namespace Conference.LiveKit;

/// <summary>A LiveKit room (<c>livekit.Room</c>).</summary>
public sealed record Room
{
    /// <summary>The server-assigned room id.</summary>
    public string Sid { get; init; } = "";

    /// <summary>The room name.</summary>
    public string Name { get; init; } = "";

    /// <summary>Seconds an empty room stays open.</summary>
    public uint EmptyTimeout { get; init; }

    /// <summary>Seconds the room stays open after the last participant left.</summary>
    public uint DepartureTimeout { get; init; }

    /// <summary>The participant limit; 0 means none.</summary>
    public uint MaxParticipants { get; init; }

    /// <summary>When the room was created.</summary>
    public DateTimeOffset? CreationTime { get; init; }

    /// <summary>The room metadata.</summary>
    public string Metadata { get; init; } = "";

    /// <summary>How many participants are in the room.</summary>
    public uint NumParticipants { get; init; }

    /// <summary>How many participants publish.</summary>
    public uint NumPublishers { get; init; }

    /// <summary>Whether an egress is recording the room.</summary>
    public bool ActiveRecording { get; init; }

    internal static Room FromProto(ProtoJson json) => new()
    {
        Sid = json.String("sid"),
        Name = json.String("name"),
        EmptyTimeout = (uint)json.Int64("empty_timeout"),
        DepartureTimeout = (uint)json.Int64("departure_timeout"),
        MaxParticipants = (uint)json.Int64("max_participants"),
        CreationTime = json.UnixSeconds("creation_time"),
        Metadata = json.String("metadata"),
        NumParticipants = (uint)json.Int64("num_participants"),
        NumPublishers = (uint)json.Int64("num_publishers"),
        ActiveRecording = json.Bool("active_recording"),
    };
}
