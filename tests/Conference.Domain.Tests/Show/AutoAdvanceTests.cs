using Conference.Domain.Programs;
using Conference.Domain.Show;

namespace Conference.Domain.Tests.Show;

public sealed class AutoAdvanceTests
{
    [Test]
    public void NextDeadline_OfTheMinuteOfSilence_IsExactlySixtySecondsAfterItStarted()
    {
        var show = ShowScenario.Standard().Started();
        show.Do(r => new NextSegment(r), 90);

        Assert.That(RunOfShow.NextDeadline(show.State, show.Program), Is.EqualTo(ShowScenario.At(150)));
    }

    [Test]
    public void NextDeadline_IsNull_WhenNotStarted_Paused_OrTheSegmentEndsByHand()
    {
        var show = ShowScenario.Standard();
        Assert.That(RunOfShow.NextDeadline(show.State, show.Program), Is.Null);

        show.Started();
        show.Do(r => new PauseShow(r), 10);
        Assert.That(RunOfShow.NextDeadline(show.State, show.Program), Is.Null);

        show.Do(r => new ResumeShow(r), 20);
        show.Do(r => new GoToSegment(r, show.Speech), 30);
        Assert.That(RunOfShow.NextDeadline(show.State, show.Program), Is.Null);
    }

    [Test]
    public void AutoAdvance_AtTheMinuteOfSilenceDeadline_EndsItAndStartsTheNextAtThatInstant()
    {
        var show = ShowScenario.Standard().Started();
        show.Do(r => new NextSegment(r), 90);

        var events = show.Do(r => new AutoAdvance(r, ShowScenario.At(150)), 150);

        Assert.That(events, Is.EqualTo(new ShowEvent[]
        {
            new SegmentEnded(ShowScenario.At(150), show.Silence, SegmentEndReason.Deadline),
            new SegmentStarted(ShowScenario.At(150), show.Speech),
        }));
        Assert.That(show.State.RunOf(show.Silence)!.Duration, Is.EqualTo(TimeSpan.FromSeconds(60)));
    }

    [Test]
    public void MinuteOfSilence_WithAPauseAndAddedTime_EndsAfterSixtySecondsPlusBoth()
    {
        var show = ShowScenario.Standard().Started();
        show.Do(r => new NextSegment(r), 90);
        show.Do(r => new PauseShow(r), 100);
        show.Do(r => new ResumeShow(r), 110);
        show.Do(r => new AdjustTime(r, TimeSpan.FromSeconds(5)), 120);

        show.Do(r => new AutoAdvance(r, ShowScenario.At(165)), 165);

        var run = show.State.RunOf(show.Silence)!;
        Assert.That(run.EndedAt, Is.EqualTo(ShowScenario.At(165)));
        Assert.That(run.Duration - run.PausedTotal - run.AddedTime, Is.EqualTo(TimeSpan.FromSeconds(60)));
    }

    [Test]
    public void AutoAdvance_AfterAHostAlreadyMovedOn_IsARevisionConflict()
    {
        var show = ShowScenario.Standard().Started();
        var armedAt = show.State.Revision;
        show.Do(r => new NextSegment(r), 89.9);

        Assert.That(
            () => RunOfShow.Decide(show.State, new AutoAdvance(armedAt, ShowScenario.At(90)), show.Program, ShowScenario.At(90)),
            Throws.TypeOf<RevisionConflictException>());
    }

    [Test]
    public void AutoAdvance_FiringLate_StillClosesTheSegmentAtItsDeadline()
    {
        var show = ShowScenario.Standard().Started();

        var events = show.Do(r => new AutoAdvance(r, ShowScenario.At(90)), 90.4);

        Assert.That(events.Select(e => e.At), Is.All.EqualTo(ShowScenario.At(90)));
    }

    [Test]
    public void AutoAdvance_OnTheLastSegment_EndsTheShowAtTheDeadline()
    {
        var show = ShowScenario.With(new SegmentDraft(SegmentKind.MinuteOfSilence, "Silence")).Started(10);

        var events = show.Do(r => new AutoAdvance(r, ShowScenario.At(70)), 71);

        Assert.That(events, Is.EqualTo(new ShowEvent[]
        {
            new SegmentEnded(ShowScenario.At(70), show.Program.Segments[0].Id, SegmentEndReason.Deadline),
            new ShowEnded(ShowScenario.At(70)),
        }));
        Assert.That(show.State.Status, Is.EqualTo(ShowStatus.Ended));
    }

