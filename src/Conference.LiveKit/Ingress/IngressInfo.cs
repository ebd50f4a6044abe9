namespace Conference.LiveKit;

/// <summary>An ingress (<c>livekit.IngressInfo</c>).</summary>
public sealed record IngressInfo
{
    /// <summary>The ingress id.</summary>
    public string IngressId { get; init; } = "";

    /// <summary>The ingress name.</summary>
    public string Name { get; init; } = "";

    /// <summary>The stream key (RTMP/WHIP inputs).</summary>
    public string StreamKey { get; init; } = "";

    /// <summary>The pull URL (URL input) or the push endpoint (RTMP/WHIP).</summary>
    public string Url { get; init; } = "";

    /// <summary>The input kind.</summary>
    public IngressInput InputType { get; init; }

    /// <summary>The room the ingress publishes into.</summary>
    public string RoomName { get; init; } = "";

    /// <summary>The identity the ingress publishes as.</summary>
    public string ParticipantIdentity { get; init; } = "";

    /// <summary>The display name the ingress publishes as.</summary>
    public string ParticipantName { get; init; } = "";

    /// <summary>Whether the ingress can be used more than once.</summary>
    public bool Reusable { get; init; }

    /// <summary>The processing state, if the server sent one.</summary>
    public IngressState? State { get; init; }

    internal static IngressInfo FromProto(ProtoJson json) => new()
    {
        IngressId = json.String("ingress_id"),
        Name = json.String("name"),
        StreamKey = json.String("stream_key"),
        Url = json.String("url"),
        InputType = json.Enum<IngressInput>("input_type"),
        RoomName = json.String("room_name"),
        ParticipantIdentity = json.String("participant_identity"),
        ParticipantName = json.String("participant_name"),
        Reusable = json.Bool("reusable"),
        State = json.Message("state") is { } state ? IngressState.FromProto(state) : null,
    };
}

/// <summary>The state of an ingress (<c>livekit.IngressState</c>).</summary>
public sealed record IngressState
{
    /// <summary>The status.</summary>
    public IngressStatus Status { get; init; }

    /// <summary>The error text when <see cref="Status"/> is <see cref="IngressStatus.Error"/>.</summary>
    public string Error { get; init; } = "";

    /// <summary>The room id the ingress publishes into.</summary>
    public string RoomId { get; init; } = "";

    /// <summary>When the ingress started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When the ingress ended.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    internal static IngressState FromProto(ProtoJson json) => new()
    {
        Status = json.Enum<IngressStatus>("status", "ENDPOINT_"),
        Error = json.String("error"),
        RoomId = json.String("room_id"),
        StartedAt = json.UnixNanoseconds("started_at"),
        EndedAt = json.UnixNanoseconds("ended_at"),
    };
}

/// <summary>The status of an ingress (<c>livekit.IngressState.Status</c>, names prefixed <c>ENDPOINT_</c> on the wire).</summary>
public enum IngressStatus
{
    /// <summary>Not receiving media.</summary>
    Inactive = 0,

    /// <summary>Receiving media, not yet publishing.</summary>
    Buffering = 1,

    /// <summary>Publishing into the room.</summary>
    Publishing = 2,

    /// <summary>Failed.</summary>
    Error = 3,

    /// <summary>Finished (URL input reached the end).</summary>
    Complete = 4,
}

/// <summary>How media enters an ingress (<c>livekit.IngressInput</c>).</summary>
public enum IngressInput
{
    /// <summary>RTMP push.</summary>
    RtmpInput = 0,

    /// <summary>WHIP push.</summary>
    WhipInput = 1,

    /// <summary>The server pulls a URL (file or stream).</summary>
    UrlInput = 2,
}
