using Conference.Domain.Show;

namespace Conference.Contracts;

/// <summary>What <c>JoinConference</c> returns: everything a client needs to render the show from scratch, timelines included.</summary>
/// <param name="ConferenceId">The conference.</param>
/// <param name="Title">The conference's title.</param>
/// <param name="TimeZone">The conference's IANA time zone, for rendering.</param>
/// <param name="Program">The program as the engine sees it (segments, durations, planned starts).</param>
/// <param name="Show">The live show now, with every run.</param>
/// <param name="Timeline">Planned, expected and actual times per segment, and the projected end, when the server answered.</param>
/// <param name="ServerTime">The server's clock when it answered.</param>
public sealed record ShowSnapshot(
    Guid ConferenceId,
    string Title,
    string TimeZone,
    ShowProgram Program,
    LiveShowState Show,
    ShowTimelineView Timeline,
    DateTimeOffset ServerTime);

/// <summary>A host's message, pushed to the role groups of its audience.</summary>
/// <param name="ConferenceId">The conference.</param>
/// <param name="Audience">Who it is for.</param>
/// <param name="Text">The message.</param>
/// <param name="At">When it was sent.</param>
/// <param name="Revision">The show revision that recorded it.</param>
public sealed record HostMessage(Guid ConferenceId, MessageAudience Audience, string Text, DateTimeOffset At, int Revision);

/// <summary>One clock-sync answer: the client's own send instant echoed back, and the server's clock when it answered.</summary>
/// <param name="ClientSendTicks">The client's send instant, echoed back unchanged.</param>
/// <param name="ServerTicks">The server's UTC clock when it answered, in 100-ns ticks since 0001-01-01T00:00:00Z.</param>
public sealed record ClockSample(long ClientSendTicks, long ServerTicks);

/// <summary>A program edit was saved: the client fetches a fresh snapshot (edits are rare, the notice is tiny).</summary>
/// <param name="ConferenceId">The conference whose program changed.</param>
/// <param name="ProgramRevision">The program's revision after the edit.</param>
public sealed record ProgramChangedNotice(Guid ConferenceId, int ProgramRevision);

/// <summary>Whether the media provider matches the show.</summary>
public enum MediaSyncState
{
    /// <summary>The provider matches the show.</summary>
    InSync,

    /// <summary>A change is being applied.</summary>
    Pending,

    /// <summary>The provider could not be brought in line; the director keeps trying.</summary>
    Degraded,
}

/// <summary>What hosts see of the media side: whether the call matches the show, and if not, why.</summary>
/// <param name="ConferenceId">The conference.</param>
/// <param name="Provider">The media provider's name (<c>Simulated</c>, <c>LiveKit</c>).</param>
/// <param name="State">In sync, pending or degraded.</param>
/// <param name="Error">The last error while degraded.</param>
/// <param name="At">When the status was recorded.</param>
public sealed record MediaStatus(Guid ConferenceId, string Provider, MediaSyncState State, string? Error, DateTimeOffset At);
