namespace Conference.Server.Cluster;

/// <summary>How this node finds the others. Without <see cref="Redis"/> the server runs as the only node of its database.</summary>
public sealed class ClusterOptions
{
    public const string Section = "Cluster";

    /// <summary>
    /// This node's name, unique among the nodes of one database and stable across its restarts (it qualifies the hub
    /// stays the node records in attendance). Empty: the machine's host name.
    /// </summary>
    public string NodeId { get; set; } = "";

    /// <summary>StackExchange.Redis configuration of the SignalR backplane. Set it to run several nodes (PostgreSQL only).</summary>
    public string Redis { get; set; } = "";

    /// <summary>How often a node looks for live conferences whose lease nobody holds, and checks that its own leases still stand.</summary>
    public TimeSpan LeaseCheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often a lease holder closes the hub attendance stays left open by a node that is gone.</summary>
    public TimeSpan StaySweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsCluster => !string.IsNullOrWhiteSpace(Redis);

    public string ResolvedNodeId => string.IsNullOrWhiteSpace(NodeId) ? Environment.MachineName : NodeId.Trim();
}
