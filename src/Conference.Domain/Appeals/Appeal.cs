namespace Conference.Domain.Appeals;

/// <summary>Who sent an appeal: a person (a public figure) or an organization (a diaspora association).</summary>
public enum SenderKind
{
    Person,
    Organization,
}

/// <summary>
/// Where an appeal stands in review. Played and skipped are not stored here: they are facts of the live
/// show, read from its log (the cue runs of the show state), so they are the same after a restart.
/// </summary>
public enum AppealStatus
{
    Submitted,
    Approved,
    Rejected,
}

/// <summary>The checked video of an appeal: where it is stored and what ffprobe read from it.</summary>
public sealed record AppealVideo(
    string StorageKey,
    string ThumbnailKey,
    long SizeBytes,
    TimeSpan Duration,
    string Container,
    string VideoCodec,
    int Width,
    int Height,
    string? AudioCodec);

/// <summary>What a producer or a contributor tells about an appeal.</summary>
public sealed record AppealDraft(
    SenderKind SenderKind,
    string SenderName,
    string Country,
    string Language,
    string Title,
    string? Message);

/// <summary>One congratulatory video appeal in the queue of a video-appeals segment. Changed only through <see cref="AppealQueue"/>.</summary>
public sealed class Appeal
{
    private Appeal()
    {
        SenderName = string.Empty;
        Country = string.Empty;
        Language = string.Empty;
        Title = string.Empty;
        Video = null!;
    }

    internal Appeal(Guid id, Guid segmentId, int position, AppealDraft draft, AppealVideo video, Uri? sourceUrl, Guid? submissionLinkId,
        DateTimeOffset submittedAt)
        : this()
    {
        Id = id;
        SegmentId = segmentId;
        Position = position;
        Video = video;
        SourceUrl = sourceUrl;
        SubmissionLinkId = submissionLinkId;
        SubmittedAt = submittedAt;
        Status = AppealStatus.Submitted;
        Apply(draft);
    }

    public Guid Id { get; private set; }
    public Guid ConferenceId { get; private set; }

    /// <summary>The video-appeals segment whose queue holds it.</summary>
    public Guid SegmentId { get; internal set; }

    /// <summary>Zero-based place in its segment's queue.</summary>
    public int Position { get; internal set; }

    public SenderKind SenderKind { get; private set; }
    public string SenderName { get; private set; }

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string Country { get; private set; }

    /// <summary>BCP 47 language of the appeal (what the sender speaks in it).</summary>
    public string Language { get; private set; }

    public string Title { get; private set; }
    public string? Message { get; private set; }
    public AppealVideo Video { get; private set; }

    /// <summary>The address the server fetched the video from, when it was added by URL.</summary>
    public Uri? SourceUrl { get; private set; }

    /// <summary>The personal submission link it came through, when a contributor uploaded it.</summary>
    public Guid? SubmissionLinkId { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }
    public AppealStatus Status { get; internal set; }
    public string? RejectionReason { get; internal set; }

    /// <summary>A contributor sent a new version: it waits for review again, in the same place of the queue.</summary>
    internal void Replace(AppealDraft draft, AppealVideo video, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(video);
        Apply(draft);
        Video = video;
        SubmittedAt = now;
        Status = AppealStatus.Submitted;
        RejectionReason = null;
    }

    internal void Apply(AppealDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        SenderKind = draft.SenderKind;
        SenderName = draft.SenderName.Trim();
        Country = draft.Country.Trim().ToUpperInvariant();
        Language = draft.Language.Trim();
        Title = draft.Title.Trim();
        Message = string.IsNullOrWhiteSpace(draft.Message) ? null : draft.Message.Trim();
    }
}
