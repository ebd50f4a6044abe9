using Conference.Domain.Show;

namespace Conference.Contracts;

/// <summary>
/// The live show as sent to clients on every change: the engine's anchors (instants and totals), never a
/// running value, and the planned duration of the running segment, so a client draws its own countdown
/// from them and its synced clock (<see cref="RemainingAt"/>). It stays small because thousands receive it
/// at once: the timelines travel in the snapshot, and a client recomputes them from these anchors with the
/// same pure code (<see cref="ShowTimeline"/>).
/// </summary>
/// <param name="ConferenceId">The conference this show belongs to.</param>
/// <param name="Revision">The number of events in the show's log; commands must name it.</param>
/// <param name="PreviousRevision">The revision before the change that produced this state (one command may add
/// several events, so revisions do not grow by one); a client holding another revision missed a change.</param>
/// <param name="Status">Not started, running, paused or ended.</param>
/// <param name="StartedAt">When the show started.</param>
/// <param name="EndedAt">When the show ended.</param>
/// <param name="CurrentSegmentId">The running segment.</param>
/// <param name="CurrentSegmentTitle">The running segment's title.</param>
/// <param name="SegmentStartedAt">When the running segment started.</param>
/// <param name="SegmentPlannedDuration">The running segment's planned duration.</param>
/// <param name="PausedAt">When the ongoing pause began, if paused.</param>
/// <param name="PausedTotal">Completed pauses of the running segment.</param>
/// <param name="AddedTime">Time added to (or taken from) the running segment.</param>
/// <param name="CueIndex">The running segment's cue (zero-based).</param>
/// <param name="AutoAdvanceAt">When the running segment ends by itself, if it does.</param>
/// <param name="Runs">The segments that have run or run, with recorded instants, from index <paramref name="RunsFrom"/> on.</param>
/// <param name="RunsFrom">0 (all runs) except in a pushed <c>ShowChanged</c>, which carries only the runs the change
/// touched (the last one closed, the next one started): the ones before this index are those the client holds at
/// <paramref name="PreviousRevision"/>, so the message does not grow with every segment that has run.</param>
/// <param name="SkippedSegmentIds">Segments marked skipped before they ran.</param>
/// <param name="ProgramRevision">The revision of the program this state was decided against; another one than the
/// client holds means its program is out of date.</param>
/// <param name="ServerTime">The server's clock when it built this state.</param>
public sealed record LiveShowState(
    Guid ConferenceId,
    int Revision,
    int PreviousRevision,
    ShowStatus Status,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    Guid? CurrentSegmentId,
    string? CurrentSegmentTitle,
    DateTimeOffset? SegmentStartedAt,
    TimeSpan? SegmentPlannedDuration,
    DateTimeOffset? PausedAt,
    TimeSpan PausedTotal,
    TimeSpan AddedTime,
    int CueIndex,
    DateTimeOffset? AutoAdvanceAt,
    IReadOnlyList<SegmentRun> Runs,
    int RunsFrom,
    IReadOnlyList<Guid> SkippedSegmentIds,
    int ProgramRevision,
    DateTimeOffset ServerTime)
{
    /// <summary>The whole state (every run) of <paramref name="state"/> against <paramref name="program"/> at <paramref name="now"/>.</summary>
    public static LiveShowState From(
        Guid conferenceId, ShowState state, int previousRevision, ShowProgram program, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(program);
        var segment = SegmentClock.CurrentSegment(state, program);
        return new LiveShowState(
            conferenceId,
            state.Revision,
            previousRevision,
            state.Status,
            state.StartedAt,
            state.EndedAt,
            state.CurrentSegmentId,
            segment?.Title,
            state.SegmentStartedAt,
            segment?.PlannedDuration,
            state.PausedAt,
            state.PausedTotal,
            state.AddedTime,
            state.CueIndex,
            RunOfShow.NextDeadline(state, program),
            [.. state.Runs],
            0,
            [.. state.SkippedSegmentIds],
            program.ProgramRevision,
            now);
    }

    /// <summary>This state as broadcast after a change from <paramref name="before"/>: only the runs from the first one that differs.</summary>
    public LiveShowState ChangedSince(ShowState before)
    {
        ArgumentNullException.ThrowIfNull(before);
        var from = 0;
        while (from < before.Runs.Count && from < Runs.Count && before.Runs[from] == Runs[from])
        {
            from++;
        }

        return this with { Runs = [.. Runs.Skip(from)], RunsFrom = from };
    }

    /// <summary>The engine's state with these anchors, for computing the timelines locally with <see cref="ShowTimeline.Compute"/>.</summary>
    public ShowState ToShowState() => new()
    {
        Status = Status,
        Revision = Revision,
        StartedAt = StartedAt,
        EndedAt = EndedAt,
        CurrentSegmentId = CurrentSegmentId,
        SegmentStartedAt = SegmentStartedAt,
        PausedAt = PausedAt,
        PausedTotal = PausedTotal,
        AddedTime = AddedTime,
        CueIndex = CueIndex,
        Runs = [.. Runs],
        SkippedSegmentIds = [.. SkippedSegmentIds],
    };

    /// <summary>The running segment's deadline seen from <paramref name="serverNow"/> (an ongoing pause keeps pushing it).</summary>
    public DateTimeOffset? DeadlineAt(DateTimeOffset serverNow)
    {
        if (SegmentStartedAt is not { } startedAt || SegmentPlannedDuration is not { } planned)
        {
            return null;
        }

        var ongoingPause = PausedAt is { } pausedAt && serverNow > pausedAt ? serverNow - pausedAt : TimeSpan.Zero;
        return startedAt + planned + AddedTime + PausedTotal + ongoingPause;
    }

    /// <summary>Time left on the running segment at <paramref name="serverNow"/>; negative once it overruns.</summary>
    public TimeSpan? RemainingAt(DateTimeOffset serverNow) => DeadlineAt(serverNow) - serverNow;
}
