namespace Conference.LiveKit;

/// <summary>The arguments of <see cref="RoomServiceClient.CreateRoomAsync"/> (<c>livekit.CreateRoomRequest</c>).</summary>
public sealed record CreateRoomRequest
{
    /// <summary>The room name; creating an existing name returns the existing room.</summary>
    public required string Name { get; init; }

    /// <summary>Seconds an empty room stays open; 0 keeps the server default.</summary>
    public uint EmptyTimeout { get; init; }

    /// <summary>Seconds the room stays open after the last participant left; 0 keeps the server default.</summary>
    public uint DepartureTimeout { get; init; }

    /// <summary>The participant limit; 0 means none.</summary>
    public uint MaxParticipants { get; init; }

    /// <summary>Initial room metadata.</summary>
    public string? Metadata { get; init; }
}

/// <summary>The arguments of <see cref="RoomServiceClient.UpdateParticipantAsync"/> (<c>livekit.UpdateParticipantRequest</c>).</summary>
public sealed record UpdateParticipantRequest
{
    /// <summary>The room.</summary>
    public required string Room { get; init; }

    /// <summary>The participant identity.</summary>
    public required string Identity { get; init; }

    /// <summary>New metadata; null leaves it unchanged.</summary>
    public string? Metadata { get; init; }

    /// <summary>The complete new permission set; null leaves permissions unchanged.</summary>
    public ParticipantPermission? Permission { get; init; }

    /// <summary>New display name; null leaves it unchanged.</summary>
    public string? Name { get; init; }

    /// <summary>Attributes to set; null leaves them unchanged.</summary>
    public IReadOnlyDictionary<string, string>? Attributes { get; init; }
}

/// <summary>The arguments of <see cref="RoomServiceClient.SendDataAsync"/> (<c>livekit.SendDataRequest</c>).</summary>
public sealed record SendDataRequest
{
    /// <summary>The room.</summary>
    public required string Room { get; init; }

    /// <summary>The payload.</summary>
    public required ReadOnlyMemory<byte> Data { get; init; }

    /// <summary>Reliable (ordered, retransmitted) or lossy delivery.</summary>
    public DataPacketKind Kind { get; init; }

    /// <summary>Recipients by identity; empty sends to everyone.</summary>
    public IReadOnlyList<string> DestinationIdentities { get; init; } = [];

    /// <summary>The topic receivers filter on.</summary>
    public string? Topic { get; init; }
}

/// <summary>How a data packet is delivered (<c>livekit.DataPacket.Kind</c>).</summary>
public enum DataPacketKind
{
    /// <summary>Ordered and retransmitted.</summary>
    Reliable = 0,

    /// <summary>Best effort.</summary>
    Lossy = 1,
}
