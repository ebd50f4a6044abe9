using Conference.Domain.Show;

namespace Conference.Domain.Tests.Show;

public sealed class StartAndAdvanceTests
{
    [Test]
    public void StartShow_WhenNotStarted_StartsTheShowAndTheFirstSegment()
    {
        var show = ShowScenario.Standard();

        var events = show.Do(r => new StartShow(r), 5);

        Assert.That(events, Is.EqualTo(new ShowEvent[] { new ShowStarted(ShowScenario.At(5)), new SegmentStarted(ShowScenario.At(5), show.Anthem) }));
        Assert.That(show.State.Status, Is.EqualTo(ShowStatus.Running));
        Assert.That(show.State.CurrentSegmentId, Is.EqualTo(show.Anthem));
        Assert.That(show.State.SegmentStartedAt, Is.EqualTo(ShowScenario.At(5)));
        Assert.That(show.State.Revision, Is.EqualTo(2));
    }

    [Test]
    public void StartShow_WhenFirstSegmentIsSkipped_StartsWithTheNextOne()
    {
        var show = ShowScenario.Standard();
        show.Do(r => new SkipSegment(r, show.Anthem), 0);

        show.Do(r => new StartShow(r), 1);

        Assert.That(show.State.CurrentSegmentId, Is.EqualTo(show.Silence));
    }

    [Test]
    public void StartShow_WhenAlreadyStarted_IsNotAllowed()
    {
        var show = ShowScenario.Standard().Started();

        Assert.That(() => show.Try(r => new StartShow(r), 1), Throws.TypeOf<DomainException>().With.Message.EqualTo("The show has already started."));
    }

    [Test]
    public void StartShow_WhenProgramIsEmpty_IsNotAllowed()
    {
        var show = ShowScenario.With();

        Assert.That(() => show.Try(r => new StartShow(r), 0), Throws.TypeOf<DomainException>().With.Message.Contains("no segment to run"));
    }

    [Test]
    public void Next_WhenRunning_EndsCurrentByHostAndStartsTheFollowingSegment()
    {
        var show = ShowScenario.Standard().Started();

        var events = show.Do(r => new NextSegment(r), 80);

        Assert.That(events, Is.EqualTo(new ShowEvent[]
        {
            new SegmentEnded(ShowScenario.At(80), show.Anthem, SegmentEndReason.Host),
            new SegmentStarted(ShowScenario.At(80), show.Silence),
        }));
        Assert.That(show.State.RunOf(show.Anthem), Is.EqualTo(new SegmentRun(show.Anthem, ShowScenario.At(0), ShowScenario.At(80), SegmentEndReason.Host, TimeSpan.Zero, TimeSpan.Zero)));
    }

    [Test]
    public void Next_WhenShowIsNotStarted_IsNotAllowed()
    {
        var show = ShowScenario.Standard();

        Assert.That(() => show.Try(r => new NextSegment(r), 0), Throws.TypeOf<DomainException>().With.Message.EqualTo("The show has not started."));
    }

    [Test]
    public void Next_WhenShowIsPaused_IsNotAllowed()
    {
        var show = ShowScenario.Standard().Started();
        show.Do(r => new PauseShow(r), 10);

        Assert.That(() => show.Try(r => new NextSegment(r), 20), Throws.TypeOf<DomainException>().With.Message.EqualTo("The show is paused; resume it first."));
    }

    [Test]
    public void Next_OnTheLastSegment_IsNotAllowed()
    {
        var show = ShowScenario.Standard().Started();
        show.Do(r => new GoToSegment(r, show.Awards), 10);

        Assert.That(
            () => show.Try(r => new NextSegment(r), 20),
            Throws.TypeOf<DomainException>().With.Message.EqualTo("There is no segment after 'Awards'; end the show instead."));
    }

    [Test]
    public void Next_WithAStaleRevision_IsARevisionConflict()
    {
        var show = ShowScenario.Standard().Started();
        var stale = show.State.Revision;
        show.Do(r => new NextSegment(r), 10);

        var conflict = Assert.Throws<RevisionConflictException>(() => RunOfShow.Decide(show.State, new NextSegment(stale), show.Program, ShowScenario.At(11)));

        Assert.That(conflict.ExpectedRevision, Is.EqualTo(2));
        Assert.That(conflict.CurrentRevision, Is.EqualTo(4));
        Assert.That(conflict.Message, Does.Contain("current revision is 4"));
    }

    [Test]
    public void GoTo_AFutureSegment_StartsItAndLeavesThePassedOverOnesUnrun()
    {
        var show = ShowScenario.Standard().Started();

        show.Do(r => new GoToSegment(r, show.Video), 30);

        Assert.That(show.State.CurrentSegmentId, Is.EqualTo(show.Video));
        Assert.That(show.State.HasRun(show.Silence), Is.False);
    }

    [Test]
    public void GoTo_BackToAPassedOverSegment_IsAllowed_AndNextContinuesAfterIt()
    {
        var show = ShowScenario.Standard().Started();
        show.Do(r => new GoToSegment(r, show.Video), 30);

        show.Do(r => new GoToSegment(r, show.Silence), 40);
        show.Do(r => new NextSegment(r), 100);

        Assert.That(show.State.CurrentSegmentId, Is.EqualTo(show.Speech));
    }

    [Test]
    public void GoTo_TheRunningSegment_IsNotAllowed()
    {
        var show = ShowScenario.Standard().Started();

        Assert.That(() => show.Try(r => new GoToSegment(r, show.Anthem), 5), Throws.TypeOf<DomainException>().With.Message.EqualTo("'Anthem' is already running."));
    }

    [Test]
    public void GoTo_AnUnknownSegment_IsNotFound()
    {
        var show = ShowScenario.Standard().Started();

        Assert.That(() => show.Try(r => new GoToSegment(r, Guid.NewGuid()), 5), Throws.TypeOf<NotFoundException>());
    }
}
