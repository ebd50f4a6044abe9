using System.Collections.Concurrent;

namespace Conference.Server.Media;

/// <summary>Told of every status change (the live hub forwards it to hosts).</summary>
public interface IMediaStatusSink
{
    Task PublishAsync(MediaStatus status, CancellationToken cancellationToken);
}

/// <summary>The latest media status per conference, and which conferences need reconciling again.</summary>
public sealed class MediaStatusBoard
{
    private readonly ConcurrentDictionary<Guid, MediaStatus> _latest = new();
    private readonly ConcurrentDictionary<Guid, bool> _live = new();

    public MediaStatus? Get(Guid conferenceId) => _latest.GetValueOrDefault(conferenceId);

    /// <summary>Records a status; returns true when it differs from the previous one in state or error.</summary>
    public bool Set(MediaStatus status, bool live)
    {
        var previous = _latest.GetValueOrDefault(status.ConferenceId);
        _latest[status.ConferenceId] = status;
        if (live || status.State != MediaSyncState.InSync)
        {
            _live[status.ConferenceId] = true;
        }
        else
        {
            _live.TryRemove(status.ConferenceId, out _);
        }

        return previous is null || previous.State != status.State || previous.Error != status.Error;
    }

    /// <summary>Conferences whose show is live or whose media is not in sync: the periodic reconcile visits these.</summary>
    public IReadOnlyCollection<Guid> NeedingAttention => _live.Keys.ToList();
}
