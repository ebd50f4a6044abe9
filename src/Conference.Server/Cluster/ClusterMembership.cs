using System.Collections.Concurrent;

namespace Conference.Server.Cluster;

/// <summary>
/// Which live conferences this node owns: their auto-advance timers and their media director run here and
/// nowhere else. A single node owns every conference; in a cluster a node owns those whose lease it holds
/// (<see cref="ClusterNode"/> takes and gives them up).
/// </summary>
public sealed class ClusterMembership(string nodeId, bool isCluster)
{
    private readonly ConcurrentDictionary<Guid, byte> _held = new();

    public string NodeId { get; } = nodeId;

    public bool IsCluster { get; } = isCluster;

    /// <summary>True when what must happen once for this conference (timers, media) is this node's to do.</summary>
    public bool Holds(Guid conferenceId) => !IsCluster || _held.ContainsKey(conferenceId);

    /// <summary>The conferences whose lease this node holds (empty on a single node, which needs none).</summary>
    public IReadOnlyCollection<Guid> Held => [.. _held.Keys];

    internal bool Take(Guid conferenceId) => _held.TryAdd(conferenceId, 0);

    internal bool Give(Guid conferenceId) => _held.TryRemove(conferenceId, out _);
}
