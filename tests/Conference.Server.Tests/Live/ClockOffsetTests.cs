using Conference.Client;

namespace Conference.Server.Tests.Live;

/// <summary>Clients whose clocks are minutes off still count down with the server. Real time on loopback, bounded (~5 s).</summary>
[NonParallelizable]
public class ClockOffsetTests
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(20);

    [Test]
    public async Task ClientsWithSkewedClocks_ComputeTheServersRemainingTime_Within20Ms()
    {
        await using var server = new ServerProcess();
        await server.StartAsync();
        var conference = await server.CreateProgramAsync(new { kind = "custom", title = "Keynote", durationSeconds = 900 });
        var ahead = new SkewedClock(TimeSpan.FromMinutes(7));
        var behind = new SkewedClock(TimeSpan.FromMinutes(-3));
        await using var fast = await server.ConnectAsync(conference.Id, Options(ahead));
        await using var slow = await server.ConnectAsync(conference.Id, Options(behind));
        var started = await fast.StartShowAsync();
        await slow.WaitForAsync(s => s.Revision == started.Revision, new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
        var deadline = started.SegmentStartedAt!.Value + TimeSpan.FromSeconds(900);

        AssertAgrees(fast, deadline, "7 minutes ahead");
        AssertAgrees(slow, deadline, "3 minutes behind");

        // The local clock jumps by an hour: the client notices and re-syncs by itself.
        var resynced = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        slow.ClockSynced += (_, clock) =>
        {
            if (clock.Offset < TimeSpan.FromMinutes(-30))
            {
                resynced.TrySetResult();
            }
        };
        behind.Skew += TimeSpan.FromHours(1);
        await resynced.Task.WaitAsync(TimeSpan.FromSeconds(10));

        AssertAgrees(slow, deadline, "after its clock jumped an hour");
    }

    private static ConferenceClientOptions Options(TimeProvider clock) => new()
    {
        TimeProvider = clock,
        ClockSamples = 10,
        ClockJumpCheckInterval = TimeSpan.FromMilliseconds(200),
    };

    /// <summary>
    /// Compares the client's countdown with the server's truth (same machine, same real clock) five
    /// times back to back and judges the median, so one preemption between the two reads on a busy
    /// machine is not taken for a clock error.
    /// </summary>
    private static void AssertAgrees(ConferenceLiveClient client, DateTimeOffset deadline, string which)
    {
        var differences = Enumerable.Range(0, 5).Select(_ =>
        {
            var clientRemaining = client.Remaining!.Value;
            var serverRemaining = deadline - DateTimeOffset.UtcNow;
            return (clientRemaining - serverRemaining).Duration();
        }).Order().ToList();
        Assert.That(differences[2], Is.LessThan(Tolerance),
            $"{which}: differences {string.Join(", ", differences.Select(d => d.TotalMilliseconds))} ms, offset {client.Clock.Offset}, round trip {client.Clock.RoundTrip}");
    }

    /// <summary>The system clock, set wrong by <see cref="Skew"/> (which a test may change to simulate a jump).</summary>
    private sealed class SkewedClock(TimeSpan skew) : TimeProvider
    {
        public TimeSpan Skew { get; set; } = skew;

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Skew;
    }
}
