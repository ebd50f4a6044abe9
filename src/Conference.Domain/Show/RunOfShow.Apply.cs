using System.Collections.Immutable;

namespace Conference.Domain.Show;

public static partial class RunOfShow
{
    /// <summary>
    /// Folds one event into the state. Events are facts already decided, so this never throws
    /// for a well-formed log; every event adds one to the revision.
    /// </summary>
    public static ShowState Apply(ShowState state, ShowEvent @event)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(@event);
        var next = @event switch
        {
            ShowStarted e => state with { Status = ShowStatus.Running, StartedAt = e.At },
            SegmentStarted e => StartSegment(state, e),
            SegmentEnded e => EndSegment(state, e),
            SegmentSkipped e => state with { SkippedSegmentIds = state.SkippedSegmentIds.Add(e.SegmentId) },
            Paused e => state with { Status = ShowStatus.Paused, PausedAt = e.At },
            Resumed e => state with
            {
                Status = ShowStatus.Running,
                PausedTotal = SegmentClock.PausedSoFar(state, e.At),
                PausedAt = null,
            },
            TimeAdjusted e => state with { AddedTime = state.AddedTime + e.Delta },
            CueAdvanced e => state with { CueIndex = e.CueIndex },
            CueStarted e => state with { CueId = e.CueId, CueStartedAt = e.At, CuePausedBase = SegmentClock.PausedSoFar(state, e.At), CueIndex = e.CueIndex },
            CueEnded e => state with
            {
                CueRuns = state.CueRuns.Add(new CueRun(e.SegmentId, e.CueId, state.CueStartedAt, e.At, e.Reason)),
                CueId = null,
                CueStartedAt = null,
            },
            CueSkipped e => state with { CueRuns = state.CueRuns.Add(new CueRun(e.SegmentId, e.CueId, null, e.At, CueEndReason.Skipped)) },
            QueueHeld => state with { QueueHeld = true },
            QueueReleased => state with { QueueHeld = false },
            MessageSent => state,
            ShowEnded e => ClearSegment(state) with { Status = ShowStatus.Ended, EndedAt = e.At },
            ShowReset e => ShowState.Initial with
            {
                Rehearsals = state.Rehearsals.Add(new ShowRehearsal(state.StartedAt, e.At, CloseOpenRun(state.Runs, e.At))),
            },
            _ => throw new ArgumentOutOfRangeException(nameof(@event), @event.GetType().Name, "Unknown show event."),
        };
        return next with { Revision = state.Revision + 1, LastEventAt = @event.At };
    }

    private static ShowState StartSegment(ShowState state, SegmentStarted e) =>
        ClearSegment(state) with
        {
            CurrentSegmentId = e.SegmentId,
            SegmentStartedAt = e.At,
            Runs = state.Runs.Add(new SegmentRun(e.SegmentId, e.At, null, null, TimeSpan.Zero, TimeSpan.Zero)),
            SkippedSegmentIds = state.SkippedSegmentIds.Remove(e.SegmentId),
        };

    private static ShowState EndSegment(ShowState state, SegmentEnded e)
    {
        var index = state.Runs.FindLastIndex(r => r.SegmentId == e.SegmentId && r.EndedAt is null);
        var runs = index < 0
            ? state.Runs
            : state.Runs.SetItem(index, state.Runs[index] with
            {
                EndedAt = e.At,
                EndReason = e.Reason,
                AddedTime = state.AddedTime,
                PausedTotal = SegmentClock.PausedSoFar(state, e.At),
            });

        // A segment ended during a pause (the show ended while paused) leaves no pause behind.
        var status = state.Status == ShowStatus.Paused ? ShowStatus.Running : state.Status;
        var cueRuns = state.CueId is { } cue
            ? state.CueRuns.Add(new CueRun(e.SegmentId, cue, state.CueStartedAt, e.At, CueEndReason.SegmentEnded))
            : state.CueRuns;
        return ClearSegment(state) with { Runs = runs, Status = status, CueRuns = cueRuns };
    }

    /// <summary>A run still open at a reset ends there (a log written without its SegmentEnded stays readable).</summary>
    private static IReadOnlyList<SegmentRun> CloseOpenRun(ImmutableList<SegmentRun> runs, DateTimeOffset at) =>
        [.. runs.Select(r => r.EndedAt is null ? r with { EndedAt = at, EndReason = SegmentEndReason.ShowReset } : r)];

    private static ShowState ClearSegment(ShowState state) =>
        state with
        {
            CurrentSegmentId = null,
            SegmentStartedAt = null,
            PausedAt = null,
            PausedTotal = TimeSpan.Zero,
            AddedTime = TimeSpan.Zero,
            CueIndex = 0,
            CueId = null,
            CueStartedAt = null,
            CuePausedBase = TimeSpan.Zero,
            QueueHeld = false,
        };
}
