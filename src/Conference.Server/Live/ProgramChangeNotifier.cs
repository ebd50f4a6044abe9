using Conference.Server.Media;
using Microsoft.AspNetCore.SignalR;

namespace Conference.Server.Live;

/// <summary>Tells the live side that a program changed: timers, the call and every client follow.</summary>
public sealed partial class ProgramChangeNotifier(
    ShowCoordinator coordinator,
    MediaReconcileRequests media,
    IHubContext<ConferenceHub, IConferenceClient> hub,
    ILogger<ProgramChangeNotifier> logger)
{
    /// <summary>Never fails the edit that triggered it: the edit is saved, and clients resync on their next change anyway.</summary>
    public async Task ProgramChangedAsync(Guid conferenceId, int programRevision)
    {
        try
        {
            await coordinator.CheckDeadlineAsync(conferenceId, CancellationToken.None);
            media.Nudge(conferenceId);
            await hub.Clients.Group(LiveGroups.Conference(conferenceId)).ProgramChanged(new ProgramChangedNotice(conferenceId, programRevision));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            NotifyFailed(logger, conferenceId, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telling the live side of a program change of conference {ConferenceId} failed")]
    private static partial void NotifyFailed(ILogger logger, Guid conferenceId, Exception exception);
}
