namespace Conference.Domain.Show;

/// <summary>Where a segment stands in the live show.</summary>
public enum SegmentProgress
{
    /// <summary>Still to come: projected after the running segment.</summary>
    Upcoming,
    Running,
    Completed,

    /// <summary>Marked skipped before it ran; it takes no time.</summary>
    Skipped,

    /// <summary>Never ran and never will unless a host goes to it: jumped over, or the show ended first.</summary>
    NotReached,
}

/// <summary>
/// One segment on the three timelines. <see cref="Variance"/> is the actual (or expected)
/// duration minus the planned one: positive = over, negative = under.
/// </summary>
public sealed record SegmentTimeline(
    Guid SegmentId,
    string Title,
    SegmentProgress Progress,
    DateTimeOffset PlannedStart,
    DateTimeOffset PlannedEnd,
    DateTimeOffset? ExpectedStart,
    DateTimeOffset? ExpectedEnd,
    DateTimeOffset? ActualStart,
    DateTimeOffset? ActualEnd,
    SegmentEndReason? EndReason,
    TimeSpan? Variance);

/// <summary>
/// The whole show on the three timelines. Delays are positive when the show is behind plan:
/// <see cref="CurrentDelay"/> is how late it is right now (the running segment's expected end
/// against its planned end), <see cref="ProjectedDelay"/> how late it will finish.
/// </summary>
public sealed record ShowTimelineView(
    IReadOnlyList<SegmentTimeline> Segments,
    DateTimeOffset PlannedEnd,
    DateTimeOffset ProjectedEnd,
    DateTimeOffset? ActualEnd,
    TimeSpan CurrentDelay,
    TimeSpan ProjectedDelay);

/// <summary>
/// Projects the show from what has happened. Overruns push everything after them; a fixed-start
/// segment waits for its instant (max(fixed start, previous expected end)); skipped segments take
/// no time; the running segment is expected to end at max(its deadline, now), because a segment
/// that overran has at least lasted until now.
/// </summary>
public static class ShowTimeline
{
    public static ShowTimelineView Compute(ShowState state, ShowProgram program, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(program);
        var cursor = ProjectionStart(state, program, now);
        var currentIndex = state.CurrentSegmentId is { } id ? program.IndexOf(id) : -1;
        var rows = new List<SegmentTimeline>(program.Segments.Count);
        for (var i = 0; i < program.Segments.Count; i++)
        {
            var segment = program.Segments[i];
            var row = Row(state, segment, cursor, reachable: state.Status != ShowStatus.Ended && i > currentIndex);
            rows.Add(row);
            if (row.Progress == SegmentProgress.Upcoming)
            {
                cursor = row.ExpectedEnd!.Value;
            }
        }

        var projectedEnd = state.EndedAt ?? Latest(rows.Select(r => r.ExpectedEnd), cursor);
        return new ShowTimelineView(
            rows,
            program.PlannedEnd,
            projectedEnd,
            state.EndedAt,
            CurrentDelay(state, rows, projectedEnd, program.PlannedEnd),
            projectedEnd - program.PlannedEnd);
    }

    /// <summary>Where projected segments begin: after the running segment, or at max(scheduled start, now) before the show.</summary>
    private static DateTimeOffset ProjectionStart(ShowState state, ShowProgram program, DateTimeOffset now) =>
        state.Status switch
        {
            ShowStatus.NotStarted => Latest([program.ScheduledStart], now),
            ShowStatus.Ended => state.EndedAt ?? now,
            _ => Latest([SegmentClock.Deadline(state, program, now)], now),
        };

    private static SegmentTimeline Row(ShowState state, ShowSegment segment, DateTimeOffset cursor, bool reachable)
    {
        SegmentTimeline Make(SegmentProgress progress, DateTimeOffset? start, DateTimeOffset? end, SegmentRun? run, TimeSpan? variance) =>
            new(segment.Id, segment.Title, progress, segment.PlannedStart, segment.PlannedEnd,
                start, end, run?.StartedAt, run?.EndedAt, run?.EndReason, variance);

        if (state.RunOf(segment.Id) is { } run)
        {
            return run.EndedAt is { } endedAt
                ? Make(SegmentProgress.Completed, run.StartedAt, endedAt, run, endedAt - run.StartedAt - segment.PlannedDuration)
                : Make(SegmentProgress.Running, run.StartedAt, cursor, run, cursor - run.StartedAt - segment.PlannedDuration);
        }

        if (state.IsSkipped(segment.Id))
        {
            return Make(SegmentProgress.Skipped, null, null, null, -segment.PlannedDuration);
        }

        if (!reachable)
        {
            return Make(SegmentProgress.NotReached, null, null, null, null);
        }

        var start = Latest([segment.FixedStart], cursor);
        return Make(SegmentProgress.Upcoming, start, start + segment.PlannedDuration, null, TimeSpan.Zero);
    }

    private static TimeSpan CurrentDelay(ShowState state, List<SegmentTimeline> rows, DateTimeOffset projectedEnd, DateTimeOffset plannedEnd)
    {
        if (state.Status == ShowStatus.Ended)
        {
            return projectedEnd - plannedEnd;
        }

        if (rows.Find(r => r.Progress == SegmentProgress.Running) is { ExpectedEnd: { } expectedEnd } running)
        {
            return expectedEnd - running.PlannedEnd;
        }

        // Before the start (or while a removed segment runs) the next segment's start tells how late the show is.
        return rows.Find(r => r.Progress == SegmentProgress.Upcoming) is { ExpectedStart: { } expectedStart } next
            ? expectedStart - next.PlannedStart
            : TimeSpan.Zero;
    }

    private static DateTimeOffset Latest(IEnumerable<DateTimeOffset?> instants, DateTimeOffset floor)
    {
        var latest = floor;
        foreach (var instant in instants)
        {
            if (instant is { } value && value > latest)
            {
                latest = value;
            }
        }

        return latest;
    }
}
