using System.Collections.Concurrent;

namespace Conference.Server.Features.Media;

/// <summary>
/// Remembers the ids of webhook events already handled, for as long as their signed token could still be
/// presented again (<see cref="Conference.LiveKit.WebhookReceiver.ReplayWindow"/>): LiveKit may deliver an
/// event twice, and anyone who captured one could send it again. After that window the token has expired and
/// the signature check refuses the replay, so the memory stays bounded by the webhook rate.
/// </summary>
public sealed class WebhookReplays(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly Lock _sweeping = new();
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    /// <summary>True the first time an id is seen within <paramref name="window"/>; false for a replay.</summary>
    public bool IsFirstDelivery(string eventId, TimeSpan window)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        var now = time.GetUtcNow();
        Sweep(now);
        var expires = now + window;
        while (true)
        {
            if (_seen.TryAdd(eventId, expires))
            {
                return true;
            }

            if (!_seen.TryGetValue(eventId, out var remembered))
            {
                continue;
            }

            if (remembered > now)
            {
                return false;
            }

            // Remembered past its window: the earlier token has expired, so this is a new delivery.
            if (_seen.TryUpdate(eventId, expires, remembered))
            {
                return true;
            }
        }
    }

    /// <summary>Forgets expired ids, at most once a minute, by whichever delivery gets there first.</summary>
    private void Sweep(DateTimeOffset now)
    {
        if (!_sweeping.TryEnter())
        {
            return;
        }

        try
        {
            if (now < _nextSweep)
            {
                return;
            }

            _nextSweep = now + TimeSpan.FromMinutes(1);
            foreach (var (id, expires) in _seen)
            {
                if (expires <= now)
                {
                    _seen.TryRemove(id, out _);
                }
            }
        }
        finally
        {
            _sweeping.Exit();
        }
    }
}
