using Conference.Domain.Awards;
using Conference.Domain.Show;

namespace Conference.Contracts;

/// <summary>
/// The methods a client calls on the hub at <see cref="LiveWire.HubPath"/>. The server's hub implements it, so a
/// method renamed or re-typed here fails the server's build; the .NET client calls it instead of method-name strings.
/// Every show command names the show revision it is based on (<c>expectedRevision</c>): a stale one is refused,
/// so two hosts pressing Next at once advance once. Commands return the show after the change.
/// </summary>
public interface IConferenceHub
{
    /// <summary>Joins the conference's group and the caller's role groups, and returns a fresh snapshot.</summary>
    Task<ShowSnapshot> JoinConference(Guid conferenceId);

    /// <summary>NTP-style sample: the client's send instant comes back with the server's clock (both in ticks).</summary>
    Task<ClockSample> SyncClock(long clientSendTicks);

    /// <summary>Starts the show with its first pending segment.</summary>
    Task<LiveShowState> Start(Guid conferenceId, int expectedRevision);

    /// <summary>Ends the running segment and starts the next pending one.</summary>
    Task<LiveShowState> Next(Guid conferenceId, int expectedRevision);

    /// <summary>Ends the running segment and starts <paramref name="segmentId"/>.</summary>
    Task<LiveShowState> GoTo(Guid conferenceId, int expectedRevision, Guid segmentId);

    /// <summary>Pauses the running segment's clock.</summary>
    Task<LiveShowState> Pause(Guid conferenceId, int expectedRevision);

    /// <summary>Resumes the paused segment's clock.</summary>
    Task<LiveShowState> Resume(Guid conferenceId, int expectedRevision);

    /// <summary>Adds (positive) or takes (negative) whole seconds on the running segment.</summary>
    Task<LiveShowState> AdjustTime(Guid conferenceId, int expectedRevision, int deltaSeconds);

    /// <summary>Skips a segment: a pending one is marked skipped; the running one ends and the next starts.</summary>
    Task<LiveShowState> Skip(Guid conferenceId, int expectedRevision, Guid segmentId);

    /// <summary>Ends the show.</summary>
    Task<LiveShowState> End(Guid conferenceId, int expectedRevision);

    /// <summary>Returns the show to "not started" after a rehearsal; what ran is kept, marked as a rehearsal.</summary>
    Task<LiveShowState> Reset(Guid conferenceId, int expectedRevision);

    /// <summary>Moves the running segment to its next cue (next awardee, next appeal).</summary>
    Task<LiveShowState> AdvanceCue(Guid conferenceId, int expectedRevision);

    /// <summary>Moves the running segment to cue <paramref name="cueIndex"/> (zero-based).</summary>
    Task<LiveShowState> SetCue(Guid conferenceId, int expectedRevision, int cueIndex);

    /// <summary>Sends a message to an audience's role groups; it is recorded in the show log.</summary>
    Task<LiveShowState> SendMessage(Guid conferenceId, int expectedRevision, MessageAudience audience, string text);

    /// <summary>The producer or host marks a called award recipient presented, absent or deferred; returns the award's tally.</summary>
    Task<AwardTally> MarkAwardee(Guid conferenceId, Guid awardId, Guid participantId, AwardOutcome outcome);
}
