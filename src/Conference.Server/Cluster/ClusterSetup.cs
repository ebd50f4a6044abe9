using Conference.Server.Persistence;
using StackExchange.Redis;

namespace Conference.Server.Cluster;

public static class ClusterSetup
{
    private const int NodeIdMaxLength = 64;

    /// <summary>
    /// One node, or one of several (ADR 0009). Several nodes need PostgreSQL and Redis: SignalR fans out through
    /// Redis, nodes hear of each other's commits through PostgreSQL, and each live conference's timers and media
    /// director run on the node holding its lease. What cannot work is refused here, before anything starts.
    /// Register it before the live side, so its hosted service starts (and refuses) before recovery touches data.
    /// </summary>
    public static WebApplicationBuilder AddConferenceCluster(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(ClusterOptions.Section);
        var options = section.Get<ClusterOptions>() ?? new ClusterOptions();
        var services = builder.Services;
        services.Configure<ClusterOptions>(section);
        var nodeId = options.ResolvedNodeId;
        if (nodeId.Length > NodeIdMaxLength || nodeId.Contains('/', StringComparison.Ordinal))
        {
            throw new NodeRefusedException($"Cluster:NodeId must be at most {NodeIdMaxLength} characters and contain no '/'.");
        }

        if (options.LeaseCheckInterval <= TimeSpan.Zero || options.StaySweepInterval <= TimeSpan.Zero)
        {
            throw new NodeRefusedException("Cluster:LeaseCheckInterval and Cluster:StaySweepInterval must be positive.");
        }

        services.AddSingleton(new ClusterMembership(nodeId, options.IsCluster));
        if (!options.IsCluster)
        {
            services.AddHostedService<SingleNodeGuard>();
            return builder;
        }

        if (!DatabaseSetup.IsPostgres(builder.Configuration))
        {
            throw new NodeRefusedException(
                "Cluster:Redis is set, but several nodes cannot share SQLite: set Database:Provider=PostgreSQL, or clear Cluster:Redis to run one node.");
        }

        services.AddSignalR().AddStackExchangeRedis(options.Redis, redis =>
        {
            // A Redis outage must not keep a node from starting or from coming back: it connects again by itself,
            // and clients that missed a change while Redis was away resync on the next one.
            redis.Configuration.AbortOnConnectFail = false;

            // While Redis is away a broadcast fails at once instead of queueing: a command never waits for Redis (it holds
            // its conference's gate), and a queued change would reach clients late and out of turn.
            redis.Configuration.BacklogPolicy = BacklogPolicy.FailFast;
            if (redis.Configuration.ChannelPrefix.IsNullOrEmpty)
            {
                redis.Configuration.ChannelPrefix = RedisChannel.Literal("conference");
            }
        });
        services.AddSingleton<ClusterNode>();
        services.AddHostedService(sp => sp.GetRequiredService<ClusterNode>());
        return builder;
    }
}
