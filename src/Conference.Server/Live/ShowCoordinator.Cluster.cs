namespace Conference.Server.Live;

/// <summary>
/// The coordinator's part in a cluster (ADR 0009). Any node commits; the holder of a conference's lease alone runs
/// its timer and media director. Another node's commit drops this node's cached show, so the next read replays
/// the log; the lease holder replays at once and re-arms its timer at the new deadline.
/// </summary>
public sealed partial class ShowCoordinator
{
    /// <summary>Another node committed up to <paramref name="revision"/>: the copy here is stale unless it is already there.</summary>
    public async Task ShowCommittedElsewhereAsync(Guid conferenceId, int revision, CancellationToken cancellationToken)
    {
        if (_shows.TryGetValue(conferenceId, out var show) && show.State is { } state && state.Revision < revision)
        {
            await DropStateAsync(show, cancellationToken);
        }

        if (cluster.Holds(conferenceId))
        {
            await CheckDeadlineAsync(conferenceId, cancellationToken);
            media.Nudge(conferenceId);
        }
    }

    /// <summary>Another node saved a program edit: a changed duration moves the deadline, which only the lease holder re-arms.</summary>
    public async Task ProgramChangedElsewhereAsync(Guid conferenceId, CancellationToken cancellationToken)
    {
        if (cluster.Holds(conferenceId))
        {
            await CheckDeadlineAsync(conferenceId, cancellationToken);
            media.Nudge(conferenceId);
        }
    }

    /// <summary>
    /// This node has just taken the conference's lease, perhaps from a node that died: read the log afresh, close
    /// the segments whose deadline passed while nobody held the lease (at their deadlines), arm the timer, and
    /// bring the call to the show.
    /// </summary>
    public async Task TakeOverAsync(Guid conferenceId, CancellationToken cancellationToken)
    {
        if (_shows.TryGetValue(conferenceId, out var show))
        {
            await DropStateAsync(show, cancellationToken);
        }

        await CheckDeadlineAsync(conferenceId, cancellationToken);
        media.Nudge(conferenceId);
    }

    /// <summary>This node no longer holds the lease: its timer must not fire here.</summary>
    public void Release(Guid conferenceId)
    {
        if (_shows.TryGetValue(conferenceId, out var show))
        {
            show.Timer?.Dispose();
            show.Timer = null;
        }
    }

    /// <summary>Notices may have been missed (the cluster connection broke): every cached show is read from the log again.</summary>
    public async Task ForgetCachedShowsAsync()
    {
        foreach (var show in _shows.Values)
        {
            await DropStateAsync(show, CancellationToken.None);
        }
    }

    /// <summary>
    /// Before a decision in a cluster: another node's commit may be durable while its notice is still on the way, and a
    /// host who already saw it (through Redis) would be refused as stale. One scalar read tells; the copy is dropped if behind.
    /// </summary>
    private async Task CatchUpWithClusterAsync(ConferenceShow show, Persistence.ConferenceDbContext db, Guid conferenceId, CancellationToken cancellationToken)
    {
        if (cluster.IsCluster && show.State is { } state && await ShowEventStore.RevisionAsync(db, conferenceId, cancellationToken) != state.Revision)
        {
            show.State = null;
        }
    }

    private static async Task DropStateAsync(ConferenceShow show, CancellationToken cancellationToken)
    {
        await show.Gate.WaitAsync(cancellationToken);
        try
        {
            show.State = null;
        }
        finally
        {
            show.Gate.Release();
        }
    }
}
