using System.Collections.Concurrent;

namespace Conference.Server.Media;

public enum MediaSyncState
{
    /// <summary>The provider matches the show.</summary>
    InSync,

    /// <summary>A change is being applied.</summary>
    Pending,

    /// <summary>The provider could not be brought in line; the director keeps trying.</summary>
    Degraded,
}

/// <summary>
/// What hosts see of the media side: whether the provider took every change (<see cref="State"/>, and why not),
/// what the call should be now (<see cref="Expected"/>, from the show) and what the provider says it is
/// (<see cref="Actual"/>, read back after converging). Both are null when no show is on; Actual is null when
/// the provider could not be read.
/// </summary>
public sealed record MediaStatus(
    Guid ConferenceId, string Provider, MediaSyncState State, string? Error, DateTimeOffset At, MediaCallView? Expected, MediaCallView? Actual);

/// <summary>
/// The call in a host's terms. <see cref="AudienceMuted"/>: nobody may talk (anthem, silence).
/// <see cref="OnStage"/>: who has the floor, by name (the program's speaker; in <c>Actual</c>, the non-crew people
/// who may publish). <see cref="PlayingSegmentId"/>: the segment whose recording plays.
/// </summary>
public sealed record MediaCallView(bool AudienceMuted, IReadOnlyList<string> OnStage, Guid? PlayingSegmentId);

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
