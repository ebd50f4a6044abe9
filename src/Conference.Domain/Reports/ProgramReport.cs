using Conference.Domain.Programs;
using Conference.Domain.Show;

namespace Conference.Domain.Reports;

/// <summary>One time on air of a segment. Seconds are whole seconds, rounded down.</summary>
public sealed record RunReport(
    DateTimeOffset StartedAt, DateTimeOffset? EndedAt, SegmentEndReason? EndReason, int? Seconds, int PausedSeconds, int AddedSeconds);

/// <summary>
/// One segment on the three timelines. A segment may have several runs: its actual start is the first
/// run's, its actual end the last one's, and its time on air the sum of the runs. Over/under is the
/// time on air minus the planned duration (positive: over).
/// </summary>
public sealed record SegmentReport(
    Guid SegmentId,
    int Position,
    string Title,
    SegmentKind Kind,
    SegmentProgress Progress,
    DateTimeOffset PlannedStart,
    DateTimeOffset PlannedEnd,
    int PlannedSeconds,
    DateTimeOffset? ExpectedStart,
    DateTimeOffset? ExpectedEnd,
    DateTimeOffset? ActualStart,
    DateTimeOffset? ActualEnd,
    int? ActualSeconds,
    int? OverUnderSeconds,
    IReadOnlyList<RunReport> Runs);

/// <summary>
/// The show as planned and as it ran. <see cref="OverUnderSeconds"/> is the show's actual length minus its
/// planned length; <see cref="EndDelaySeconds"/> how much later than planned it ended (or is projected to end).
/// </summary>
public sealed record ProgramSection(
    ShowStatus Status,
    DateTimeOffset PlannedStart,
    DateTimeOffset PlannedEnd,
    int PlannedSeconds,
    DateTimeOffset? ActualStart,
    DateTimeOffset? ActualEnd,
    DateTimeOffset ProjectedEnd,
    int? ActualSeconds,
    int? OverUnderSeconds,
    int EndDelaySeconds,
    IReadOnlyList<SegmentReport> Segments)
{
    public static ProgramSection Compute(ShowProgram program, IReadOnlyList<ShowEvent> events, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(events);
        var state = ShowState.Replay(events);
        var timeline = ShowTimeline.Compute(state, program, now);
        var rows = timeline.Segments.Select((row, i) =>
        {
            var segment = program.Segments[i];
            var runs = state.Runs.Where(r => r.SegmentId == segment.Id).ToList();
            var onAir = runs.Count == 0 ? (TimeSpan?)null : runs.Aggregate(TimeSpan.Zero, (sum, r) => sum + ((r.EndedAt ?? now) - r.StartedAt));
            return new SegmentReport(
                segment.Id,
                i,
                segment.Title,
                segment.Kind,
                row.Progress,
                row.PlannedStart,
                row.PlannedEnd,
                Seconds(segment.PlannedDuration),
                row.ExpectedStart,
                row.ExpectedEnd,
                runs.Count == 0 ? null : runs[0].StartedAt,
                runs.Count == 0 ? null : runs[^1].EndedAt,
                onAir is { } air ? Seconds(air) : null,
                onAir is { } over ? Seconds(over - segment.PlannedDuration) : null,
                [.. runs.Select(r => new RunReport(
                    r.StartedAt, r.EndedAt, r.EndReason, r.Duration is { } d ? Seconds(d) : null, Seconds(r.PausedTotal), Seconds(r.AddedTime)))]);
        }).ToList();

        var planned = timeline.PlannedEnd - program.ScheduledStart;
        var actual = state.StartedAt is { } started ? (state.EndedAt ?? now) - started : (TimeSpan?)null;
        return new ProgramSection(
            state.Status,
            program.ScheduledStart,
            timeline.PlannedEnd,
            Seconds(planned),
            state.StartedAt,
            state.EndedAt,
            timeline.ProjectedEnd,
            actual is { } a ? Seconds(a) : null,
            actual is { } b ? Seconds(b - planned) : null,
            Seconds(timeline.ProjectedEnd - timeline.PlannedEnd),
            rows);
    }

    /// <summary>Whole seconds toward zero, so +90.9 s is 90 and −90.9 s is −90.</summary>
    internal static int Seconds(TimeSpan span) => (int)span.TotalSeconds;
}
