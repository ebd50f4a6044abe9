namespace Conference.Domain.Programs;

/// <summary>The rules of each segment kind: what details it takes and what it defaults to.</summary>
public static class SegmentDefaults
{
    public static readonly TimeSpan MinuteOfSilenceDuration = TimeSpan.FromSeconds(60);

    /// <summary>Anthem and silence are moments when nobody may talk over the program.</summary>
    public static bool MutesAudience(SegmentKind kind) =>
        kind is SegmentKind.Anthem or SegmentKind.MinuteOfSilence;

    public static bool TakesMedia(SegmentKind kind) =>
        kind is SegmentKind.Anthem or SegmentKind.VideoScreening or SegmentKind.MusicalPerformance or SegmentKind.Custom;

    /// <summary>A screening without a video is not a screening; an anthem or a piece may be performed live.</summary>
    public static bool RequiresMedia(SegmentKind kind) => kind is SegmentKind.VideoScreening;

    /// <summary>
    /// A segment of known length ends by itself: the minute of silence always, an anthem,
    /// video or piece when it plays a recording of known duration.
    /// </summary>
    public static EndMode EndModeFor(SegmentKind kind, MediaAsset? media) =>
        kind == SegmentKind.MinuteOfSilence || (media is not null && kind != SegmentKind.Custom)
            ? EndMode.AutoAdvance
            : EndMode.Manual;

    public static TimeSpan? DurationFor(SegmentKind kind, MediaAsset? media) =>
        media?.Duration ?? (kind == SegmentKind.MinuteOfSilence ? MinuteOfSilenceDuration : null);
}
