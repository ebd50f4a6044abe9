using Conference.Domain.Awards;
using Conference.Domain.Participants;
using Conference.Domain.Show;

namespace Conference.Domain.Reports;

public sealed record AwardReport(Guid AwardId, string Name, Guid SegmentId, AwardTally Tally);

/// <summary>
/// Every award of the conference. <see cref="Recipients"/> and <see cref="Countries"/> count the people
/// honoured (the organizers' "42 medals to people from 24 countries", absent ones included: the award
/// was theirs); the outcomes say how many received it on air.
/// </summary>
public sealed record AwardsSection(
    int Awards,
    int Recipients,
    int Countries,
    int Presented,
    int Absent,
    int Deferred,
    int NotMarked,
    int DeferredThenPresented,
    int CountriesPresented,
    string Summary,
    IReadOnlyList<CountryTally> ByCountry,
    IReadOnlyList<AwardReport> Items)
{
    public static AwardsSection Compute(IReadOnlyList<Award> awards, IReadOnlyList<AwardMark> marks)
    {
        ArgumentNullException.ThrowIfNull(awards);
        ArgumentNullException.ThrowIfNull(marks);
        var items = awards.OrderBy(a => a.Name, StringComparer.Ordinal).ThenBy(a => a.Id)
            .Select(a => new AwardReport(a.Id, a.Name, a.SegmentId, AwardTally.Compute(a, marks)))
            .ToList();
        var standings = items.SelectMany(i => i.Tally.Standings).ToList();
        var byCountry = items.SelectMany(i => i.Tally.ByCountry).GroupBy(c => c.Country)
            .Select(g => new CountryTally(
                g.Key, g.Sum(c => c.Recipients), g.Sum(c => c.Presented), g.Sum(c => c.Absent), g.Sum(c => c.Deferred), g.Sum(c => c.NotMarked)))
            .OrderByDescending(c => c.Recipients).ThenBy(c => c.Country, StringComparer.Ordinal)
            .ToList();
        int Count(AwardOutcome? outcome) => standings.Count(s => s.Outcome == outcome);
        var (presented, absent, deferred, notMarked) = (Count(AwardOutcome.Presented), Count(AwardOutcome.Absent), Count(AwardOutcome.Deferred), Count(null));
        var summary = standings.Count == 0
            ? "No awards were given."
            : $"{standings.Count} {(items.Count == 1 ? $"'{items[0].Name}'" : "awards")} to people from "
              + $"{byCountry.Count} {(byCountry.Count == 1 ? "country" : "countries")}: "
              + $"{presented} presented on air, {absent} absent, {deferred} deferred, {notMarked} not marked.";
        return new AwardsSection(
            items.Count, standings.Count, byCountry.Count, presented, absent, deferred, notMarked,
            standings.Count(s => s.WasDeferred && s.Outcome == AwardOutcome.Presented), byCountry.Count(c => c.Presented > 0),
            summary, byCountry, items);
    }
}

public sealed record CountryAppeals(string Country, int Played, int Skipped);

/// <summary>Who an appeal was from, as the report names it (an appeal deleted since is reported by id alone).</summary>
public sealed record AppealInfo(Guid Id, string SenderName, string Country, string Title);

/// <summary>One appeal's turn on air: <see cref="StartedAt"/> is null for one skipped before it played.</summary>
public sealed record AppealTurn(
    Guid AppealId, string? SenderName, string? Country, string? Title, Guid SegmentId,
    DateTimeOffset? StartedAt, DateTimeOffset EndedAt, CueEndReason Reason, bool Played);

