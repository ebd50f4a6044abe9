namespace Conference.Domain.Awards;

/// <summary>
/// One mark the producer or host made during the ceremony. Marks are appended, never edited: the
/// latest mark of a recipient is their outcome, and the earlier ones show what happened on the way
/// (deferred, then presented). <see cref="ShowRevision"/> places the mark in the show's log.
/// </summary>
public sealed class AwardMark
{
    private AwardMark()
    {
    }

    public Guid Id { get; private set; }
    public Guid ConferenceId { get; private set; }
    public Guid AwardId { get; private set; }
    public Guid ParticipantId { get; private set; }
    public AwardOutcome Outcome { get; private set; }

    /// <summary>The show's revision when the mark was made: marks before a show reset belong to a rehearsal.</summary>
    public int ShowRevision { get; private set; }

    public DateTimeOffset At { get; private set; }

    public static AwardMark Record(Guid id, Award award, Guid participantId, AwardOutcome outcome, int showRevision, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(award);
        if (!Enum.IsDefined(outcome))
        {
            throw new ProgramRuleException("outcome", "Mark a recipient 'presented', 'absent' or 'deferred'.");
        }

        award.Get(participantId);
        return new AwardMark
        {
            Id = id,
            ConferenceId = award.ConferenceId,
            AwardId = award.Id,
            ParticipantId = participantId,
            Outcome = outcome,
            ShowRevision = showRevision,
            At = at,
        };
    }
}
