using Conference.Domain;
using Conference.Domain.Show;
using Conference.Server.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Conference.Server.Live;

/// <summary>Reads and appends a conference's show log. Appends are one transaction; the key (conference, revision) refuses a double write.</summary>
public static class ShowEventStore
{
    public static async Task<ShowState> ReplayAsync(ConferenceDbContext db, Guid conferenceId, CancellationToken cancellationToken)
    {
        var records = await db.ShowEvents.AsNoTracking()
            .Where(e => e.ConferenceId == conferenceId)
            .OrderBy(e => e.Revision)
            .ToListAsync(cancellationToken);
        return ShowState.Replay(records.Select(r => r.ToEvent()));
    }

    /// <summary>
    /// Appends events after <paramref name="fromRevision"/>. If another writer (another node, or a
    /// coordinator that lost its lease) got there first, the key clash becomes a revision conflict
    /// naming the revision now stored.
    /// </summary>
    public static async Task AppendAsync(
        ConferenceDbContext db, Guid conferenceId, int fromRevision, IReadOnlyList<ShowEvent> events, int expectedRevision, CancellationToken cancellationToken)
    {
        db.ShowEvents.AddRange(events.Select((e, i) => ShowEventRecord.From(conferenceId, fromRevision + i + 1, e)));
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var stored = await db.ShowEvents.Where(e => e.ConferenceId == conferenceId).CountAsync(CancellationToken.None);
            if (stored != fromRevision)
            {
                throw new RevisionConflictException("show", expectedRevision, stored);
            }

            throw;
        }
    }

    /// <summary>Conferences whose show has started and not ended: the ones recovery must look at.</summary>
    public static Task<List<Guid>> OnAirConferencesAsync(ConferenceDbContext db, CancellationToken cancellationToken) =>
        db.ShowEvents.AsNoTracking()
            .GroupBy(e => e.ConferenceId)
            .Where(g => !g.Any(e => e.Type == ShowEventRecord.ShowEndedType))
            .Select(g => g.Key)
            .ToListAsync(cancellationToken);
}
