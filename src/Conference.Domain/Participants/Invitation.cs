namespace Conference.Domain.Participants;

/// <summary>
/// A personal join link. Only the hash of its code is kept: whoever reads the database cannot
/// join as anyone. Revoking it also ends the sessions it gave out.
/// </summary>
public sealed class Invitation
{
    private Invitation(Guid id, Guid conferenceId, Guid participantId, string codeHash, DateTimeOffset createdAt, DateTimeOffset? expiresAt)
    {
        Id = id;
        ConferenceId = conferenceId;
        ParticipantId = participantId;
        CodeHash = codeHash;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
    }

    public Guid Id { get; private set; }
    public Guid ConferenceId { get; private set; }
    public Guid ParticipantId { get; private set; }
    public string CodeHash { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ExpiresAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public DateTimeOffset? LastRedeemedAt { get; private set; }
    public int RedeemedCount { get; private set; }

    public static Invitation Create(
        Guid id, Guid conferenceId, Guid participantId, string codeHash, DateTimeOffset now, DateTimeOffset? expiresAt)
    {
        if (expiresAt is { } end && end <= now)
        {
            throw new ProgramRuleException("expiresAt", "An invitation must expire in the future.");
        }

        return new Invitation(id, conferenceId, participantId, codeHash, now, expiresAt?.ToUniversalTime());
    }

    public InvitationStatus StatusAt(DateTimeOffset now) =>
        RevokedAt is not null ? InvitationStatus.Revoked
        : ExpiresAt is { } end && end <= now ? InvitationStatus.Expired
        : InvitationStatus.Active;

    /// <summary>True while the link (and the sessions it gave out) may be used.</summary>
    public bool IsUsableAt(DateTimeOffset now) => StatusAt(now) == InvitationStatus.Active;

    public void Redeem(DateTimeOffset now)
    {
        if (!IsUsableAt(now))
        {
            throw new DomainException("This invitation cannot be used.");
        }

        LastRedeemedAt = now;
        RedeemedCount++;
    }

    /// <summary>Revoking twice keeps the first instant: the audit shows when access really ended.</summary>
    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}

public enum InvitationStatus
{
    Active,
    Expired,
    Revoked,
}
