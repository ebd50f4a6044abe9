using System.Diagnostics;
using Conference.Domain.Show;

namespace Conference.Server.Tests.Live;

/// <summary>The real server process, killed mid-show and started again on the same database. Real time, bounded (~10 s).</summary>
[NonParallelizable]
public class ServerCrashTests
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(250);

    [Test]
    public async Task KilledMidSegment_ResumesSameSegmentOnTime_AndClosesAutoSegmentDueWhileDownAtItsDeadline()
    {
        await using var server = new ServerProcess();
        await server.StartAsync();
        var conference = await server.CreateProgramAsync(
            new { kind = "custom", title = "Opening", durationSeconds = 600 },
            new { kind = "custom", title = "Countdown", durationSeconds = 2, endMode = "autoAdvance" },
            new { kind = "custom", title = "Address", durationSeconds = 600 });

        // Part 1: killed during a hand-ended segment, it comes back on that segment with the same remaining time.
        var host = await server.ConnectAsync(conference.Id);
        var started = await host.StartShowAsync();
        await Task.Delay(300);
        var remainingBefore = host.Remaining!.Value;
        var sinceMeasured = Stopwatch.StartNew();
        await host.DisposeAsync();
        server.Kill();
        await server.StartAsync();

        host = await server.ConnectAsync(conference.Id);
        var resumed = host.Show!;
        var remainingAfter = host.Remaining!.Value;
        Assert.That(resumed.CurrentSegmentTitle, Is.EqualTo("Opening"), server.RecentOutput);
        Assert.That(resumed.SegmentStartedAt, Is.EqualTo(started.SegmentStartedAt));
        Assert.That(remainingAfter - (remainingBefore - sinceMeasured.Elapsed), Is.LessThan(Tolerance).And.GreaterThan(-Tolerance),
            "remaining time continues from the recorded instants");
        var recorded = started.SegmentStartedAt!.Value + TimeSpan.FromSeconds(600) - DateTimeOffset.UtcNow;
        Assert.That(remainingAfter - recorded, Is.LessThan(Tolerance).And.GreaterThan(-Tolerance));

        // Part 2: killed during a 2-second auto-advance segment and down past its deadline. A viewer
        // stays connected throughout: it must reconnect by itself and resync to the recovered show.
        await using var viewer = await server.ConnectAsync(conference.Id, new() { ReconnectDelays = [TimeSpan.FromMilliseconds(300)] });
        var countdown = await host.NextAsync();
        await host.DisposeAsync();
        server.Kill();
        var deadline = countdown.SegmentStartedAt!.Value + TimeSpan.FromSeconds(2);
        var wait = deadline - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(500);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        await server.StartAsync();
        host = await server.ConnectAsync(conference.Id);
        var after = host.Show!;
        var closed = after.Runs.Single(r => r.SegmentId == countdown.CurrentSegmentId);
        Assert.That(closed.EndReason, Is.EqualTo(SegmentEndReason.Deadline), server.RecentOutput);
        Assert.That(closed.EndedAt, Is.EqualTo(deadline), "closed at its deadline, not at restart");
        Assert.That(after.CurrentSegmentTitle, Is.EqualTo("Address"));
        Assert.That(after.SegmentStartedAt, Is.EqualTo(deadline));
        await host.DisposeAsync();

        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var reconnected = await viewer.WaitForAsync(s => s.Revision == after.Revision, patience.Token);
        Assert.That(reconnected.CurrentSegmentTitle, Is.EqualTo("Address"), "the viewer reconnected and took a fresh snapshot");
    }
}
