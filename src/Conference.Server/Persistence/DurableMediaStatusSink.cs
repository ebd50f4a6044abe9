using Conference.Server.Media;
using Microsoft.EntityFrameworkCore;

namespace Conference.Server.Persistence;

/// <summary>
/// Keeps every media status change in the database (the reporter calls sinks only on a change), so
/// the post-event report can say when the call was degraded and for how long, also after a restart.
/// A status of a conference deleted meanwhile is dropped; a database failure is logged, never thrown
/// into the director, because a report entry is not worth stopping media reconciliation for.
/// </summary>
public sealed partial class DurableMediaStatusSink(IServiceScopeFactory scopes, ILogger<DurableMediaStatusSink> logger) : IMediaStatusSink
{
    public async Task PublishAsync(MediaStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(status);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ConferenceDbContext>();
            if (!await db.Conferences.AnyAsync(c => c.Id == status.ConferenceId, cancellationToken))
            {
                return;
            }

            db.MediaStatusChanges.Add(MediaStatusRecord.From(status));
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException or TimeoutException)
        {
            RecordFailed(logger, status.ConferenceId, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The media status change of conference {ConferenceId} could not be stored for the report")]
    private static partial void RecordFailed(ILogger logger, Guid conferenceId, Exception exception);
}
