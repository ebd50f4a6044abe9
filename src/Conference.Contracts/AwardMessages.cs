using Conference.Domain.Awards;

namespace Conference.Contracts;

/// <summary>The awards ceremony's cue called a recipient: what every client shows as the caption.</summary>
/// <param name="ConferenceId">The conference.</param>
/// <param name="SegmentId">The awards-ceremony segment.</param>
/// <param name="AwardId">The award list the recipient is on.</param>
/// <param name="AwardName">The award, such as the medal's title.</param>
/// <param name="CueIndex">The recipient's place in the call-up order (zero-based), the segment's cue.</param>
/// <param name="Recipients">How many recipients the list has.</param>
/// <param name="ParticipantId">The recipient's participant id (their media identity).</param>
/// <param name="Name">The recipient's name.</param>
/// <param name="Country">The country the award counts for (ISO 3166-1 alpha-2).</param>
/// <param name="Citation">Why they are honoured.</param>
/// <param name="PhotoUrl">Their photo, if the organizer gave one.</param>
/// <param name="At">When they were called.</param>
/// <param name="Revision">The show revision that called them.</param>
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

/// <summary>A recipient was marked: the award's live tally, sent to hosts and producers.</summary>
/// <param name="ConferenceId">The conference.</param>
/// <param name="Tally">Presented, absent, deferred and not yet marked, overall and by country.</param>
public sealed record AwardTallyNotice(Guid ConferenceId, AwardTally Tally);
