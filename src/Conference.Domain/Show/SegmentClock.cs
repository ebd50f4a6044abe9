namespace Conference.Domain.Show;

/// <summary>
/// Pure arithmetic over the running segment's anchors:
/// deadline = startedAt + planned + added + pausedTotal (+ the ongoing pause), remaining = deadline − now.
/// </summary>
public static class SegmentClock
{
    /// <summary>The running segment, or null when nothing runs or it was removed from the program.</summary>
    public static ShowSegment? CurrentSegment(ShowState state, ShowProgram program)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(program);
        return state.CurrentSegmentId is { } id ? program.Find(id) : null;
    }

    /// <summary>Pause time of the running segment up to <paramref name="now"/>, the ongoing pause included.</summary>
    public static TimeSpan PausedSoFar(ShowState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var ongoing = state.PausedAt is { } pausedAt && now > pausedAt ? now - pausedAt : TimeSpan.Zero;
        return state.PausedTotal + ongoing;
    }

    /// <summary>When the running segment is due to end, seen from <paramref name="now"/>: a pause keeps pushing it later.</summary>
    public static DateTimeOffset? Deadline(ShowState state, ShowProgram program, DateTimeOffset now)
    {
        if (CurrentSegment(state, program) is not { } segment || state.SegmentStartedAt is not { } startedAt)
        {
            return null;
        }

        if (RunOfShow.InQueueMode(state, segment))
        {
            // A queue ends when what plays ends and what waits has played: skips and held time move it.
            var rest = RunOfShow.PendingCues(state, segment).Aggregate(TimeSpan.Zero, (total, cue) => total + cue.Duration);
            var from = RunOfShow.CueDeadline(state, segment, now) ?? now;
            return from + rest + state.AddedTime;
        }

        return startedAt + segment.PlannedDuration + state.AddedTime + PausedSoFar(state, now);
    }

    /// <summary>Time left on the running segment; negative once it overruns.</summary>
    public static TimeSpan? Remaining(ShowState state, ShowProgram program, DateTimeOffset now) =>
        Deadline(state, program, now) - now;

    /// <summary>Time the running segment has been on air, pauses excluded.</summary>
    public static TimeSpan? Elapsed(ShowState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.SegmentStartedAt is { } startedAt ? now - startedAt - PausedSoFar(state, now) : null;
    }

    /// <summary>How far the running segment is past its deadline (zero while within it).</summary>
    public static TimeSpan? Overrun(ShowState state, ShowProgram program, DateTimeOffset now) =>
        Remaining(state, program, now) is { } remaining ? (remaining < TimeSpan.Zero ? -remaining : TimeSpan.Zero) : null;
}
