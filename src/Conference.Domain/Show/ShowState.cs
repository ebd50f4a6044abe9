using System.Collections.Immutable;

namespace Conference.Domain.Show;

public enum ShowStatus
{
    NotStarted,
    Running,
    Paused,
    Ended,
}

/// <summary>One segment's time on air, as recorded. <see cref="EndedAt"/> is null while it runs.</summary>
/// <remarks>No default parameter values: the OpenAPI schema exporter cannot write a struct's <c>default</c>.</remarks>
public sealed record SegmentRun(
    Guid SegmentId,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    SegmentEndReason? EndReason,
    TimeSpan AddedTime,
    TimeSpan PausedTotal)
{
    public TimeSpan? Duration => EndedAt - StartedAt;
}

/// <summary>How a queue item's turn ended.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<CueEndReason>))]
public enum CueEndReason
{
    /// <summary>It played to its end.</summary>
    Finished,

    /// <summary>The producer cut it short to play the next one now.</summary>
    PlayedNext,

    /// <summary>The producer skipped it, while it played or before its turn.</summary>
    Skipped,

    /// <summary>It was taken out of the queue (rejected) while it played.</summary>
    PulledOut,

    /// <summary>Its segment ended (a host moved on) while it played.</summary>
    SegmentEnded,
}

/// <summary>One queue item's turn: <see cref="StartedAt"/> is null for an item skipped before it played.</summary>
public sealed record CueRun(Guid SegmentId, Guid CueId, DateTimeOffset? StartedAt, DateTimeOffset EndedAt, CueEndReason Reason)
{
    /// <summary>Played means it was on air and not skipped or pulled out; cut short by the producer or a host still counts.</summary>
    public bool Played => StartedAt is not null && Reason is not (CueEndReason.Skipped or CueEndReason.PulledOut);
}

/// <summary>A rehearsal (or false start): what ran between its start and the reset that closed it. Never part of the live figures.</summary>
public sealed record ShowRehearsal(DateTimeOffset? StartedAt, DateTimeOffset ResetAt, IReadOnlyList<SegmentRun> Runs);

/// <summary>
/// The live show as the fold of its events. It holds anchors (instants and totals), never
/// running values: remaining time is computed from them by whoever displays it (see <see cref="SegmentClock"/>).
/// </summary>
public sealed record ShowState
{
    public static ShowState Initial { get; } = new();

    public ShowStatus Status { get; init; } = ShowStatus.NotStarted;

    /// <summary>The number of events applied; commands must name it to be accepted.</summary>
    public int Revision { get; init; }

    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>The instant of the latest event, so that new events never go back in time.</summary>
    public DateTimeOffset? LastEventAt { get; init; }

    public Guid? CurrentSegmentId { get; init; }
    public DateTimeOffset? SegmentStartedAt { get; init; }
    public DateTimeOffset? PausedAt { get; init; }

    /// <summary>Completed pauses of the running segment; an ongoing pause counts from <see cref="PausedAt"/>.</summary>
    public TimeSpan PausedTotal { get; init; }

    /// <summary>Time added to (or, when negative, taken from) the running segment.</summary>
    public TimeSpan AddedTime { get; init; }

    public int CueIndex { get; init; }

    /// <summary>The queue item (video appeal) playing now in the running segment, if any.</summary>
    public Guid? CueId { get; init; }

    public DateTimeOffset? CueStartedAt { get; init; }

    /// <summary>The segment's pause total when the cue started: pauses after that push the cue's end.</summary>
    public TimeSpan CuePausedBase { get; init; }

    /// <summary>The producer paused the queue: what plays finishes, nothing starts after it.</summary>
    public bool QueueHeld { get; init; }

    /// <summary>Every queue item that finished, was cut or was skipped since the last reset: the played/skipped log.</summary>
    public ImmutableList<CueRun> CueRuns { get; init; } = [];

    /// <summary>Every segment that has run or is running, in the order they started.</summary>
    public ImmutableList<SegmentRun> Runs { get; init; } = [];

    /// <summary>Segments marked skipped before they ran.</summary>
    public ImmutableList<Guid> SkippedSegmentIds { get; init; } = [];

    /// <summary>What ran before each reset, oldest first; the fields above describe only what followed the last one.</summary>
    public ImmutableList<ShowRehearsal> Rehearsals { get; init; } = [];

    public bool HasRun(Guid segmentId) => Runs.Exists(r => r.SegmentId == segmentId);

    public bool IsSkipped(Guid segmentId) => SkippedSegmentIds.Contains(segmentId);

    public SegmentRun? RunOf(Guid segmentId) => Runs.FindLast(r => r.SegmentId == segmentId);

    /// <summary>Every run of a segment since the last reset, in order: more than one when a host went back to it.</summary>
    public IReadOnlyList<SegmentRun> RunsOf(Guid segmentId) => Runs.FindAll(r => r.SegmentId == segmentId);

    public static ShowState Replay(IEnumerable<ShowEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return events.Aggregate(Initial, RunOfShow.Apply);
    }
}
