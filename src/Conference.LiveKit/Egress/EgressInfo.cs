namespace Conference.LiveKit;

/// <summary>An egress (<c>livekit.EgressInfo</c>).</summary>
public sealed record EgressInfo
{
    /// <summary>The egress id.</summary>
    public string EgressId { get; init; } = "";

    /// <summary>The id of the recorded room.</summary>
    public string RoomId { get; init; } = "";

    /// <summary>The name of the recorded room.</summary>
    public string RoomName { get; init; } = "";

    /// <summary>The status.</summary>
    public EgressStatus Status { get; init; }

    /// <summary>When recording started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When recording ended.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>When the status last changed.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>The error text when the egress failed.</summary>
    public string Error { get; init; } = "";

    internal static EgressInfo FromProto(ProtoJson json) => new()
    {
        EgressId = json.String("egress_id"),
        RoomId = json.String("room_id"),
        RoomName = json.String("room_name"),
        Status = json.Enum<EgressStatus>("status", "EGRESS_"),
        StartedAt = json.UnixNanoseconds("started_at"),
        EndedAt = json.UnixNanoseconds("ended_at"),
        UpdatedAt = json.UnixNanoseconds("updated_at"),
        Error = json.String("error"),
    };
}

/// <summary>The status of an egress (<c>livekit.EgressStatus</c>, names prefixed <c>EGRESS_</c> on the wire).</summary>
public enum EgressStatus
{
    /// <summary>Starting.</summary>
    Starting = 0,

    /// <summary>Recording.</summary>
    Active = 1,

    /// <summary>Stopping and finalising output.</summary>
    Ending = 2,

    /// <summary>Finished with output.</summary>
    Complete = 3,

    /// <summary>Failed.</summary>
    Failed = 4,

    /// <summary>Aborted.</summary>
    Aborted = 5,

    /// <summary>Stopped by a limit.</summary>
    LimitReached = 6,
}
