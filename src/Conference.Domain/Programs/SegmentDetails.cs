namespace Conference.Domain.Programs;

/// <summary>A media asset played during a segment (anthem recording, video, music track).</summary>
public sealed record MediaAsset(Uri Url, TimeSpan Duration);

/// <summary>One item played inside a segment (a video appeal): its id in its own table and how long it plays.</summary>
public sealed record SegmentCue(Guid Id, TimeSpan Duration);

/// <summary>Who speaks in a speech segment. <paramref name="Country"/> is ISO 3166-1 alpha-2.</summary>
public sealed record Speaker(string Name, string? Title, string Country);

/// <summary>
/// What an organizer asks for when adding or changing a segment. Null fields take the
/// defaults of the segment's kind (see <see cref="SegmentDefaults"/>).
/// </summary>
public sealed record SegmentDraft(
    SegmentKind Kind,
    string Title,
    TimeSpan? PlannedDuration = null,
    DateTimeOffset? FixedStart = null,
    EndMode? EndMode = null,
    MediaAsset? Media = null,
    Speaker? Speaker = null,
    string? AwardName = null,
    bool? AudienceMuted = null,
    string? Notes = null,
    IReadOnlyDictionary<string, SegmentTranslation>? Translations = null);
