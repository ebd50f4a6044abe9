namespace Conference.LiveKit;

/// <summary>
/// What a participant may do (<c>livekit.ParticipantPermission</c>). LiveKit replaces the whole set on
/// every update, so this type has no "leave unchanged" state: build the complete set each time.
/// </summary>
public sealed record ParticipantPermission
{
    /// <summary>May subscribe to tracks.</summary>
    public bool CanSubscribe { get; init; }

    /// <summary>May publish tracks.</summary>
    public bool CanPublish { get; init; }

    /// <summary>May publish data messages.</summary>
    public bool CanPublishData { get; init; }

    /// <summary>The sources the participant may publish; empty means all.</summary>
    public IReadOnlyList<TrackSource> CanPublishSources { get; init; } = [];

    /// <summary>Hidden from other participants.</summary>
    public bool Hidden { get; init; }

    /// <summary>Joined as a recorder (an egress); shown to clients as recording.</summary>
    public bool Recorder { get; init; }

    /// <summary>May update its own name, metadata and attributes.</summary>
    public bool CanUpdateMetadata { get; init; }

    /// <summary>Joined as an agent.</summary>
    public bool Agent { get; init; }

    /// <summary>May subscribe to metrics.</summary>
    public bool CanSubscribeMetrics { get; init; }

    /// <summary>May manage agent sessions.</summary>
    public bool CanManageAgentSession { get; init; }

    /// <summary>Compares by value, sources included in order, so callers can skip updates that change nothing.</summary>
    /// <param name="other">The permission set to compare with.</param>
    /// <returns>True when every field is equal.</returns>
    public bool Equals(ParticipantPermission? other) =>
        other is not null
        && CanSubscribe == other.CanSubscribe
        && CanPublish == other.CanPublish
        && CanPublishData == other.CanPublishData
        && CanPublishSources.SequenceEqual(other.CanPublishSources)
        && Hidden == other.Hidden
        && Recorder == other.Recorder
        && CanUpdateMetadata == other.CanUpdateMetadata
        && Agent == other.Agent
        && CanSubscribeMetrics == other.CanSubscribeMetrics
        && CanManageAgentSession == other.CanManageAgentSession;

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(
            HashCode.Combine(CanSubscribe, CanPublish, CanPublishData, CanPublishSources.Count),
            HashCode.Combine(Hidden, Recorder, CanUpdateMetadata, Agent, CanSubscribeMetrics, CanManageAgentSession));

    internal static ParticipantPermission FromProto(ProtoJson json) => new()
    {
        CanSubscribe = json.Bool("can_subscribe"),
        CanPublish = json.Bool("can_publish"),
        CanPublishData = json.Bool("can_publish_data"),
        CanPublishSources = json.EnumArray<TrackSource>("can_publish_sources"),
        Hidden = json.Bool("hidden"),
        Recorder = json.Bool("recorder"),
        CanUpdateMetadata = json.Bool("can_update_metadata"),
        Agent = json.Bool("agent"),
        CanSubscribeMetrics = json.Bool("can_subscribe_metrics"),
        CanManageAgentSession = json.Bool("can_manage_agent_session"),
    };
}
