using Conference.Domain.Show;

namespace Conference.Client;

/// <summary>
/// The live show as the server sends it: anchors (instants and totals), never running values.
/// Remaining time is computed locally from them and the synced clock (<see cref="RemainingAt"/>).
/// </summary>
/// <param name="ConferenceId">The conference this show belongs to.</param>
/// <param name="Revision">The number of events in the show's log; commands must name it.</param>
/// <param name="PreviousRevision">The revision before the change that produced this state; a client holding another revision missed a change.</param>
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
/// <param name="RunsFrom">0 (all runs) except in a pushed change, which carries only the runs it touched: the ones before
/// this index are those held at <paramref name="PreviousRevision"/>. <see cref="ConferenceLiveClient.Show"/> always holds them all.</param>
/// <param name="SkippedSegmentIds">Segments marked skipped before they ran.</param>
/// <param name="ProgramRevision">The revision of the program this state was decided against; another one than the client holds means its program is out of date.</param>
/// <param name="ServerTime">The server's clock when it sent this state.</param>
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

/// <summary>What joining returns: everything needed to render the show from scratch.</summary>
/// <param name="ConferenceId">The conference.</param>
/// <param name="Title">The conference's title.</param>
/// <param name="TimeZone">The conference's IANA time zone, for rendering.</param>
/// <param name="Program">The program as the engine sees it (segments, durations, planned starts).</param>
/// <param name="Show">The live show now.</param>
/// <param name="Timeline">Planned, expected and actual times per segment, and the projected end, when the server answered.</param>
/// <param name="ServerTime">The server's clock when it answered.</param>
public sealed record ShowSnapshot(
    Guid ConferenceId, string Title, string TimeZone, ShowProgram Program, LiveShowState Show, ShowTimelineView Timeline, DateTimeOffset ServerTime);

/// <summary>A host's message to speakers or hosts.</summary>
/// <param name="ConferenceId">The conference.</param>
/// <param name="Audience">Who it is for.</param>
/// <param name="Text">The message.</param>
/// <param name="At">When it was sent.</param>
/// <param name="Revision">The show revision that recorded it.</param>
public sealed record HostMessage(Guid ConferenceId, MessageAudience Audience, string Text, DateTimeOffset At, int Revision);

/// <summary>One clock-sync answer from the server.</summary>
/// <param name="ClientSendTicks">The client's send instant, echoed back.</param>
/// <param name="ServerTicks">The server's UTC clock (ticks) when it answered.</param>
public sealed record ClockSample(long ClientSendTicks, long ServerTicks);

/// <summary>The wire protocol of the live channel.</summary>
public enum LiveProtocol
{
    /// <summary>JSON text frames.</summary>
    Json,

    /// <summary>MessagePack binary frames (smaller, faster to parse).</summary>
    MessagePack,
}

/// <summary>The server saved an edit of the program: the client fetches a fresh snapshot.</summary>
/// <param name="ConferenceId">The conference whose program changed.</param>
/// <param name="ProgramRevision">The program's revision after the edit.</param>
public sealed record ProgramChangedNotice(Guid ConferenceId, int ProgramRevision);
