using Conference.Domain.Participants;

namespace Conference.Domain.Reports;

public sealed record CountryAttendance(string Country, int Participants);

public sealed record RoleAttendance(string Role, int Participants);

/// <summary>People (not connections) who arrived and left in one minute, and how many were present at its end.</summary>
public sealed record MinuteAttendance(DateTimeOffset Minute, int Arrivals, int Departures, int PresentAtEnd);

public sealed record StayBucket(string Label, int FromMinutes, int? ToMinutes, int Participants);

/// <summary>How long people stayed: each person's time present (overlapping connections counted once).</summary>
public sealed record StaySummary(int AverageSeconds, int MedianSeconds, int ShortestSeconds, int LongestSeconds, IReadOnlyList<StayBucket> Buckets);

/// <summary>
/// Attendance counted as people: one person with two tabs, or with a hub connection and a call, is
/// one person, who arrives when their first connection opens and leaves when their last one closes.
/// A stay still open counts until the report's instant.
/// </summary>
public sealed record AttendanceSection(
    int UniqueParticipants,
    int Countries,
    int Stays,
    int PeakConcurrent,
    DateTimeOffset? PeakAt,
    IReadOnlyList<CountryAttendance> ByCountry,
    IReadOnlyList<RoleAttendance> ByRole,
    IReadOnlyList<MinuteAttendance> PerMinute,
    StaySummary Stayed)
{
    private static readonly (string Label, int From, int? To)[] Buckets =
        [("under 5 min", 0, 5), ("5-15 min", 5, 15), ("15-30 min", 15, 30), ("30-60 min", 30, 60), ("1-2 h", 60, 120), ("over 2 h", 120, null)];

    /// <param name="records">Every stay of the conference.</param>
    /// <param name="from">The start of the live part (after the last reset): earlier stays are cut at it, or left out.</param>
    /// <param name="now">The report's instant: open stays count until then.</param>
    public static AttendanceSection Compute(IReadOnlyList<AttendanceRecord> records, DateTimeOffset? from, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(records);
        var stays = records
            .Select(r => (r.ParticipantId, r.Country, r.Roles, Start: from is { } f && r.JoinedAt < f ? f : r.JoinedAt, End: r.LeftAt, r.Id))
            .Where(s => s.End is null || s.End > s.Start || (from is null && s.End == s.Start))
            .ToList();
        var people = stays.GroupBy(s => s.ParticipantId).ToDictionary(g => g.Key, g => g.ToList());

        var byCountry = people.Values.GroupBy(p => p[0].Country)
            .Select(g => new CountryAttendance(g.Key, g.Count()))
            .OrderByDescending(c => c.Participants).ThenBy(c => c.Country, StringComparer.Ordinal).ToList();
        var byRole = RoleNames.All
            .Select(role => new RoleAttendance(
                RoleNames.Name(role), people.Values.Count(p => p.Aggregate(ParticipantRoles.None, (all, s) => all | s.Roles).HasFlag(role))))
            .ToList();

        // Every instant at which someone's connection count changes; a person's arrival and departure are the 0→1 and 1→0 steps.
        var changes = stays.SelectMany(s => s.End is { } end
                ? new[] { (At: s.Start, s.ParticipantId, Delta: 1), (At: end, s.ParticipantId, Delta: -1) }
                : [(s.Start, s.ParticipantId, 1)])
            .GroupBy(c => c.At).OrderBy(g => g.Key).ToList();
        var open = new Dictionary<Guid, int>();
        var minutes = new SortedDictionary<DateTimeOffset, (int Arrivals, int Departures, int Present)>();
        int present = 0, peak = 0;
        DateTimeOffset? peakAt = null;
        foreach (var instant in changes)
        {
            int arrivals = 0, departures = 0;
            foreach (var person in instant.GroupBy(c => c.ParticipantId))
            {
                var before = open.GetValueOrDefault(person.Key);
                var after = before + person.Sum(c => c.Delta);
                open[person.Key] = after;
                arrivals += before == 0 && after > 0 ? 1 : 0;
                departures += before > 0 && after == 0 ? 1 : 0;
            }

            present += arrivals - departures;
            if (present > peak)
            {
                (peak, peakAt) = (present, instant.Key);
            }

            var minute = new DateTimeOffset(instant.Key.UtcTicks - (instant.Key.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
            var row = minutes.GetValueOrDefault(minute);
            minutes[minute] = (row.Arrivals + arrivals, row.Departures + departures, present);
        }

        var perMinute = new List<MinuteAttendance>();
        if (minutes.Count > 0)
        {
            var last = minutes.Last();
            var carried = 0;
            for (var minute = minutes.First().Key; minute <= last.Key; minute = minute.AddMinutes(1))
            {
                var row = minutes.TryGetValue(minute, out var found) ? found : (Arrivals: 0, Departures: 0, Present: carried);
                carried = row.Present;
                perMinute.Add(new MinuteAttendance(minute, row.Arrivals, row.Departures, row.Present));
            }
        }

        var durations = people.Values.Select(p => PresentFor(p.Select(s => (s.Start, s.End ?? now)).ToList())).Order().ToList();
        return new AttendanceSection(people.Count, byCountry.Count, stays.Count, peak, peakAt, byCountry, byRole, perMinute, Summarize(durations));
    }

    /// <summary>The union of one person's stays, so two overlapping connections are not counted twice.</summary>
    private static TimeSpan PresentFor(List<(DateTimeOffset Start, DateTimeOffset End)> stays)
    {
        var total = TimeSpan.Zero;
        DateTimeOffset? coveredUntil = null;
        foreach (var (start, end) in stays.OrderBy(s => s.Start))
        {
            var from = coveredUntil is { } covered && covered > start ? covered : start;
            if (end > from)
            {
                total += end - from;
                coveredUntil = end;
            }
        }

        return total;
    }

    private static StaySummary Summarize(List<TimeSpan> sorted)
    {
        var buckets = Buckets.Select(b => new StayBucket(
            b.Label, b.From, b.To, sorted.Count(d => d.TotalMinutes >= b.From && (b.To is not { } to || d.TotalMinutes < to)))).ToList();
        if (sorted.Count == 0)
        {
            return new StaySummary(0, 0, 0, 0, buckets);
        }

        var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        var average = TimeSpan.FromTicks((long)sorted.Average(d => d.Ticks));
        return new StaySummary(
            ProgramSection.Seconds(average), ProgramSection.Seconds(median), ProgramSection.Seconds(sorted[0]), ProgramSection.Seconds(sorted[^1]), buckets);
    }
}
