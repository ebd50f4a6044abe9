using Conference.Domain.Awards;

namespace Conference.Server.Live;

/// <summary>
/// Pushed to everyone in the conference when the cue of an awards ceremony calls a recipient, so
/// every client can show the caption. <see cref="CueIndex"/> is the recipient's place in the call-up
/// order (zero-based) of <see cref="Recipients"/>; <see cref="Revision"/> is the show revision that called them.
/// </summary>
public sealed record AwardeeCall(
    Guid ConferenceId,
    Guid SegmentId,
    Guid AwardId,
    string AwardName,
    int CueIndex,
    int Recipients,
    Guid ParticipantId,
    string Name,
    string Country,
    string? Citation,
    Uri? PhotoUrl,
    DateTimeOffset At,
    int Revision);

/// <summary>Pushed to hosts and producers after every mark: the award's live tally.</summary>
public sealed record AwardTallyNotice(Guid ConferenceId, AwardTally Tally);
