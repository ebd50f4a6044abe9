using Conference.Domain;
using Conference.Domain.Show;
using Conference.Server.Cluster;
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

    /// <summary>The revision the log has reached (0 before the show starts).</summary>
    public static async Task<int> RevisionAsync(ConferenceDbContext db, Guid conferenceId, CancellationToken cancellationToken) =>
        await db.ShowEvents.Where(e => e.ConferenceId == conferenceId).MaxAsync(e => (int?)e.Revision, cancellationToken) ?? 0;

    /// <summary>
    /// Appends events after <paramref name="fromRevision"/>. If another writer (another node, or a
    /// coordinator that lost its lease) got there first, the key clash becomes a revision conflict
    /// naming the revision now stored.
    /// </summary>
    public static async Task AppendAsync(
        ConferenceDbContext db, Guid conferenceId, int fromRevision, IReadOnlyList<ShowEvent> events, int expectedRevision, string node,
        CancellationToken cancellationToken)
    {
        db.ShowEvents.AddRange(events.Select((e, i) => ShowEventRecord.From(conferenceId, fromRevision + i + 1, e)));
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            if (db.Database.IsNpgsql())
            {
                // Delivered by PostgreSQL at commit and only then: other nodes refresh exactly the changes that are durable.
                var notice = new ClusterNotice(ClusterNoticeKind.Show, conferenceId, fromRevision + events.Count, node);
                await db.Database.ExecuteSqlAsync($"SELECT pg_notify({ClusterNotice.Channel}, {notice.Payload})", cancellationToken);
            }

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

    /// <summary>
    /// Conferences whose show has started and is running: the ones recovery and the leases look at. Their last event
    /// is neither the end nor a reset (a rehearsal that ended and was reset, then started again, is on air).
    /// </summary>
    public static Task<List<Guid>> OnAirConferencesAsync(ConferenceDbContext db, CancellationToken cancellationToken) =>
        db.ShowEvents.AsNoTracking()
            .Where(e => !db.ShowEvents.Any(later => later.ConferenceId == e.ConferenceId && later.Revision > e.Revision))
            .Where(e => e.Type != ShowEventRecord.ShowEndedType && e.Type != ShowEventRecord.ShowResetType)
            .Select(e => e.ConferenceId)
            .ToListAsync(cancellationToken);
}
