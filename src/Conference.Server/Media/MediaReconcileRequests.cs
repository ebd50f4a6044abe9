using System.Threading.Channels;

namespace Conference.Server.Media;

/// <summary>
/// Asks the media loop to reconcile a conference soon. The show coordinator, program edits and media webhooks
/// write here; <see cref="MediaReconcileLoop"/> reads. It depends on nothing, so the live side can tell media of a
/// change while media reads the show from the live side, without either resolving the other at run time.
/// </summary>
public sealed class MediaReconcileRequests
{
    private readonly Channel<Guid> _requests = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });
    private readonly HashSet<Guid> _queued = [];
    private readonly Lock _gate = new();

    /// <summary>Asks for a reconcile of a conference soon. Never blocks; requests for a conference already queued coalesce.</summary>
    public void Nudge(Guid conferenceId)
    {
        lock (_gate)
        {
            if (!_queued.Add(conferenceId))
            {
                return;
            }
        }

        _requests.Writer.TryWrite(conferenceId);
    }

    /// <summary>The requested conferences, each once per request; a request made while one is being handled queues it again.</summary>
    public async IAsyncEnumerable<Guid> ReadAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var conferenceId in _requests.Reader.ReadAllAsync(cancellationToken))
        {
            lock (_gate)
            {
                _queued.Remove(conferenceId);
            }

            yield return conferenceId;
        }
    }
}
