namespace Conference.Domain.Awards;

/// <summary>Where one recipient stands: their latest mark (null while not marked) and whether they were ever deferred.</summary>
public sealed record RecipientStanding(
    Guid ParticipantId, int Position, string Name, string Country, string? Citation, AwardOutcome? Outcome, DateTimeOffset? MarkedAt, bool WasDeferred);

/// <summary>One country's line of the tally.</summary>
public sealed record CountryTally(string Country, int Recipients, int Presented, int Absent, int Deferred, int NotMarked);

/// <summary>
/// The live tally of an award: how many were presented, absent, deferred (and not called again) or
/// not marked yet, overall and by country. <see cref="Countries"/> counts the countries of all
/// recipients, <see cref="CountriesPresented"/> those of the ones presented on air.
/// </summary>
public sealed record AwardTally(
    Guid AwardId,
    string AwardName,
    int Recipients,
    int Countries,
    int Presented,
    int Absent,
    int Deferred,
    int NotMarked,
    int DeferredThenPresented,
    int CountriesPresented,
    IReadOnlyList<CountryTally> ByCountry,
    IReadOnlyList<RecipientStanding> Standings)
{
    /// <summary>The tally from the award list and its marks (in any order; the latest by instant, then by show revision, wins).</summary>
    public static AwardTally Compute(Award award, IEnumerable<AwardMark> marks)
    {
        ArgumentNullException.ThrowIfNull(award);
        ArgumentNullException.ThrowIfNull(marks);
        var byRecipient = marks.Where(m => m.AwardId == award.Id)
            .GroupBy(m => m.ParticipantId)
            .ToDictionary(g => g.Key, g => g.OrderBy(m => m.At).ThenBy(m => m.ShowRevision).ToList());
        var standings = award.Recipients.Select(r =>
        {
            var own = byRecipient.GetValueOrDefault(r.ParticipantId) ?? [];
            var last = own.Count > 0 ? own[^1] : null;
            return new RecipientStanding(
                r.ParticipantId, r.Position, r.Name, r.Country, r.Citation, last?.Outcome, last?.At, own.Exists(m => m.Outcome == AwardOutcome.Deferred));
        }).ToList();

        int Count(IEnumerable<RecipientStanding> rows, AwardOutcome? outcome) => rows.Count(s => s.Outcome == outcome);
        var byCountry = standings.GroupBy(s => s.Country)
            .Select(g => new CountryTally(
                g.Key, g.Count(), Count(g, AwardOutcome.Presented), Count(g, AwardOutcome.Absent), Count(g, AwardOutcome.Deferred), Count(g, null)))
            .OrderByDescending(c => c.Recipients).ThenBy(c => c.Country, StringComparer.Ordinal)
            .ToList();
        return new AwardTally(
            award.Id,
            award.Name,
            standings.Count,
            byCountry.Count,
            Count(standings, AwardOutcome.Presented),
            Count(standings, AwardOutcome.Absent),
            Count(standings, AwardOutcome.Deferred),
            Count(standings, null),
            standings.Count(s => s.WasDeferred && s.Outcome == AwardOutcome.Presented),
            byCountry.Count(c => c.Presented > 0),
            byCountry,
            standings);
    }
}
