using Conference.Domain.Participants;
using Conference.Server.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Conference.Server.Features.Attendance;

/// <summary>
/// Where presence is reported: the hub on connect and disconnect, the media webhook on room
/// join and leave. Both calls are idempotent, because webhooks are delivered at least once and
/// a hub may see a disconnect for a connection whose join failed.
/// </summary>
public interface IAttendanceLog
{
    /// <summary>
    /// Opens a stay for this connection; false when the participant is not in the conference (nothing recorded).
    /// <paramref name="occurredAt"/> is when the join happened, for a report that may arrive late or twice
    /// (a webhook): a stay of the same connection that closed at or after it is not reopened.
    /// </summary>
    Task<bool> RecordJoinAsync(
        Guid conferenceId, Guid participantId, string connectionId, AttendanceSource source, CancellationToken cancellationToken = default,
        DateTimeOffset? occurredAt = null);

    /// <summary>Closes the open stay of this connection, if there is one.</summary>
    Task RecordLeaveAsync(Guid conferenceId, string connectionId, AttendanceSource source, CancellationToken cancellationToken = default);

    /// <summary>
    /// Closes every open stay of a conference from one source, e.g. when the media room finishes
    /// or the hub stops: nobody can still be connected through it. Returns how many were closed.
    /// </summary>
    Task<int> CloseAllAsync(Guid conferenceId, AttendanceSource source, CancellationToken cancellationToken = default);

    /// <summary>
    /// Closes every open stay from one source in every conference, e.g. the hub's at start-up: no hub
    /// connection outlives the process, so one still open was cut by a crash. Returns how many were closed.
    /// </summary>
    Task<int> CloseEverywhereAsync(AttendanceSource source, CancellationToken cancellationToken = default);

    /// <summary>
    /// Closes the open hub stays one server node recorded (<see cref="HubStays.ConnectionKey"/>), in one conference or,
    /// with no conference, everywhere: the node restarted, or it is gone and its connections with it.
    /// </summary>
    Task<int> CloseNodeStaysAsync(string node, Guid? conferenceId, CancellationToken cancellationToken = default);

    /// <summary>The server nodes that hold open hub stays in a conference.</summary>
    Task<IReadOnlyList<string>> OpenHubNodesAsync(Guid conferenceId, CancellationToken cancellationToken = default);
}

/// <summary>
/// A hub connection id is unique only on the node that holds the connection, and only that node sees it close: a hub
/// stay is recorded under the node's name and the connection id, so each node closes its own stays and a lease holder
/// can close those of a node that is gone.
/// </summary>
public static class HubStays
{
    public static string ConnectionKey(string node, string connectionId) => $"{node}/{connectionId}";

    public static string? NodeOf(string connectionKey) =>
        connectionKey.IndexOf('/', StringComparison.Ordinal) is > 0 and var slash ? connectionKey[..slash] : null;
}

public sealed class AttendanceLog(ConferenceDbContext db, TimeProvider time) : IAttendanceLog
{
    public async Task<bool> RecordJoinAsync(
        Guid conferenceId, Guid participantId, string connectionId, AttendanceSource source, CancellationToken cancellationToken = default,
        DateTimeOffset? occurredAt = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionId);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(connectionId.Length, AttendanceRecord.ConnectionIdMaxLength);
        var participant = await db.Participants.AsNoTracking()
            .SingleOrDefaultAsync(p => p.Id == participantId && p.ConferenceId == conferenceId, cancellationToken);
        if (participant is null)
        {
            return false;
        }

        if (await OpenStays(conferenceId, connectionId, source).AnyAsync(cancellationToken))
        {
            return true;
        }

        if (occurredAt is { } at && await db.AttendanceRecords
                .Where(r => r.ConferenceId == conferenceId && r.Source == source && r.ConnectionId == connectionId && r.LeftAt != null)
                .Select(r => r.LeftAt)
                .ToListAsync(cancellationToken) is var closed
            && closed.Exists(left => left >= at))
        {
            return true;
        }

        db.AttendanceRecords.Add(AttendanceRecord.Join(
            Guid.NewGuid(), conferenceId, participantId, connectionId, source, participant.Country, participant.Roles, time.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task RecordLeaveAsync(Guid conferenceId, string connectionId, AttendanceSource source, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        foreach (var stay in await OpenStays(conferenceId, connectionId, source).ToListAsync(cancellationToken))
        {
            stay.Leave(now);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public Task<int> CloseAllAsync(Guid conferenceId, AttendanceSource source, CancellationToken cancellationToken = default) =>
        CloseAsync(db.AttendanceRecords.Where(r => r.ConferenceId == conferenceId && r.Source == source && r.LeftAt == null), cancellationToken);

    public Task<int> CloseEverywhereAsync(AttendanceSource source, CancellationToken cancellationToken = default) =>
        CloseAsync(db.AttendanceRecords.Where(r => r.Source == source && r.LeftAt == null), cancellationToken);

    public Task<int> CloseNodeStaysAsync(string node, Guid? conferenceId, CancellationToken cancellationToken = default)
    {
        var prefix = HubStays.ConnectionKey(node, "");
        var open = db.AttendanceRecords.Where(r => r.Source == AttendanceSource.Hub && r.LeftAt == null && r.ConnectionId.StartsWith(prefix));
        return CloseAsync(conferenceId is { } id ? open.Where(r => r.ConferenceId == id) : open, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> OpenHubNodesAsync(Guid conferenceId, CancellationToken cancellationToken = default)
    {
        var keys = await db.AttendanceRecords.AsNoTracking()
            .Where(r => r.ConferenceId == conferenceId && r.Source == AttendanceSource.Hub && r.LeftAt == null)
            .Select(r => r.ConnectionId)
            .ToListAsync(cancellationToken);
        return [.. keys.Select(HubStays.NodeOf).OfType<string>().Distinct(StringComparer.Ordinal)];
    }

    private async Task<int> CloseAsync(IQueryable<AttendanceRecord> openStays, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var open = await openStays.ToListAsync(cancellationToken);
        foreach (var stay in open)
        {
            stay.Leave(now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return open.Count;
    }

    private IQueryable<AttendanceRecord> OpenStays(Guid conferenceId, string connectionId, AttendanceSource source) =>
        db.AttendanceRecords.Where(r => r.ConferenceId == conferenceId && r.Source == source && r.ConnectionId == connectionId && r.LeftAt == null);
}
