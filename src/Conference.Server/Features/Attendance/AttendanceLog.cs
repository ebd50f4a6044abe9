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
    /// <summary>Opens a stay for this connection; false when the participant is not in the conference (nothing recorded).</summary>
    Task<bool> RecordJoinAsync(
        Guid conferenceId, Guid participantId, string connectionId, AttendanceSource source, CancellationToken cancellationToken = default);

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
}

public sealed class AttendanceLog(ConferenceDbContext db, TimeProvider time) : IAttendanceLog
{
    public async Task<bool> RecordJoinAsync(
        Guid conferenceId, Guid participantId, string connectionId, AttendanceSource source, CancellationToken cancellationToken = default)
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
