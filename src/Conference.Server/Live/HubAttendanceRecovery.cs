using Conference.Domain.Participants;
using Conference.Server.Cluster;
using Conference.Server.Features.Attendance;

namespace Conference.Server.Live;

/// <summary>
/// At start-up, before requests are served: a hub connection does not outlive the server's process,
/// so a stay the hub left open was cut by a crash, with nobody left to close it; it would count its
/// participant as present for ever. Such stays are closed at the start-up instant, the first moment
/// this server can know, so the report overstates them by the downtime at most. A node alone closes every hub stay;
/// a node of a cluster closes only those it recorded itself (the lease holders close those of nodes that are gone).
/// </summary>
public sealed partial class HubAttendanceRecovery(IServiceScopeFactory scopes, ClusterMembership cluster, ILogger<HubAttendanceRecovery> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var attendance = scope.ServiceProvider.GetRequiredService<IAttendanceLog>();
        var closed = cluster.IsCluster
            ? await attendance.CloseNodeStaysAsync(cluster.NodeId, null, cancellationToken)
            : await attendance.CloseEverywhereAsync(AttendanceSource.Hub, cancellationToken);
        if (closed > 0)
        {
            Closed(logger, closed);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closed {Count} hub attendance stays left open by the previous run (it did not stop cleanly)")]
    private static partial void Closed(ILogger logger, int count);
}
