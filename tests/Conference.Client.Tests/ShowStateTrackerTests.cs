using Conference.Domain.Show;

namespace Conference.Client.Tests;

public class ShowStateTrackerTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 31, 11, 0, 0, TimeSpan.Zero);
    private static readonly Guid Conference = Guid.NewGuid();
    private static readonly Guid[] Segments = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];

    private static SegmentRun Run(int segment, bool ended) => new(
        Segments[segment], At.AddMinutes(segment), ended ? At.AddMinutes(segment + 1) : null, ended ? SegmentEndReason.Host : null,
        TimeSpan.Zero, TimeSpan.Zero);

    private static LiveShowState State(int revision, int previous, IReadOnlyList<SegmentRun> runs, int runsFrom = 0, int program = 1) => new(
        Conference, revision, previous, ShowStatus.Running, At, null, null, null, null, null, null, TimeSpan.Zero, TimeSpan.Zero, 0, null,
        runs, runsFrom, [], program, At);

    [Test]
    public void ChangeFollowingTheHeldRevision_IsAppliedWithTheHeldRunsBeforeRunsFrom()
    {
        var held = State(3, 2, [Run(0, true), Run(1, false)]);
        var change = State(5, 3, [Run(1, true), Run(2, false)], runsFrom: 1);

        var arrival = ShowStateTracker.Decide(held, 1, change, out var merged);

        Assert.That(arrival, Is.EqualTo(Arrival.Applied));
        Assert.That(merged.Runs, Is.EqualTo(new[] { Run(0, true), Run(1, true), Run(2, false) }));
        Assert.That(merged.RunsFrom, Is.Zero);
        Assert.That(merged.Revision, Is.EqualTo(5));
    }

    [Test]
    public void ChangeFollowingAnotherRevision_IsAGap()
    {
        var held = State(3, 2, [Run(0, false)]);

        Assert.That(ShowStateTracker.Decide(held, 1, State(6, 5, [Run(0, true)]), out _), Is.EqualTo(Arrival.Gap));
    }

    [Test]
    public void ChangeNeedingRunsThatAreNotHeld_IsAGap()
    {
        var held = State(3, 2, [Run(0, false)]);

        Assert.That(ShowStateTracker.Decide(held, 1, State(5, 3, [], runsFrom: 3), out _), Is.EqualTo(Arrival.Gap));
        Assert.That(ShowStateTracker.Decide(null, null, State(5, 3, [], runsFrom: 1), out _), Is.EqualTo(Arrival.Gap));
    }

    [Test]
    public void ChangeDecidedAgainstAnotherProgram_IsAGap()
    {
        var held = State(3, 2, [Run(0, false)]);

        Assert.That(ShowStateTracker.Decide(held, 1, State(5, 3, [Run(0, false)], program: 2), out _), Is.EqualTo(Arrival.Gap));
    }

    [Test]
    public void StateNotNewerThanTheHeldOne_IsStale()
    {
        var held = State(5, 3, [Run(0, false)]);

        Assert.That(ShowStateTracker.Decide(held, 1, State(5, 3, [Run(0, false)]), out _), Is.EqualTo(Arrival.Stale));
        Assert.That(ShowStateTracker.Decide(held, 1, State(3, 2, [Run(0, false)]), out _), Is.EqualTo(Arrival.Stale));
    }

    [Test]
    public void FirstStateWithEveryRun_IsApplied()
    {
        var first = State(3, 3, [Run(0, false)]);

        Assert.That(ShowStateTracker.Decide(null, null, first, out var merged), Is.EqualTo(Arrival.Applied));
        Assert.That(merged, Is.SameAs(first));
    }
}
