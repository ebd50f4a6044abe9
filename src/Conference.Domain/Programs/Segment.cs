namespace Conference.Domain.Programs;

/// <summary>One item of a conference program. Changed only through <see cref="ConferenceProgram"/>.</summary>
public sealed class Segment
{
    private Segment()
    {
        Title = string.Empty;
        Translations = new Dictionary<string, SegmentTranslation>();
        Cues = [];
    }

    internal Segment(Guid id, int position, ResolvedSegment values)
        : this()
    {
        Id = id;
        Position = position;
        Apply(values);
    }

    public Guid Id { get; private set; }

    /// <summary>Zero-based place in the program.</summary>
    public int Position { get; internal set; }

    public SegmentKind Kind { get; private set; }
    public string Title { get; private set; }
    public TimeSpan PlannedDuration { get; private set; }
    public DateTimeOffset? FixedStart { get; private set; }
    public StartMode StartMode => FixedStart is null ? StartMode.FollowsPrevious : StartMode.Fixed;
    public EndMode EndMode { get; private set; }
    public MediaAsset? Media { get; private set; }
    public Speaker? Speaker { get; private set; }
    public string? AwardName { get; private set; }
    public bool AudienceMuted { get; private set; }
    public string? Notes { get; private set; }

    /// <summary>The title in the conference's other languages.</summary>
    public IReadOnlyDictionary<string, SegmentTranslation> Translations { get; private set; }

    /// <summary>
    /// What plays one after another inside the segment (the approved video appeals, in order), set by the
    /// appeals queue. While it holds anything, the segment lasts as long as its cues together.
    /// </summary>
    public IReadOnlyList<SegmentCue> Cues { get; private set; }

    /// <summary>An emptied queue leaves the last planned length in place: the block still has its slot.</summary>
    internal void SetCues(IReadOnlyList<SegmentCue> cues, TimeSpan plannedDuration)
    {
        Cues = cues;
        PlannedDuration = cues.Count > 0 ? CueTotal(cues) : plannedDuration;
    }

    internal static TimeSpan CueTotal(IEnumerable<SegmentCue> cues) => cues.Aggregate(TimeSpan.Zero, (total, cue) => total + cue.Duration);

    internal void Apply(ResolvedSegment values)
    {
        Kind = values.Kind;
        Title = values.Title;

        // The organizer's estimate gives way to the real length of the approved appeals.
        PlannedDuration = Cues.Count > 0 && values.Kind == SegmentKind.VideoAppeals ? CueTotal(Cues) : values.PlannedDuration;
        FixedStart = values.FixedStart;
        EndMode = values.EndMode;
        Media = values.Media;
        Speaker = values.Speaker;
        AwardName = values.AwardName;
        AudienceMuted = values.AudienceMuted;
        Notes = values.Notes;
        Translations = values.Translations;
    }
}

/// <summary>A draft with its kind's defaults filled in and its kind's rules checked.</summary>
internal sealed record ResolvedSegment(
    SegmentKind Kind,
    string Title,
    TimeSpan PlannedDuration,
    DateTimeOffset? FixedStart,
    EndMode EndMode,
    MediaAsset? Media,
    Speaker? Speaker,
    string? AwardName,
    bool AudienceMuted,
    string? Notes,
    IReadOnlyDictionary<string, SegmentTranslation> Translations)
{
    public static ResolvedSegment From(SegmentDraft draft)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [message];

        if (string.IsNullOrWhiteSpace(draft.Title))
        {
            Fail("title", "A segment needs a title.");
        }

        if (draft.Media is not null && !SegmentDefaults.TakesMedia(draft.Kind))
        {
            Fail("media", $"A {draft.Kind} segment plays no media asset.");
        }
        else if (draft.Media is null && SegmentDefaults.RequiresMedia(draft.Kind))
        {
            Fail("media", $"A {draft.Kind} segment needs a media asset (URL and duration).");
        }

        if (draft.Kind == SegmentKind.Speech && draft.Speaker is null)
        {
            Fail("speaker", "A speech needs a speaker (name and country).");
        }
        else if (draft.Kind != SegmentKind.Speech && draft.Speaker is not null)
        {
            Fail("speaker", $"Only a speech has a speaker, not a {draft.Kind} segment.");
        }

        if (draft.Kind == SegmentKind.AwardsCeremony && string.IsNullOrWhiteSpace(draft.AwardName))
        {
            Fail("awardName", "An awards ceremony needs the name of the award.");
        }
        else if (draft.Kind != SegmentKind.AwardsCeremony && draft.AwardName is not null)
        {
            Fail("awardName", $"Only an awards ceremony has an award name, not a {draft.Kind} segment.");
        }

        var duration = draft.PlannedDuration ?? SegmentDefaults.DurationFor(draft.Kind, draft.Media);
        if (duration is null)
        {
            Fail("durationSeconds", $"A {draft.Kind} segment needs a planned duration.");
        }
        else if (duration < SegmentLimits.MinDuration || duration > SegmentLimits.MaxDuration)
        {
            Fail("durationSeconds", "A segment lasts from 1 second to 4 hours.");
        }

        if (draft.FixedStart is { } fixedStart && !SegmentLimits.IsPlannable(fixedStart))
        {
            Fail("fixedStart", $"A fixed start lies between {SegmentLimits.EarliestInstant:yyyy-MM-dd} and {SegmentLimits.LatestInstant:yyyy-MM-dd} (UTC).");
        }

        if (errors.Count > 0)
        {
            throw new ProgramRuleException(errors);
        }

        return new ResolvedSegment(
            draft.Kind,
            draft.Title.Trim(),
            duration!.Value,
            draft.FixedStart?.ToUniversalTime(),
            draft.EndMode ?? SegmentDefaults.EndModeFor(draft.Kind, draft.Media),
            draft.Media,
            draft.Speaker,
            draft.AwardName?.Trim(),
            draft.AudienceMuted ?? SegmentDefaults.MutesAudience(draft.Kind),
            string.IsNullOrWhiteSpace(draft.Notes) ? null : draft.Notes.Trim(),
            ProgramTranslations.Normalize(draft.Translations));
    }
}
