using Conference.Server.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Conference.Server.Features.Reports;

/// <summary>
/// Where the live part of a conference's records begins: after the last show reset (a rehearsal
/// ends with one), or at the very beginning when the show was never reset. Events after
/// <see cref="FromRevision"/>, marks made at a later show revision, and stays and media statuses
/// from <see cref="From"/> on are the live event; everything before was a rehearsal.
/// </summary>
public sealed record LiveWindow(int FromRevision, DateTimeOffset? From)
{
    public static readonly LiveWindow Everything = new(0, null);
}

/// <summary>The one function that picks the live part of the log: every reader of the records (tally, report) goes through it.</summary>
public static class LiveLog
{
    /// <summary>The discriminator the reset event is stored under in the show log.</summary>
    public const string ResetType = "showReset";

    public static async Task<LiveWindow> WindowAsync(ConferenceDbContext db, Guid conferenceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var reset = await db.ShowEvents.AsNoTracking()
            .Where(e => e.ConferenceId == conferenceId && e.Type == ResetType)
            .OrderByDescending(e => e.Revision)
            .Select(e => new { e.Revision, e.At })
            .FirstOrDefaultAsync(cancellationToken);
        return reset is null ? LiveWindow.Everything : new LiveWindow(reset.Revision, reset.At);
    }

    /// <summary>The live part of a conference's show log, in revision order.</summary>
    public static async Task<IReadOnlyList<ShowEventRecord>> EventsAsync(
        ConferenceDbContext db, Guid conferenceId, LiveWindow window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(window);
        return await db.ShowEvents.AsNoTracking()
            .Where(e => e.ConferenceId == conferenceId && e.Revision > window.FromRevision)
            .OrderBy(e => e.Revision)
            .ToListAsync(cancellationToken);
    }
}
