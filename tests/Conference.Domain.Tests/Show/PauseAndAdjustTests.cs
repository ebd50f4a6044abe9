using Conference.Domain.Show;

namespace Conference.Domain.Tests.Show;

public sealed class PauseAndAdjustTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Test]
    public void Pause_FreezesTheRemainingTime_AndResumeShiftsTheDeadlineByThePause()
    {
        var show = ShowScenario.Standard().Started();
        show.Do(r => new PauseShow(r), 30);

        Assert.That(SegmentClock.Remaining(show.State, show.Program, ShowScenario.At(30)), Is.EqualTo(60 * Second));
        Assert.That(SegmentClock.Remaining(show.State, show.Program, ShowScenario.At(100)), Is.EqualTo(60 * Second));
        Assert.That(SegmentClock.Elapsed(show.State, ShowScenario.At(100)), Is.EqualTo(30 * Second));

        show.Do(r => new ResumeShow(r), 100);

        Assert.That(show.State.PausedTotal, Is.EqualTo(70 * Second));
        Assert.That(show.State.PausedAt, Is.Null);
        Assert.That(SegmentClock.Deadline(show.State, show.Program, ShowScenario.At(100)), Is.EqualTo(ShowScenario.At(160)));
        Assert.That(SegmentClock.Remaining(show.State, show.Program, ShowScenario.At(150)), Is.EqualTo(10 * Second));
    }

    [Test]
    public void Pause_Twice_AddsUpBothPauses()
    {
        var show = ShowScenario.Standard().Started();
        show.Do(r => new PauseShow(r), 10);
        show.Do(r => new ResumeShow(r), 15);
        show.Do(r => new PauseShow(r), 20);
        show.Do(r => new ResumeShow(r), 40);

        Assert.That(show.State.PausedTotal, Is.EqualTo(25 * Second));
        Assert.That(RunOfShow.NextDeadline(show.State, show.Program), Is.EqualTo(ShowScenario.At(115)));
    }

    [Test]
    public void Pause_WhenAlreadyPaused_IsNotAllowed()
    {
        var show = ShowScenario.Standard().Started();
        show.Do(r => new PauseShow(r), 10);

        Assert.That(() => show.Try(r => new PauseShow(r), 11), Throws.TypeOf<DomainException>().With.Message.EqualTo("The show is already paused."));
    }

    [Test]
    public void Pause_WhenNotStarted_IsNotAllowed()
    {
        var show = ShowScenario.Standard();

        Assert.That(() => show.Try(r => new PauseShow(r), 0), Throws.TypeOf<DomainException>().With.Message.EqualTo("The show has not started."));
    }

    [Test]
    public void Resume_WhenNotPaused_IsNotAllowed()
    {
        var show = ShowScenario.Standard().Started();

        Assert.That(() => show.Try(r => new ResumeShow(r), 5), Throws.TypeOf<DomainException>().With.Message.EqualTo("The show is not paused."));
    }

    [Test]
    public void AdjustTime_AddingTime_PushesTheDeadline()
    {
        var show = ShowScenario.Standard().Started();

        var events = show.Do(r => new AdjustTime(r, 30 * Second), 10);

        Assert.That(events, Is.EqualTo(new ShowEvent[] { new TimeAdjusted(ShowScenario.At(10), show.Anthem, 30 * Second) }));
        Assert.That(show.State.AddedTime, Is.EqualTo(30 * Second));
        Assert.That(RunOfShow.NextDeadline(show.State, show.Program), Is.EqualTo(ShowScenario.At(120)));
    }

    [Test]
    public void AdjustTime_TakingAwayExactlyTheRemainingTime_MakesTheSegmentDueNow()
    {
        var show = ShowScenario.Standard().Started();

        show.Do(r => new AdjustTime(r, -60 * Second), 30);

        Assert.That(SegmentClock.Remaining(show.State, show.Program, ShowScenario.At(30)), Is.EqualTo(TimeSpan.Zero));
        Assert.That(RunOfShow.NextDeadline(show.State, show.Program), Is.EqualTo(ShowScenario.At(30)));
    }

    [Test]
    public void AdjustTime_TakingAwayMoreThanRemains_IsNotAllowed()
    {
        var show = ShowScenario.Standard().Started();

        Assert.That(
            () => show.Try(r => new AdjustTime(r, -61 * Second), 30),
            Throws.TypeOf<DomainException>().With.Message.EqualTo("'Anthem' has only 60 s left; you cannot take away 61 s."));
    }

    [Test]
    public void AdjustTime_TakingTimeFromAnOverrunningSegment_IsNotAllowed_ButAddingIs()
    {
        var show = ShowScenario.Standard().Started();
        show.Do(r => new GoToSegment(r, show.Speech), 0);

        Assert.That(() => show.Try(r => new AdjustTime(r, -Second), 700), Throws.TypeOf<DomainException>().With.Message.Contains("has no time left"));
        Assert.That(show.Do(r => new AdjustTime(r, 120 * Second), 700), Has.Count.EqualTo(1));
    }

    [Test]
    public void AdjustTime_WhilePaused_CountsThePauseAsNotElapsed()
    {
        var show = ShowScenario.Standard().Started();
        show.Do(r => new PauseShow(r), 80);

        show.Do(r => new AdjustTime(r, -10 * Second), 500);

        Assert.That(SegmentClock.Remaining(show.State, show.Program, ShowScenario.At(500)), Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void AdjustTime_ByZero_IsRejected()
    {
        var show = ShowScenario.Standard().Started();

        Assert.That(() => show.Try(r => new AdjustTime(r, TimeSpan.Zero), 5), Throws.TypeOf<ProgramRuleException>());
    }

    [Test]
    public void AdjustTime_BeyondTheMostThatMayBeAdded_IsNotAllowed()
    {
        var show = ShowScenario.Standard().Started();
        show.Do(r => new AdjustTime(r, ShowLimits.MaxAddedTime), 5);

        Assert.That(() => show.Try(r => new AdjustTime(r, Second), 6), Throws.TypeOf<DomainException>().With.Message.Contains("At most 4 hours"));
    }

    [Test]
    public void AddedTime_IsRecordedWithTheRunAndResetForTheNextSegment()
    {
        var show = ShowScenario.Standard().Started();
        show.Do(r => new AdjustTime(r, 15 * Second), 5);

        show.Do(r => new NextSegment(r), 50);

        Assert.That(show.State.RunOf(show.Anthem)!.AddedTime, Is.EqualTo(15 * Second));
        Assert.That(show.State.AddedTime, Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void Overrun_OfAManualSegment_GrowsWithTime()
    {
        var show = ShowScenario.Standard().Started();
        show.Do(r => new GoToSegment(r, show.Speech), 0);

        Assert.That(SegmentClock.Overrun(show.State, show.Program, ShowScenario.At(590)), Is.EqualTo(TimeSpan.Zero));
        Assert.That(SegmentClock.Overrun(show.State, show.Program, ShowScenario.At(645)), Is.EqualTo(45 * Second));
        Assert.That(SegmentClock.Remaining(show.State, show.Program, ShowScenario.At(645)), Is.EqualTo(-45 * Second));
    }
}
