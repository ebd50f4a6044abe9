namespace Conference.Domain.Programs;

/// <summary>What an organizer states about a conference besides its segments.</summary>
public sealed record ConferenceDetails(
    string Title,
    string? Slogan,
    DateTimeOffset ScheduledStart,
    string TimeZoneId,
    IReadOnlyList<string> Languages,
    IReadOnlyDictionary<string, ConferenceTranslation>? Translations = null);

/// <summary>
/// A conference and its ordered program. Every edit names the revision it was based on,
/// so two organizers editing at once cannot silently overwrite each other.
/// </summary>
public sealed class ConferenceProgram
{
    private readonly List<Segment> _segments = [];

    private ConferenceProgram()
    {
        Title = string.Empty;
        TimeZoneId = string.Empty;
        Languages = [];
        Translations = new Dictionary<string, ConferenceTranslation>();
    }

    public Guid Id { get; private set; }
    public string Title { get; private set; }
    public string? Slogan { get; private set; }
    public DateTimeOffset ScheduledStart { get; private set; }

    /// <summary>IANA time zone id (for example <c>Asia/Baku</c>), used only when rendering times.</summary>
    public string TimeZoneId { get; private set; }

    public List<string> Languages { get; private set; }

    /// <summary>Title and slogan in the conference's other languages; the first language's are <see cref="Title"/> and <see cref="Slogan"/>.</summary>
    public IReadOnlyDictionary<string, ConferenceTranslation> Translations { get; private set; }

    /// <summary>Starts at 1 and grows by one with every edit.</summary>
    public int Revision { get; private set; }

    /// <summary>The segments in program order.</summary>
    public IReadOnlyList<Segment> Segments => [.. _segments.OrderBy(s => s.Position)];

    public static ConferenceProgram Create(Guid id, ConferenceDetails details)
    {
        EnsurePlannable(details);
        var program = new ConferenceProgram { Id = id, Revision = 1 };
        program.SetDetails(details);
        return program;
    }

    public void UpdateDetails(int expectedRevision, ConferenceDetails details)
    {
        EnsureRevision(expectedRevision);
        EnsurePlannable(details);
        PlannedTimeline.EnsureNoOverlap(details.ScheduledStart.ToUniversalTime(), Segments);
        SetDetails(details);
        Revision++;
    }

    /// <summary>Inserts a segment at <paramref name="position"/> (zero-based), or appends it when that is null.</summary>
    public Segment AddSegment(int expectedRevision, Guid segmentId, SegmentDraft draft, int? position = null)
    {
        EnsureRevision(expectedRevision);
        if (_segments.Count >= SegmentLimits.MaxSegments)
        {
            throw new ProgramRuleException("segments", $"A program holds at most {SegmentLimits.MaxSegments} segments.");
        }

        var ordered = Segments.ToList();
        var at = position ?? ordered.Count;
        if (at < 0 || at > ordered.Count)
        {
            throw new ProgramRuleException("position", $"Position must be from 0 to {ordered.Count}.");
        }

        var segment = new Segment(segmentId, at, ResolvedSegment.From(draft));
        ordered.Insert(at, segment);
        Renumber(ordered);
        CommitOrRollBack(ordered, () => _segments.Add(segment), () => Renumber(Segments.ToList()));
        return segment;
    }

    public Segment UpdateSegment(int expectedRevision, Guid segmentId, SegmentDraft draft)
    {
        EnsureRevision(expectedRevision);
        var segment = Find(segmentId);
        var before = Snapshot(segment);
        segment.Apply(ResolvedSegment.From(draft));
        CommitOrRollBack(Segments, () => { }, () => segment.Apply(before));
        return segment;
    }

    public void RemoveSegment(int expectedRevision, Guid segmentId)
    {
        EnsureRevision(expectedRevision);
        var segment = Find(segmentId);
        _segments.Remove(segment);
        Renumber(Segments.ToList());
        Revision++;
    }