    [Test]
    public void AutoAdvance_WhenTheDeadlineMoved_IsStale()
    {
        var show = ShowScenario.Standard().Started();
        var armed = RunOfShow.NextDeadline(show.State, show.Program)!.Value;
        var pausedFor = TimeSpan.FromSeconds(20);
        show.Do(r => new PauseShow(r), 10);
        show.Do(r => new ResumeShow(r), 30);

        Assert.That(() => show.Try(r => new AutoAdvance(r, armed), 90), Throws.TypeOf<DomainException>().With.Message.Contains("the timer is stale"));
        Assert.That(RunOfShow.NextDeadline(show.State, show.Program), Is.EqualTo(armed + pausedFor));
    }

    [Test]
    public void AutoAdvance_BeforeTheDeadline_IsNotAllowed()
    {
        var show = ShowScenario.Standard().Started();

        Assert.That(() => show.Try(r => new AutoAdvance(r, ShowScenario.At(90)), 89), Throws.TypeOf<DomainException>().With.Message.Contains("is not due until"));
    }

    [Test]
    public void AutoAdvance_OnAManualSegment_IsNotAllowed()
    {
        var show = ShowScenario.Standard().Started();
        show.Do(r => new GoToSegment(r, show.Speech), 5);

        Assert.That(() => show.Try(r => new AutoAdvance(r, ShowScenario.At(605)), 700), Throws.TypeOf<DomainException>().With.Message.Contains("ends by hand"));
    }

    [Test]
    public void AutoAdvance_WhilePaused_IsNotAllowed()
    {
        var show = ShowScenario.Standard().Started();
        show.Do(r => new PauseShow(r), 10);

        Assert.That(() => show.Try(r => new AutoAdvance(r, ShowScenario.At(90)), 90), Throws.TypeOf<DomainException>().With.Message.EqualTo("The show is paused; resume it first."));
    }

    [Test]
    public void CatchUp_AfterDowntime_ClosesEachChainedSegmentAtItsOwnDeadline_AndStopsAtAManualOne()
    {
        var show = ShowScenario.Standard().Started();

        var events = show.Record(RunOfShow.CatchUp(show.State, show.Program, ShowScenario.At(400)));

        Assert.That(events, Is.EqualTo(new ShowEvent[]
        {
            new SegmentEnded(ShowScenario.At(90), show.Anthem, SegmentEndReason.Deadline),
            new SegmentStarted(ShowScenario.At(90), show.Silence),
            new SegmentEnded(ShowScenario.At(150), show.Silence, SegmentEndReason.Deadline),
            new SegmentStarted(ShowScenario.At(150), show.Speech),
        }));
        Assert.That(RunOfShow.CatchUp(show.State, show.Program, ShowScenario.At(10_000)), Is.Empty);
    }

    [Test]
    public void CatchUp_StopsAtTheFirstDeadlineStillInTheFuture()
    {
        var show = ShowScenario.Standard().Started();

        var events = show.Record(RunOfShow.CatchUp(show.State, show.Program, ShowScenario.At(120)));

        Assert.That(events, Has.Count.EqualTo(2));
        Assert.That(show.State.CurrentSegmentId, Is.EqualTo(show.Silence));
        Assert.That(RunOfShow.NextDeadline(show.State, show.Program), Is.EqualTo(ShowScenario.At(150)));
    }

    [Test]
    public void CatchUp_PastTheLastAutoSegment_EndsTheShowAtItsDeadline()
    {
        var show = ShowScenario.With(
            new SegmentDraft(SegmentKind.Anthem, "Anthem", Media: ShowScenario.Media(90)),
            new SegmentDraft(SegmentKind.MinuteOfSilence, "Silence")).Started();

        show.Record(RunOfShow.CatchUp(show.State, show.Program, ShowScenario.At(3600)));

        Assert.That(show.State.Status, Is.EqualTo(ShowStatus.Ended));
        Assert.That(show.State.EndedAt, Is.EqualTo(ShowScenario.At(150)));
    }

    [Test]
    public void NextDeadline_NeverFallsBeforeTheLastEvent()
    {
        var show = ShowScenario.Standard().Started();
        show.Do(r => new SendMessage(r, MessageAudience.Hosts, "Anthem is nearly over"), 90.2);

        Assert.That(RunOfShow.NextDeadline(show.State, show.Program), Is.EqualTo(ShowScenario.At(90.2)));
    }
}
