using System.Text.Json.Serialization;

namespace Conference.LiveKit;

/// <summary>
/// The <c>video</c> claim of a LiveKit access token. Plain booleans are omitted from the token when
/// false; the nullable ones are three-state because LiveKit reads "absent" differently from "false"
/// (absent <see cref="CanPublish"/> means allowed).
/// </summary>
public sealed record VideoGrant
{
    /// <summary>Allows creating and deleting rooms.</summary>
    public bool RoomCreate { get; init; }

    /// <summary>Allows listing rooms.</summary>
    public bool RoomList { get; init; }

    /// <summary>Allows starting and stopping egress (recording).</summary>
    public bool RoomRecord { get; init; }

    /// <summary>Allows administering the room named by <see cref="Room"/>.</summary>
    public bool RoomAdmin { get; init; }

    /// <summary>Allows joining the room named by <see cref="Room"/>; the token then needs an identity.</summary>
    public bool RoomJoin { get; init; }

    /// <summary>The room this grant applies to.</summary>
    public string? Room { get; init; }

    /// <summary>May publish tracks; absent means allowed.</summary>
    public bool? CanPublish { get; init; }

    /// <summary>May subscribe to tracks; absent means allowed.</summary>
    public bool? CanSubscribe { get; init; }

    /// <summary>May publish data messages; absent means the same as <see cref="CanPublish"/>.</summary>
    public bool? CanPublishData { get; init; }

    /// <summary>Restricts publishing to these sources; written as lowercase names (<c>screen_share</c>).</summary>
    [JsonConverter(typeof(LowercaseTrackSourceListConverter))]
    public IReadOnlyList<TrackSource>? CanPublishSources { get; init; }

    /// <summary>May update its own name, metadata and attributes; absent means not allowed.</summary>
    public bool? CanUpdateOwnMetadata { get; init; }

    /// <summary>Allows managing ingress.</summary>
    public bool IngressAdmin { get; init; }

    /// <summary>The participant is hidden from others.</summary>
    public bool Hidden { get; init; }

    /// <summary>The participant is a recorder.</summary>
    public bool Recorder { get; init; }

    /// <summary>The participant is an agent.</summary>
    public bool Agent { get; init; }

    /// <summary>May subscribe to metrics; absent means not allowed.</summary>
    public bool? CanSubscribeMetrics { get; init; }

    /// <summary>May manage agent sessions; absent means not allowed.</summary>
    public bool? CanManageAgentSession { get; init; }

    /// <summary>The room a participant may be forwarded to.</summary>
    public string? DestinationRoom { get; init; }

    /// <summary>Compares by value, publish sources included in order.</summary>
    /// <param name="other">The grant to compare with.</param>
    /// <returns>True when every field is equal.</returns>
    public bool Equals(VideoGrant? other) =>
        other is not null
        && RoomCreate == other.RoomCreate && RoomList == other.RoomList && RoomRecord == other.RoomRecord
        && RoomAdmin == other.RoomAdmin && RoomJoin == other.RoomJoin && Room == other.Room
        && CanPublish == other.CanPublish && CanSubscribe == other.CanSubscribe && CanPublishData == other.CanPublishData
        && (CanPublishSources ?? []).SequenceEqual(other.CanPublishSources ?? [])
        && CanUpdateOwnMetadata == other.CanUpdateOwnMetadata && IngressAdmin == other.IngressAdmin
        && Hidden == other.Hidden && Recorder == other.Recorder && Agent == other.Agent
        && CanSubscribeMetrics == other.CanSubscribeMetrics && CanManageAgentSession == other.CanManageAgentSession
        && DestinationRoom == other.DestinationRoom;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Room, RoomJoin, RoomAdmin, RoomCreate, CanPublish, CanSubscribe, CanPublishSources?.Count ?? 0);
}
