using Conference.Domain.Participants;
using Conference.Server.Cluster;
using Conference.Server.Media;
using Conference.Server.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.SignalR;

namespace Conference.Server.Live;

/// <summary>Tells the live side that a program changed: timers, the call and every client follow.</summary>
public sealed partial class ProgramChangeNotifier(
    ShowCoordinator coordinator,
    MediaReconcileRequests media,
    ClusterMembership cluster,
    IServiceScopeFactory scopes,
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
            if (cluster.IsCluster)
            {
                // The lease holder, perhaps another node, re-arms the timer for the new duration.
                await using var scope = scopes.CreateAsyncScope();
                var notice = new ClusterNotice(ClusterNoticeKind.Program, conferenceId, programRevision, cluster.NodeId);
                await scope.ServiceProvider.GetRequiredService<ConferenceDbContext>().Database
                    .ExecuteSqlAsync($"SELECT pg_notify({ClusterNotice.Channel}, {notice.Payload})");
            }

            await hub.Clients.Group(LiveGroups.Conference(conferenceId)).ProgramChanged(new ProgramChangedNotice(conferenceId, programRevision));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            NotifyFailed(logger, conferenceId, exception);
        }
    }

    /// <summary>
    /// Tells the consoles (hosts and producers; the organizer's connections are in both groups) that the appeal queue
    /// was edited, so another producer's console and the submission links list follow without a reload. Never fails the edit.
    /// </summary>
    public async Task AppealsEditedAsync(Guid conferenceId, int queueRevision)
    {
        try
        {
            var producers = LiveGroups.Role(conferenceId, RoleNames.Name(ParticipantRoles.Producer));
            await hub.Clients.Groups(LiveGroups.Role(conferenceId, LiveGroups.HostRole), producers)
                .AppealsEdited(new AppealsEditedNotice(conferenceId, queueRevision));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            NotifyFailed(logger, conferenceId, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telling the live side of a program change of conference {ConferenceId} failed")]
    private static partial void NotifyFailed(ILogger logger, Guid conferenceId, Exception exception);
}
