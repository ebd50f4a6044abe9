using Microsoft.Extensions.Time.Testing;

namespace Conference.Client.Tests;

public class ClockSyncTests
{
    private static readonly DateTimeOffset LocalStart = new(2026, 12, 31, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan ServerAhead = TimeSpan.FromSeconds(7);

    [Test]
    public async Task Sync_KeepsTheSampleWithTheSmallestRoundTrip()
    {
        var local = new FakeTimeProvider(LocalStart);
        var clock = new ClockSync(local);

        // (way there, way back): the 40 ms sample is the best; the others are lopsided, and lopsided errs.
        var trips = new Queue<(int There, int Back)>([(300, 20), (20, 20), (10, 500), (150, 150)]);
        await clock.SyncAsync((_, _) => Answer(local, trips.Dequeue()), 4, CancellationToken.None);

        Assert.That(clock.RoundTrip, Is.EqualTo(TimeSpan.FromMilliseconds(40)));
        Assert.That(clock.Offset, Is.EqualTo(ServerAhead));
        Assert.That(clock.ServerNow, Is.EqualTo(local.GetUtcNow() + ServerAhead));
        Assert.That(clock.SyncedAt, Is.EqualTo(local.GetUtcNow()));
    }

    [Test]
    public async Task Sync_WithALopsidedBestSample_ErrsByAtMostHalfItsRoundTrip()
    {
        var local = new FakeTimeProvider(LocalStart);
        var clock = new ClockSync(local);

        await clock.SyncAsync((_, _) => Answer(local, (90, 10)), 1, CancellationToken.None);

        Assert.That((clock.Offset - ServerAhead).Duration(), Is.LessThanOrEqualTo(clock.RoundTrip / 2));
        Assert.That(clock.Offset, Is.Not.EqualTo(ServerAhead), "the error of one lopsided sample is real");
    }

    [Test]
    public async Task Sync_SendsTheLocalInstantAsTicks()
    {
        var local = new FakeTimeProvider(LocalStart);
        var clock = new ClockSync(local);
        long? sent = null;

        await clock.SyncAsync((ticks, _) => { sent = ticks; return Answer(local, (5, 5)); }, 1, CancellationToken.None);

        Assert.That(sent, Is.EqualTo(LocalStart.UtcTicks));
    }

    [Test]
    public async Task LocalClockJumped_OnlyWhenTheWallClockMovesAwayFromTheMonotonicClock()
    {
        var local = new JumpingTimeProvider(LocalStart);
        var clock = new ClockSync(local);
        await clock.SyncAsync((_, _) => Answer(local, (5, 5)), 1, CancellationToken.None);

        local.Advance(TimeSpan.FromMinutes(3));
        var afterTime = clock.LocalClockJumped(TimeSpan.FromMilliseconds(500));
        local.Jump = TimeSpan.FromHours(-1);
        var afterJump = clock.LocalClockJumped(TimeSpan.FromMilliseconds(500));
        var afterThat = clock.LocalClockJumped(TimeSpan.FromMilliseconds(500));

        Assert.That(afterTime, Is.False, "time passing is no jump");
        Assert.That(afterJump, Is.True);
        Assert.That(afterThat, Is.False, "a jump is reported once");
    }

    /// <summary>A server <see cref="ServerAhead"/> ahead of <paramref name="local"/>, reached and left after the given milliseconds.</summary>
    private static Task<ClockSample> Answer(FakeTimeProvider local, (int There, int Back) trip)
    {
        local.Advance(TimeSpan.FromMilliseconds(trip.There));
        var sample = new ClockSample(0, (local.GetUtcNow() + ServerAhead).UtcTicks);
        local.Advance(TimeSpan.FromMilliseconds(trip.Back));
        return Task.FromResult(sample);
    }

    /// <summary>A fake clock whose wall time can be set apart from its monotonic time, as when someone sets the clock.</summary>
    private sealed class JumpingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
    {
        public TimeSpan Jump { get; set; }

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Jump;

        /// <summary>The monotonic clock does not jump (the fake derives it from the wall clock otherwise).</summary>
        public override long GetTimestamp() => base.GetUtcNow().UtcTicks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
    }
}
