using Microsoft.Extensions.Options;

namespace Conference.Server.Media;

/// <summary>
/// Runs the director off the command path: a show change only nudges (<see cref="MediaReconcileRequests"/>, never
/// waiting for the provider), nudges for one conference coalesce, and a periodic pass revisits every live or
/// degraded conference so that the call converges after a provider outage. It is the only caller of
/// <see cref="MediaDirector.ReconcileAsync"/> in the server; the director itself runs one pass per conference at a time.
/// </summary>
public sealed partial class MediaReconcileLoop(
    MediaDirector director,
    MediaReconcileRequests requests,
    MediaStatusBoard board,
    Cluster.ClusterMembership cluster,
    IOptions<MediaOptions> options,
    TimeProvider clock,
    ILogger<MediaReconcileLoop> logger) : BackgroundService
{
    /// <summary>Asks for a reconcile of a conference soon. Never blocks.</summary>
    public void Nudge(Guid conferenceId) => requests.Nudge(conferenceId);

    /// <remarks>
    /// The periodic timer is created first: a pass handled before it exists could otherwise see a clock move
    /// (a test's fake clock, a suspended VM) that the timer, created after it, never ticks for.
    /// </remarks>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(RevisitPeriodicallyAsync(stoppingToken), ReconcileNudgedAsync(stoppingToken));

    private async Task ReconcileNudgedAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var conferenceId in requests.ReadAllAsync(stoppingToken))
            {
                // The one media gate of a cluster: the director steers a conference's call only on the node holding its lease.
                if (!cluster.Holds(conferenceId))
                {
                    continue;
                }

                try
                {
                    var status = await director.ReconcileAsync(conferenceId, stoppingToken);
                    Infrastructure.ServerTelemetry.MediaReconciles.Add(1, new KeyValuePair<string, object?>("outcome", status.State.ToString()));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Infrastructure.ServerTelemetry.MediaReconciles.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));
                    // The director reports provider failures itself; this is anything else (a database outage, say).
                    LoopFailed(logger, conferenceId, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RevisitPeriodicallyAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ReconcileInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                foreach (var conferenceId in board.NeedingAttention)
                {
                    Nudge(conferenceId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Media reconcile of conference {ConferenceId} could not run")]
    private static partial void LoopFailed(ILogger logger, Guid conferenceId, Exception exception);
}