/// <summary>Video appeals played and skipped, from the show's log (the queue's turns), overall, by country and one by one.</summary>
public sealed record AppealsSection(int Played, int Skipped, IReadOnlyList<CountryAppeals> ByCountry, IReadOnlyList<AppealTurn> Turns)
{
    public static AppealsSection Compute(IReadOnlyList<ShowEvent> events, IReadOnlyList<AppealInfo> appeals)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(appeals);
        var known = appeals.ToDictionary(a => a.Id);
        var turns = ShowState.Replay(events).CueRuns
            .Select(r =>
            {
                var info = known.GetValueOrDefault(r.CueId);
                return new AppealTurn(r.CueId, info?.SenderName, info?.Country, info?.Title, r.SegmentId, r.StartedAt, r.EndedAt, r.Reason, r.Played);
            })
            .ToList();
        var byCountry = turns
            .GroupBy(t => t.Country ?? "")
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CountryAppeals(g.Key, g.Count(t => t.Played), g.Count(t => !t.Played)))
            .ToList();
        return new AppealsSection(turns.Count(t => t.Played), turns.Count(t => !t.Played), byCountry, turns);
    }
}

/// <summary>One status of the call as it was recorded: degraded (the call did not match the show) or not.</summary>
public sealed record MediaStatusPoint(DateTimeOffset At, bool Degraded, string? Error);

/// <summary>A time the call was degraded; <see cref="To"/> is null while it still is (counted until the report's instant).</summary>
public sealed record MediaIncident(DateTimeOffset From, DateTimeOffset? To, int Seconds, string? Error);

public sealed record MediaSection(int Incidents, int DegradedSeconds, IReadOnlyList<MediaIncident> Items)
{
    /// <param name="statuses">Every recorded status change, in any order.</param>
    /// <param name="from">The start of the live part: an incident open then starts there.</param>
    /// <param name="now">The report's instant.</param>
    public static MediaSection Compute(IReadOnlyList<MediaStatusPoint> statuses, DateTimeOffset? from, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        var ordered = statuses.OrderBy(s => s.At).ToList();
        var items = new List<MediaIncident>();
        MediaStatusPoint? open = null;
        foreach (var status in ordered)
        {
            if (status.Degraded && open is null)
            {
                open = status;
            }
            else if (!status.Degraded && open is not null)
            {
                Add(open, status.At);
                open = null;
            }
        }

        if (open is not null)
        {
            Add(open, null);
        }

        return new MediaSection(items.Count, items.Sum(i => i.Seconds), items);

        void Add(MediaStatusPoint degraded, DateTimeOffset? to)
        {
            var start = from is { } f && degraded.At < f ? f : degraded.At;
            var end = to ?? now;
            if (from is { } live && end <= live && to is not null)
            {
                return;
            }

            items.Add(new MediaIncident(start, to, ProgramSection.Seconds(end > start ? end - start : TimeSpan.Zero), degraded.Error));
        }
    }
}

/// <summary>
/// What happened at a conference, computed only from what the service recorded: the show's log, the
/// attendance stays, the award marks and the media status changes, each from the live part only (after
/// the last reset). Nothing in it is kept by hand, so it is the same whenever and wherever it is computed.
/// </summary>
public sealed record PostEventReport(
    Guid ConferenceId,
    string Title,
    string TimeZone,
    DateTimeOffset GeneratedAt,
    DateTimeOffset? LiveFrom,
    ProgramSection Program,
    AttendanceSection Attendance,
    AwardsSection Awards,
    AppealsSection Appeals,
    MediaSection Media)
{
    public static PostEventReport Compute(PostEventRecords records, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(records);
        return new PostEventReport(
            records.Program.ConferenceId,
            records.Title,
            records.TimeZone,
            now,
            records.LiveFrom,
            ProgramSection.Compute(records.Program, records.Events, now),
            AttendanceSection.Compute(records.Stays, records.LiveFrom, now),
            AwardsSection.Compute(records.Awards, records.Marks),
            AppealsSection.Compute(records.Events, records.Appeals),
            MediaSection.Compute(records.MediaStatuses, records.LiveFrom, now));
    }
}

/// <summary>The live part of what was recorded for one conference, as the report reads it.</summary>
public sealed record PostEventRecords(
    string Title,
    string TimeZone,
    ShowProgram Program,
    DateTimeOffset? LiveFrom,
    IReadOnlyList<ShowEvent> Events,
    IReadOnlyList<AttendanceRecord> Stays,
    IReadOnlyList<Award> Awards,
    IReadOnlyList<AwardMark> Marks,
    IReadOnlyList<MediaStatusPoint> MediaStatuses,
    IReadOnlyList<AppealInfo> Appeals);
