namespace Conference.Domain.Appeals;

public enum SubmissionLinkStatus
{
    Active,
    Expired,
    Revoked,
}

/// <summary>
/// A personal link a producer gives a contributor outside the organization (an association abroad, a public
/// figure's office) to upload their own appeal without an account, until a deadline. Only the hash of its
/// token is kept. It carries one appeal: uploading again before the deadline replaces it.
/// </summary>
public sealed class SubmissionLink
{
    public const int LabelMaxLength = 200;

    private SubmissionLink()
    {
        Label = string.Empty;
        TokenHash = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid ConferenceId { get; private set; }

    /// <summary>The video-appeals segment the appeal lands in.</summary>
    public Guid SegmentId { get; private set; }

    /// <summary>Who the link is for, as the producer tells it apart.</summary>
    public string Label { get; private set; }

    public string TokenHash { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Uploads are taken until this instant, not after.</summary>
    public DateTimeOffset Deadline { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>The appeal uploaded through the link, if any (a producer may have deleted it since).</summary>
    public Guid? AppealId { get; private set; }

    public DateTimeOffset? LastSubmittedAt { get; private set; }
    public int SubmissionCount { get; private set; }

    public static SubmissionLink Create(Guid id, Guid conferenceId, Guid segmentId, string label, string tokenHash, DateTimeOffset now,
        DateTimeOffset deadline)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        ArgumentException.ThrowIfNullOrWhiteSpace(tokenHash);
        if (deadline <= now)
        {
            throw new ProgramRuleException("deadline", "The deadline of a submission link must lie in the future.");
        }

        return new SubmissionLink
        {
            Id = id,
            ConferenceId = conferenceId,
            SegmentId = segmentId,
            Label = label.Trim(),
            TokenHash = tokenHash,
            CreatedAt = now,
            Deadline = deadline.ToUniversalTime(),
        };
    }

    public SubmissionLinkStatus StatusAt(DateTimeOffset now) =>
        RevokedAt is not null ? SubmissionLinkStatus.Revoked
        : Deadline <= now ? SubmissionLinkStatus.Expired
        : SubmissionLinkStatus.Active;

    /// <summary>
    /// Records an upload through the link (the first, or one replacing the link's appeal). An upload counts from when
    /// it began (<paramref name="startedAt"/>, default now): one begun before the deadline is taken when it completes
    /// after it; a revoked link takes nothing.
    /// </summary>
    public void Submitted(Guid appealId, DateTimeOffset now, DateTimeOffset? startedAt = null)
    {
        if (StatusAt(startedAt ?? now) != SubmissionLinkStatus.Active)
        {
            throw new DomainException("This submission link can no longer be used.");
        }

        AppealId = appealId;
        LastSubmittedAt = now;
        SubmissionCount++;
    }

    /// <summary>Revoking twice keeps the first instant: it shows when the link really stopped working.</summary>
    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
