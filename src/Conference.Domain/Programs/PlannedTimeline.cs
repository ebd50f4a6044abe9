namespace Conference.Domain.Programs;

/// <summary>When a segment is planned to run, in UTC.</summary>
public sealed record PlannedSlot(Guid SegmentId, int Position, DateTimeOffset Start, DateTimeOffset End);

/// <summary>The plan as the organizer wrote it: each segment follows the previous one or starts at its fixed instant.</summary>
public static class PlannedTimeline
{
    public static IReadOnlyList<PlannedSlot> Compute(DateTimeOffset scheduledStart, IEnumerable<Segment> orderedSegments)
    {
        var slots = new List<PlannedSlot>();
        var cursor = scheduledStart;
        foreach (var segment in orderedSegments)
        {
            var start = segment.FixedStart ?? cursor;
            var end = start + segment.PlannedDuration;
            slots.Add(new PlannedSlot(segment.Id, segment.Position, start, end));
            cursor = end;
        }

        return slots;
    }

    /// <summary>
    /// A fixed start may leave a gap after what comes before it but may not overlap it:
    /// an organizer who fixes the awards at 18:00 must not have planned the speeches to run past 18:00.
    /// </summary>
    internal static void EnsureNoOverlap(DateTimeOffset scheduledStart, IReadOnlyList<Segment> orderedSegments)
    {
        var cursor = scheduledStart;
        foreach (var segment in orderedSegments)
        {
            if (segment.FixedStart is { } fixedStart && fixedStart < cursor)
            {
                var what = segment.Position == 0 ? "the conference's scheduled start" : "the end of the segments before it";
                throw new ProgramRuleException(
                    "fixedStart",
                    $"Segment '{segment.Title}' is fixed to start at {fixedStart:u}, before {what} ({cursor:u}).");
            }

            cursor = (segment.FixedStart ?? cursor) + segment.PlannedDuration;
        }
    }
}
