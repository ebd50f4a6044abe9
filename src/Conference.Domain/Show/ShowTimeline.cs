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
/// duration minus the planned one: positive = over, negative = under. A segment a host went back to has
/// several <see cref="Runs"/>: <see cref="ActualStart"/>/<see cref="ActualEnd"/> are its latest run's, and its
/// variance counts the time of all of them. Planned instants are those of the plan the show is measured
/// against (moved with <see cref="ShowTimelineView.PlanShift"/>).
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
    TimeSpan? Variance,
    IReadOnlyList<SegmentRun> Runs)
{
    /// <summary>Value equality, runs included (a record compares a list by reference), so two projections can be compared.</summary>
    public bool Equals(SegmentTimeline? other) =>
        other is not null
        && SegmentId == other.SegmentId && Title == other.Title && Progress == other.Progress
        && PlannedStart == other.PlannedStart && PlannedEnd == other.PlannedEnd
        && ExpectedStart == other.ExpectedStart && ExpectedEnd == other.ExpectedEnd
        && ActualStart == other.ActualStart && ActualEnd == other.ActualEnd
        && EndReason == other.EndReason && Variance == other.Variance
        && Runs.SequenceEqual(other.Runs);

    public override int GetHashCode() => HashCode.Combine(SegmentId, Progress, ExpectedStart, ExpectedEnd, ActualStart, ActualEnd, Runs.Count);
}

/// <summary>
/// The whole show on the three timelines. Delays are positive when the show is behind plan:
/// <see cref="CurrentDelay"/> is how late it is right now (the running segment's expected end
/// against its planned end), <see cref="ProjectedDelay"/> how late it will finish.
/// <see cref="PlanShift"/> is how far the plan was moved to the show's actual start, because it started more
/// than <see cref="ShowLimits.PlanShiftThreshold"/> away from its scheduled start (zero otherwise).
/// <see cref="Rehearsals"/> are the runs before each reset, kept apart from the figures above.
/// </summary>
public sealed record ShowTimelineView(
    IReadOnlyList<SegmentTimeline> Segments,
    DateTimeOffset PlannedEnd,
    DateTimeOffset ProjectedEnd,
    DateTimeOffset? ActualEnd,
    TimeSpan CurrentDelay,
    TimeSpan ProjectedDelay,
    TimeSpan PlanShift,
    IReadOnlyList<ShowRehearsal> Rehearsals);

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
        var shift = PlanShiftOf(state, program);
        var cursor = ProjectionStart(state, program, now);
        var currentIndex = state.CurrentSegmentId is { } id ? program.IndexOf(id) : -1;
        var rows = new List<SegmentTimeline>(program.Segments.Count);
        for (var i = 0; i < program.Segments.Count; i++)
        {
            var segment = program.Segments[i];
            var row = Row(state, segment, shift, cursor, reachable: state.Status != ShowStatus.Ended && i > currentIndex);
            rows.Add(row);
            if (row.Progress == SegmentProgress.Upcoming)
            {
                cursor = row.ExpectedEnd!.Value;
            }
        }

        var projectedEnd = state.EndedAt ?? Latest(rows.Select(r => r.ExpectedEnd), cursor);
        var plannedEnd = program.PlannedEnd + shift;
        return new ShowTimelineView(
            rows,
            plannedEnd,
            projectedEnd,
            state.EndedAt,
            CurrentDelay(state, rows, projectedEnd, plannedEnd),
            projectedEnd - plannedEnd,
            shift,
            state.Rehearsals);
    }

    /// <summary>
    /// How far the plan moves to the actual start: not at all for a start within the threshold of the
    /// scheduled one (that difference is the show's delay), the whole difference beyond it.
    /// </summary>
    public static TimeSpan PlanShiftOf(ShowState state, ShowProgram program)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(program);
        return state.StartedAt is { } started && (started - program.ScheduledStart).Duration() > ShowLimits.PlanShiftThreshold
            ? started - program.ScheduledStart
            : TimeSpan.Zero;
    }

    /// <summary>Where projected segments begin: after the running segment, or at max(scheduled start, now) before the show.</summary>
    private static DateTimeOffset ProjectionStart(ShowState state, ShowProgram program, DateTimeOffset now) =>
        state.Status switch
        {
            ShowStatus.NotStarted => Latest([program.ScheduledStart], now),
            ShowStatus.Ended => state.EndedAt ?? now,
            _ => Latest([SegmentClock.Deadline(state, program, now)], now),
        };

    private static SegmentTimeline Row(ShowState state, ShowSegment segment, TimeSpan shift, DateTimeOffset cursor, bool reachable)
    {
        var runs = state.RunsOf(segment.Id);
        SegmentTimeline Make(SegmentProgress progress, DateTimeOffset? start, DateTimeOffset? end, SegmentRun? run, TimeSpan? variance) =>
            new(segment.Id, segment.Title, progress, segment.PlannedStart + shift, segment.PlannedEnd + shift,
                start, end, run?.StartedAt, run?.EndedAt, run?.EndReason, variance, runs);

        if (runs.Count > 0)
        {
            var run = runs[^1];
            var earlier = runs.Take(runs.Count - 1).Aggregate(TimeSpan.Zero, (total, r) => total + (r.Duration ?? TimeSpan.Zero));
            return run.EndedAt is { } endedAt
                ? Make(SegmentProgress.Completed, run.StartedAt, endedAt, run, earlier + (endedAt - run.StartedAt) - segment.PlannedDuration)
                : Make(SegmentProgress.Running, run.StartedAt, cursor, run, earlier + (cursor - run.StartedAt) - segment.PlannedDuration);
        }

        if (state.IsSkipped(segment.Id))
        {
            return Make(SegmentProgress.Skipped, null, null, null, -segment.PlannedDuration);
        }

        if (!reachable)
        {
            return Make(SegmentProgress.NotReached, null, null, null, null);
        }

        var start = Latest([segment.FixedStart + shift], cursor);
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