    /// <summary>Puts the segments in the given order, which must name every segment exactly once.</summary>
    public void Reorder(int expectedRevision, IReadOnlyList<Guid> segmentIds)
    {
        EnsureRevision(expectedRevision);
        var known = _segments.Select(s => s.Id).ToHashSet();
        if (segmentIds.Count != known.Count || segmentIds.Distinct().Count() != segmentIds.Count || !segmentIds.All(known.Contains))
        {
            throw new ProgramRuleException(
                "segmentIds",
                $"The new order must list each of the program's {known.Count} segments exactly once.");
        }

        var previous = Segments.ToList();
        var ordered = segmentIds.Select(Find).ToList();
        Renumber(ordered);
        CommitOrRollBack(ordered, () => { }, () => Renumber(previous));
    }

    /// <summary>
    /// The appeals queue tells a video-appeals segment what it plays. Not an organizer's edit, so it names no
    /// program revision; it bumps it, because the planned timeline and the live deadlines follow from it.
    /// </summary>
    public void SetCues(Guid segmentId, IReadOnlyList<SegmentCue> cues)
    {
        ArgumentNullException.ThrowIfNull(cues);
        var segment = Find(segmentId);
        if (segment.Kind != SegmentKind.VideoAppeals)
        {
            throw new ProgramRuleException("segmentId", $"Appeals play in a video-appeals segment, not in a {segment.Kind} segment.");
        }

        if (segment.Cues.SequenceEqual(cues))
        {
            return;
        }

        if (Segment.CueTotal(cues) > SegmentLimits.MaxDuration)
        {
            throw new ProgramRuleException("segmentId",
                $"The approved appeals of '{segment.Title}' would last more than {SegmentLimits.MaxDuration.TotalHours:0} hours.");
        }

        var before = (segment.Cues, segment.PlannedDuration);
        segment.SetCues(cues, segment.PlannedDuration);
        CommitOrRollBack(Segments, () => { }, () => segment.SetCues(before.Cues, before.PlannedDuration));
    }

    public IReadOnlyList<PlannedSlot> PlannedSlots() => PlannedTimeline.Compute(ScheduledStart, Segments);

    public Segment Find(Guid segmentId) =>
        _segments.Find(s => s.Id == segmentId) ?? throw new NotFoundException("segment", segmentId);

    private void EnsureRevision(int expectedRevision)
    {
        if (expectedRevision != Revision)
        {
            throw new RevisionConflictException("program", expectedRevision, Revision);
        }
    }

    /// <summary>Checks the whole program after a change; on a broken rule, undoes the change and rethrows.</summary>
    private void CommitOrRollBack(IReadOnlyList<Segment> ordered, Action commit, Action rollBack)
    {
        try
        {
            PlannedTimeline.EnsureNoOverlap(ScheduledStart, ordered);
        }
        catch (ProgramRuleException)
        {
            rollBack();
            throw;
        }

        commit();
        Revision++;
    }

    private void SetDetails(ConferenceDetails details)
    {
        if (string.IsNullOrWhiteSpace(details.Title))
        {
            throw new ProgramRuleException("title", "A conference needs a title.");
        }

        Title = details.Title.Trim();
        Slogan = string.IsNullOrWhiteSpace(details.Slogan) ? null : details.Slogan.Trim();
        ScheduledStart = details.ScheduledStart.ToUniversalTime();
        TimeZoneId = details.TimeZoneId;
        Languages = [.. details.Languages.Distinct(StringComparer.OrdinalIgnoreCase)];
        Translations = ProgramTranslations.Normalize(details.Translations);
    }

    private static void Renumber(List<Segment> ordered)
    {
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Position = i;
        }
    }

    private static ResolvedSegment Snapshot(Segment s) =>
        new(s.Kind, s.Title, s.PlannedDuration, s.FixedStart, s.EndMode, s.Media, s.Speaker, s.AwardName, s.AudienceMuted, s.Notes, s.Translations);

    private static void EnsurePlannable(ConferenceDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (!SegmentLimits.IsPlannable(details.ScheduledStart))
        {
            throw new ProgramRuleException(
                "scheduledStart",
                $"A conference starts between {SegmentLimits.EarliestInstant:yyyy-MM-dd} and {SegmentLimits.LatestInstant:yyyy-MM-dd} (UTC).");
        }
    }
}
