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
