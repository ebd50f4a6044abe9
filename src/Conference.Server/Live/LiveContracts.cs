using Conference.Domain.Show;
using Conference.Server.Media;

namespace Conference.Server.Live;

/// <summary>
/// The live show as sent to clients on every change: the engine's anchors (never a running value) and
/// the planned duration of the running segment, so a client draws its own countdown. It stays small
/// because thousands receive it at once: the timelines travel in the snapshot and at GET .../show/timeline,
/// and a client recomputes them from these anchors with the same pure code (<see cref="ShowTimeline"/>).
/// <see cref="ProgramRevision"/> tells a client its program is out of date.
/// <see cref="PreviousRevision"/> lets a client notice a change it missed (one command may add
/// several events, so revisions do not grow by one). <see cref="ServerTime"/> is when the server built it.
/// <see cref="Runs"/> holds the runs from index <see cref="RunsFrom"/> on: everywhere but in <c>ShowChanged</c>
/// that is 0 (all of them); a change sends only the runs it touched (the last one closed, the next one
/// started), and the ones before are those the client holds at <see cref="PreviousRevision"/>, so the
/// message does not grow with every segment that has run.
/// </summary>
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
    public static LiveShowState From(Guid conferenceId, ShowState state, int previousRevision, ShowProgram program, DateTimeOffset now)
    {
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
}

/// <summary>What <c>JoinConference</c> returns: everything a client needs to render the show from scratch, timelines included.</summary>
public sealed record ShowSnapshot(
    Guid ConferenceId, string Title, string TimeZone, ShowProgram Program, LiveShowState Show, ShowTimelineView Timeline, DateTimeOffset ServerTime);

/// <summary>A host's message to speakers or to the other hosts, pushed to those role groups.</summary>
public sealed record HostMessage(Guid ConferenceId, MessageAudience Audience, string Text, DateTimeOffset At, int Revision);

/// <summary>One clock-sync answer: the client's own send instant echoed back, and the server's clock when it answered.</summary>
public sealed record ClockSample(long ClientSendTicks, long ServerTicks);

/// <summary>The methods the server calls on connected clients.</summary>
public interface IConferenceClient
{
    /// <summary>The show changed (sent once per change, to everyone in the conference; never as a tick).</summary>
    Task ShowChanged(LiveShowState state);

    /// <summary>A host message for the caller's role.</summary>
    Task MessageReceived(HostMessage message);

    /// <summary>To hosts: whether the call matches the show (in sync, pending, degraded with the error).</summary>
    Task MediaStatusChanged(MediaStatus status);

    /// <summary>The program was edited; clients fetch a fresh snapshot (edits are rare, the notice is tiny).</summary>
    Task ProgramChanged(ProgramChangedNotice notice);

    /// <summary>To everyone: the awards ceremony's cue called a recipient (name, country, citation, award).</summary>
    Task AwardeeCalled(AwardeeCall call);

    /// <summary>To hosts and producers: a recipient was marked; the award's tally by country.</summary>
    Task AwardTallyChanged(AwardTallyNotice notice);
}

/// <summary>A program edit was saved: its conference and new revision.</summary>
public sealed record ProgramChangedNotice(Guid ConferenceId, int ProgramRevision);
