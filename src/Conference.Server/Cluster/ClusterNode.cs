using System.Threading.Channels;
using Conference.Server.Features.Attendance;
using Conference.Server.Live;
using Conference.Server.Persistence;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Conference.Server.Cluster;

/// <summary>
/// This node's membership of a cluster, over one dedicated PostgreSQL connection: it holds the shared presence lock
/// and the node's own lock for the node's lifetime, listens for the other nodes' commits, and takes the lease of
/// every live conference nobody holds. A lease taken over fires the deadlines that passed while nobody held it.
/// When the connection breaks, every lease is given up at once (PostgreSQL has released them already) and taken
/// again on a new connection.
/// </summary>
public sealed partial class ClusterNode(
    IConfiguration configuration,
    IOptions<ClusterOptions> options,
    ClusterMembership membership,
    ShowCoordinator coordinator,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<ClusterNode> logger) : BackgroundService
{
    private readonly Channel<Func<Task>> _work = Channel.CreateUnbounded<Func<Task>>(new UnboundedChannelOptions { SingleReader = true });
    private NpgsqlConnection? _connection;
    private DateTimeOffset _nextSweep;

    /// <summary>Refuses to start beside a node that runs alone, or under a node name already in use.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        _connection = await ConnectAsync(cancellationToken);
        Joined(logger, membership.NodeId);
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);

        // Closing the session releases every lease at once, so another node takes over now, not when a timeout notices.
        await DisconnectAsync();
    }

    public override void Dispose()
    {
        _connection?.Dispose();
        base.Dispose();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(WatchAsync(stoppingToken), WorkAsync(stoppingToken));

    private async Task WatchAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.LeaseCheckInterval;
        var nextCheck = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (_connection is not { State: System.Data.ConnectionState.Open })
                {
                    await DisconnectAsync();
                    _connection = await ConnectAsync(stoppingToken);
                    Reconnected(logger, membership.NodeId);

                    // Notices sent while this node was not listening are lost: every cached show is read again.
                    await _work.Writer.WriteAsync(() => coordinator.ForgetCachedShowsAsync(), stoppingToken);
                }

                var wait = nextCheck - time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    // Notices arrive while the connection waits here (OnNotification).
                    await _connection.WaitAsync(wait, stoppingToken);
                    continue;
                }

                nextCheck = time.GetUtcNow() + interval;
                await CheckLeasesAsync(_connection, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                ConnectionLost(logger, exception);
                await DisconnectAsync();
                try
                {
                    await Task.Delay(interval, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Runs takeovers and refreshes one at a time, in the order they were seen, off the connection's loop.</summary>
    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var work in _work.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await work();
                }
                catch (Exception exception) when (exception is not OperationCanceledException and not OutOfMemoryException)
                {
                    WorkFailed(logger, exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task CheckLeasesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        List<Guid> onAir;
        await using (var scope = scopes.CreateAsyncScope())
        {
            onAir = await ShowEventStore.OnAirConferencesAsync(scope.ServiceProvider.GetRequiredService<ConferenceDbContext>(), cancellationToken);
        }

        foreach (var conferenceId in onAir.Where(id => !membership.Holds(id)))
        {
            if (await AdvisoryLocks.TryLockAsync(connection, AdvisoryLocks.Lease, AdvisoryLocks.ConferenceKey(conferenceId), cancellationToken))
            {
                membership.Take(conferenceId);
                LeaseTaken(logger, conferenceId, membership.NodeId);
                await _work.Writer.WriteAsync(() => TakeOverAsync(conferenceId), cancellationToken);
            }
        }

        foreach (var conferenceId in membership.Held.Except(onAir))
        {
            await AdvisoryLocks.UnlockAsync(connection, AdvisoryLocks.Lease, AdvisoryLocks.ConferenceKey(conferenceId), cancellationToken);
            membership.Give(conferenceId);
            coordinator.Release(conferenceId);
        }

        if (time.GetUtcNow() >= _nextSweep)
        {
            _nextSweep = time.GetUtcNow() + options.Value.StaySweepInterval;
            foreach (var conferenceId in membership.Held)
            {
                await _work.Writer.WriteAsync(() => CloseStaysOfGoneNodesAsync(conferenceId, CancellationToken.None), cancellationToken);
            }
        }
    }

    private async Task TakeOverAsync(Guid conferenceId)
    {
        await coordinator.TakeOverAsync(conferenceId, CancellationToken.None);
        await CloseStaysOfGoneNodesAsync(conferenceId, CancellationToken.None);
    }

    /// <summary>
    /// A hub stay is closed by the node that holds its connection; when that node is gone (its node lock is free),
    /// the holder of the conference's lease closes it, at the moment it learns of it.
    /// </summary>
    private async Task CloseStaysOfGoneNodesAsync(Guid conferenceId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var attendance = scope.ServiceProvider.GetRequiredService<IAttendanceLog>();
        var nodes = (await attendance.OpenHubNodesAsync(conferenceId, cancellationToken)).Where(n => n != membership.NodeId).ToList();
        if (nodes.Count == 0 || !membership.Holds(conferenceId))
        {
            return;
        }

        // Any session sees every lock in pg_locks: a pooled connection will do, the node's own stays with its loop.
        await using var connection = new NpgsqlConnection(configuration.GetConnectionString(DatabaseSetup.ConnectionStringName));
        await connection.OpenAsync(cancellationToken);
        foreach (var node in nodes)
        {
            if (!await AdvisoryLocks.IsHeldAsync(connection, AdvisoryLocks.Node, AdvisoryLocks.NodeKey(node), cancellationToken))
            {
                var closed = await attendance.CloseNodeStaysAsync(node, conferenceId, cancellationToken);
                StaysClosed(logger, closed, node, conferenceId);
            }
        }
    }

    private async Task<NpgsqlConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString(DatabaseSetup.ConnectionStringName))
        {
            // Its own session, outside the pool: the locks live exactly as long as it does.
            Pooling = false,
            ApplicationName = $"conference-node:{membership.NodeId}",
            KeepAlive = 5,
        };
        var connection = new NpgsqlConnection(builder.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (!await AdvisoryLocks.TryLockSharedAsync(connection, AdvisoryLocks.Presence, 0, cancellationToken))
            {
                throw new NodeRefusedException(
                    "A server node that runs alone (without Cluster:Redis) is using this database. Several nodes need Redis: " +
                    "set Cluster:Redis on every node and restart that one.");
            }

            if (!await AdvisoryLocks.TryLockAsync(connection, AdvisoryLocks.Node, AdvisoryLocks.NodeKey(membership.NodeId), cancellationToken))
            {
                throw new NodeRefusedException(
                    $"Another running node already uses the name '{membership.NodeId}' on this database. Give each node its own Cluster:NodeId.");
            }

            connection.Notification += (_, e) => OnNotification(e.Payload);
            await using (var listen = new NpgsqlCommand($"LISTEN {ClusterNotice.Channel}", connection))
            {
                await listen.ExecuteNonQueryAsync(cancellationToken);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task DisconnectAsync()
    {
        foreach (var conferenceId in membership.Held)
        {
            membership.Give(conferenceId);
            coordinator.Release(conferenceId);
            LeaseLost(logger, conferenceId, membership.NodeId);
        }

        if (_connection is { } connection)
        {
            _connection = null;
            await connection.DisposeAsync();
        }
    }

    private void OnNotification(string payload)
    {
        if (ClusterNotice.Parse(payload) is not { } notice || notice.Node == membership.NodeId)
        {
            return;
        }

        _work.Writer.TryWrite(notice.Kind == ClusterNoticeKind.Show
            ? () => coordinator.ShowCommittedElsewhereAsync(notice.ConferenceId, notice.Revision, CancellationToken.None)
            : () => coordinator.ProgramChangedElsewhereAsync(notice.ConferenceId, CancellationToken.None));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Node {Node} joined the cluster")]
    private static partial void Joined(ILogger logger, string node);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Node {Node} is connected to the cluster again; every lease was given up and is taken anew")]
    private static partial void Reconnected(ILogger logger, string node);

    [LoggerMessage(Level = LogLevel.Error, Message = "The cluster connection failed; this node gives up its leases and connects again")]
    private static partial void ConnectionLost(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Cluster work (a takeover or a refresh) failed")]
    private static partial void WorkFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Took the lease of conference {ConferenceId} on node {Node}")]
    private static partial void LeaseTaken(ILogger logger, Guid conferenceId, string node);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gave up the lease of conference {ConferenceId} on node {Node}")]
    private static partial void LeaseLost(ILogger logger, Guid conferenceId, string node);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closed {Count} hub stays of gone node {Node} in conference {ConferenceId}")]
    private static partial void StaysClosed(ILogger logger, int count, string node, Guid conferenceId);
}

/// <summary>The node cannot run beside what it found; the message says what to change. Start-up fails with it.</summary>
public sealed class NodeRefusedException(string message) : InvalidOperationException(message);
