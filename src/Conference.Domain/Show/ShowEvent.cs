using System.Text.Json.Serialization;

namespace Conference.Domain.Show;

/// <summary>
/// A fact of the live show. The log of these is the show: state is their fold, the revision
/// is their count, and the post-event report reads them. Stored as JSON with a "type" discriminator.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ShowStarted), "showStarted")]
[JsonDerivedType(typeof(SegmentStarted), "segmentStarted")]
[JsonDerivedType(typeof(SegmentEnded), "segmentEnded")]
[JsonDerivedType(typeof(SegmentSkipped), "segmentSkipped")]
[JsonDerivedType(typeof(Paused), "paused")]
[JsonDerivedType(typeof(Resumed), "resumed")]
[JsonDerivedType(typeof(TimeAdjusted), "timeAdjusted")]
[JsonDerivedType(typeof(CueAdvanced), "cueAdvanced")]
[JsonDerivedType(typeof(MessageSent), "messageSent")]
[JsonDerivedType(typeof(ShowEnded), "showEnded")]
[JsonDerivedType(typeof(ShowReset), "showReset")]
[JsonDerivedType(typeof(CueStarted), "cueStarted")]
[JsonDerivedType(typeof(CueEnded), "cueEnded")]
[JsonDerivedType(typeof(CueSkipped), "cueSkipped")]
[JsonDerivedType(typeof(QueueHeld), "queueHeld")]
[JsonDerivedType(typeof(QueueReleased), "queueReleased")]
public abstract record ShowEvent(DateTimeOffset At);

public sealed record ShowStarted(DateTimeOffset At) : ShowEvent(At);

public sealed record SegmentStarted(DateTimeOffset At, Guid SegmentId) : ShowEvent(At);

public sealed record SegmentEnded(DateTimeOffset At, Guid SegmentId, SegmentEndReason Reason) : ShowEvent(At);

/// <summary>A segment that has not run is marked to be passed over; it takes no time in the projection.</summary>
public sealed record SegmentSkipped(DateTimeOffset At, Guid SegmentId) : ShowEvent(At);

public sealed record Paused(DateTimeOffset At) : ShowEvent(At);

public sealed record Resumed(DateTimeOffset At) : ShowEvent(At);

/// <summary>Time added to (positive) or taken from (negative) the running segment.</summary>
public sealed record TimeAdjusted(DateTimeOffset At, Guid SegmentId, TimeSpan Delta) : ShowEvent(At);

/// <summary>The running segment moved to cue <paramref name="CueIndex"/> (zero-based: which awardee, which appeal).</summary>
public sealed record CueAdvanced(DateTimeOffset At, Guid SegmentId, int CueIndex) : ShowEvent(At);

/// <summary>A queue item (video appeal) of the running segment went on air; <paramref name="CueIndex"/> is its place in the queue then.</summary>
public sealed record CueStarted(DateTimeOffset At, Guid SegmentId, Guid CueId, int CueIndex) : ShowEvent(At);

public sealed record CueEnded(DateTimeOffset At, Guid SegmentId, Guid CueId, CueEndReason Reason) : ShowEvent(At);

/// <summary>A queue item that had not played yet was passed over.</summary>
public sealed record CueSkipped(DateTimeOffset At, Guid SegmentId, Guid CueId) : ShowEvent(At);

public sealed record QueueHeld(DateTimeOffset At, Guid SegmentId) : ShowEvent(At);

public sealed record QueueReleased(DateTimeOffset At, Guid SegmentId) : ShowEvent(At);

public sealed record MessageSent(DateTimeOffset At, MessageAudience Audience, string Text) : ShowEvent(At);

public sealed record ShowEnded(DateTimeOffset At) : ShowEvent(At);

/// <summary>
/// The show went back to "not started"; everything before this event was a rehearsal. Only what follows the
/// last reset is the show: its state, timeline and live figures.
/// </summary>
public sealed record ShowReset(DateTimeOffset At) : ShowEvent(At);

/// <summary>Why a segment stopped running.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SegmentEndReason>))]
public enum SegmentEndReason
{
    /// <summary>A host moved on (next or go to).</summary>
    Host,

    /// <summary>It reached its deadline and advanced by itself.</summary>
    Deadline,

    /// <summary>A host skipped it while it was running.</summary>
    Skipped,

    /// <summary>The show was ended while it was running.</summary>
    ShowEnded,

    /// <summary>The show was reset (after a rehearsal) while it was running.</summary>
    ShowReset,
}

/// <summary>Who a host's message is for.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MessageAudience>))]
public enum MessageAudience
{
    /// <summary>Speakers (and the hosts, who see what was sent): "two minutes, please".</summary>
    Speakers,

    /// <summary>The other hosts and producers' desk only.</summary>
    Hosts,

    /// <summary>An announcement to the whole audience of the conference.</summary>
    Everyone,
}
