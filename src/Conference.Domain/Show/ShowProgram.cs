using Conference.Domain.Programs;

namespace Conference.Domain.Show;

/// <summary>One segment as the engine sees it: what it needs to time, advance and project the segment.</summary>
public sealed record ShowSegment(
    Guid Id,
    SegmentKind Kind,
    string Title,
    TimeSpan PlannedDuration,
    DateTimeOffset? FixedStart,
    EndMode EndMode,
    bool AudienceMuted,
    TimeSpan? MediaDuration,
    DateTimeOffset PlannedStart,
    IReadOnlyList<SegmentCue>? Cues = null)
{
    public DateTimeOffset PlannedEnd => PlannedStart + PlannedDuration;

    /// <summary>What plays one after another inside the segment (its approved video appeals), in order.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<SegmentCue> Queue => Cues ?? [];
}

/// <summary>
/// An immutable snapshot of the program that the engine decides against. The engine is
/// handed the current snapshot on every call, so an edit made during the show takes effect
/// at the next decision; what already happened is never read from here but from the events.
/// </summary>
public sealed record ShowProgram(Guid ConferenceId, int ProgramRevision, DateTimeOffset ScheduledStart, IReadOnlyList<ShowSegment> Segments)
{
    public static ShowProgram From(ConferenceProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        var slots = program.PlannedSlots().ToDictionary(s => s.SegmentId);
        var segments = program.Segments
            .Select(s => new ShowSegment(
                s.Id,
                s.Kind,
                s.Title,
                s.PlannedDuration,
                s.FixedStart,
                s.EndMode,
                s.AudienceMuted,
                s.Media?.Duration,
                slots[s.Id].Start,
                s.Cues))
            .ToList();
        return new ShowProgram(program.Id, program.Revision, program.ScheduledStart, segments);
    }

    /// <summary>The planned end of the whole program (its scheduled start when it is empty).</summary>
    public DateTimeOffset PlannedEnd => Segments.Count == 0 ? ScheduledStart : Segments.Max(s => s.PlannedEnd);

    public ShowSegment? Find(Guid segmentId) => Segments.FirstOrDefault(s => s.Id == segmentId);

    public ShowSegment Get(Guid segmentId) => Find(segmentId) ?? throw new NotFoundException("segment", segmentId);

    public int IndexOf(Guid segmentId)
    {
        for (var i = 0; i < Segments.Count; i++)
        {
            if (Segments[i].Id == segmentId)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The first segment after <paramref name="afterSegmentId"/> (or from the top when it is null
    /// or no longer in the program) that has not run and is not skipped.
    /// </summary>
    public ShowSegment? NextPending(ShowState state, Guid? afterSegmentId)
    {
        ArgumentNullException.ThrowIfNull(state);
        var from = afterSegmentId is { } id ? IndexOf(id) + 1 : 0;
        return Segments.Skip(from).FirstOrDefault(s => !state.HasRun(s.Id) && !state.IsSkipped(s.Id));
    }
}
