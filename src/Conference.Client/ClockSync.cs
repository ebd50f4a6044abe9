namespace Conference.Client;

/// <summary>
/// NTP-style estimate of the server's clock. Each sample is (local send, server time, local
/// receive); the server is assumed to have read its clock halfway through the round trip, so the
/// sample with the smallest round trip has the smallest possible error. Round trips are measured
/// on the monotonic clock, so a local wall-clock jump during a sample does not distort it.
/// </summary>
public sealed class ClockSync(TimeProvider localClock)
{
    private readonly TimeProvider _local = localClock ?? throw new ArgumentNullException(nameof(localClock));
    private long _lastCheckTimestamp;
    private DateTimeOffset _lastCheckWall;

    /// <summary>Server clock minus local clock, from the best sample of the last sync.</summary>
    public TimeSpan Offset { get; private set; }

    /// <summary>The round trip of the sample the offset came from: the offset is within half of it.</summary>
    public TimeSpan RoundTrip { get; private set; }

    /// <summary>When the clock was last synced (local clock), or null before the first sync.</summary>
    public DateTimeOffset? SyncedAt { get; private set; }

    /// <summary>The server's clock now, as best known.</summary>
    public DateTimeOffset ServerNow => _local.GetUtcNow() + Offset;

    /// <summary>Takes <paramref name="samples"/> samples through <paramref name="ask"/> and keeps the one with the smallest round trip.</summary>
    public async Task SyncAsync(Func<long, CancellationToken, Task<ClockSample>> ask, int samples, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ask);
        (TimeSpan Offset, TimeSpan RoundTrip)? best = null;
        for (var i = 0; i < Math.Max(1, samples); i++)
        {
            var sentAt = _local.GetTimestamp();
            var sentWall = _local.GetUtcNow();
            var sample = await ask(sentWall.UtcTicks, cancellationToken).ConfigureAwait(false);
            var roundTrip = _local.GetElapsedTime(sentAt);
            var offset = new DateTimeOffset(sample.ServerTicks, TimeSpan.Zero) - (sentWall + (roundTrip / 2));
            if (best is null || roundTrip < best.Value.RoundTrip)
            {
                best = (offset, roundTrip);
            }
        }

        (Offset, RoundTrip) = best!.Value;
        SyncedAt = _local.GetUtcNow();
        MarkChecked();
    }

    /// <summary>
    /// True when the local wall clock moved differently from the monotonic clock since the last
    /// check by more than <paramref name="tolerance"/>: someone set the clock, or NTP stepped it.
    /// </summary>
    public bool LocalClockJumped(TimeSpan tolerance)
    {
        var expected = _lastCheckWall + _local.GetElapsedTime(_lastCheckTimestamp);
        var drift = _local.GetUtcNow() - expected;
        MarkChecked();
        return drift.Duration() > tolerance;
    }

    private void MarkChecked()
    {
        _lastCheckTimestamp = _local.GetTimestamp();
        _lastCheckWall = _local.GetUtcNow();
    }
}
