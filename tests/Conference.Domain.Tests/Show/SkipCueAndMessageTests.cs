using Conference.Domain.Show;

namespace Conference.Domain.Tests.Show;

public sealed class SkipCueAndMessageTests
{
    [Test]
    public void Skip_AFutureSegment_MarksItSkipped_AndNextPassesOverIt()
    {
        var show = ShowScenario.Standard().Started();

        var events = show.Do(r => new SkipSegment(r, show.Silence), 10);
        show.Do(r => new NextSegment(r), 90);

        Assert.That(events, Is.EqualTo(new ShowEvent[] { new SegmentSkipped(ShowScenario.At(10), show.Silence) }));
        Assert.That(show.State.IsSkipped(show.Silence), Is.True);
        Assert.That(show.State.CurrentSegmentId, Is.EqualTo(show.Speech));
    }

    [Test]
    public void Skip_TheRunningSegment_EndsItAsSkippedAndStartsTheNext()
    {
        var show = ShowScenario.Standard().Started();

        var events = show.Do(r => new SkipSegment(r, show.Anthem), 10);

        Assert.That(events, Is.EqualTo(new ShowEvent[]
        {
            new SegmentEnded(ShowScenario.At(10), show.Anthem, SegmentEndReason.Skipped),
            new SegmentStarted(ShowScenario.At(10), show.Silence),
        }));
    }

    [Test]
    public void Skip_TheRunningSegmentWhilePaused_IsNotAllowed()
    {
        var show = ShowScenario.Standard().Started();
        show.Do(r => new PauseShow(r), 5);

        Assert.That(() => show.Try(r => new SkipSegment(r, show.Anthem), 10), Throws.TypeOf<DomainException>().With.Message.EqualTo("The show is paused; resume it first."));
    }

    [Test]
    public void Skip_ASegmentTwice_IsNotAllowed()
    {
        var show = ShowScenario.Standard().Started();
        show.Do(r => new SkipSegment(r, show.Video), 10);

        Assert.That(() => show.Try(r => new SkipSegment(r, show.Video), 11), Throws.TypeOf<DomainException>().With.Message.EqualTo("'Film' is already skipped."));
    }

    [Test]
    public void Skip_ASegmentThatHasRun_IsNotAllowed()
    {
        var show = ShowScenario.Standard().Started();
        show.Do(r => new NextSegment(r), 10);

        Assert.That(() => show.Try(r => new SkipSegment(r, show.Anthem), 11), Throws.TypeOf<DomainException>().With.Message.Contains("has already run"));
    }

    [Test]
    public void GoTo_ASkippedSegment_RunsItAfterAll()
    {
        var show = ShowScenario.Standard().Started();
        show.Do(r => new SkipSegment(r, show.Video), 10);

        show.Do(r => new GoToSegment(r, show.Video), 20);

        Assert.That(show.State.IsSkipped(show.Video), Is.False);
        Assert.That(show.State.CurrentSegmentId, Is.EqualTo(show.Video));
    }

    [Test]
    public void AdvanceCue_MovesToTheNextCue_AndANewSegmentStartsAtCueZero()
    {
        var show = ShowScenario.Standard().Started();
        show.Do(r => new GoToSegment(r, show.Awards), 10);

        var events = show.Do(r => new AdvanceCue(r), 20);
        show.Do(r => new AdvanceCue(r), 30);

        Assert.That(events, Is.EqualTo(new ShowEvent[] { new CueAdvanced(ShowScenario.At(20), show.Awards, 1) }));
        Assert.That(show.State.CueIndex, Is.EqualTo(2));
    }

    [Test]
    public void SetCue_JumpsToTheGivenCue_EvenWhilePaused()
    {
        var show = ShowScenario.Standard().Started();
        show.Do(r => new PauseShow(r), 5);

        show.Do(r => new SetCue(r, 4), 10);

        Assert.That(show.State.CueIndex, Is.EqualTo(4));
    }

    [Test]
    public void SetCue_ToTheCurrentCue_IsNotAllowed()
    {
        var show = ShowScenario.Standard().Started();

        Assert.That(() => show.Try(r => new SetCue(r, 0), 5), Throws.TypeOf<DomainException>().With.Message.EqualTo("The cue is already at 0."));
    }

    [Test]
    public void SetCue_ToANegativeIndex_IsRejected()
    {
        var show = ShowScenario.Standard().Started();

        Assert.That(() => show.Try(r => new SetCue(r, -1), 5), Throws.TypeOf<ProgramRuleException>().With.Property("Errors").ContainKey("cueIndex"));
    }

    [Test]
    public void AdvanceCue_WhenNotStarted_IsNotAllowed()
    {
        var show = ShowScenario.Standard();

        Assert.That(() => show.Try(r => new AdvanceCue(r), 0), Throws.TypeOf<DomainException>().With.Message.EqualTo("The show has not started."));
    }

    [Test]
    public void SendMessage_BeforeTheShow_IsRecordedTrimmed()
    {
        var show = ShowScenario.Standard();

        var events = show.Do(r => new SendMessage(r, MessageAudience.Speakers, "  Mics check in 5 minutes  "), -300);

        Assert.That(events, Is.EqualTo(new ShowEvent[] { new MessageSent(ShowScenario.At(-300), MessageAudience.Speakers, "Mics check in 5 minutes") }));
        Assert.That(show.State.Revision, Is.EqualTo(1));
        Assert.That(show.State.Status, Is.EqualTo(ShowStatus.NotStarted));
    }

    [TestCase("")]
    [TestCase("   ")]
    public void SendMessage_WithoutText_IsRejected(string text)
    {
        var show = ShowScenario.Standard();

        Assert.That(() => show.Try(r => new SendMessage(r, MessageAudience.Hosts, text), 0), Throws.TypeOf<ProgramRuleException>().With.Property("Errors").ContainKey("text"));
    }

    [Test]
    public void SendMessage_TooLong_IsRejected()
    {
        var show = ShowScenario.Standard();
        var text = new string('a', ShowLimits.MessageMaxLength + 1);

        Assert.That(() => show.Try(r => new SendMessage(r, MessageAudience.Hosts, text), 0), Throws.TypeOf<ProgramRuleException>().With.Message.Contains("at most 1000"));
    }

    [Test]
    public void SendMessage_ToAnUnknownAudience_IsRejected()
    {
        var show = ShowScenario.Standard();

        Assert.That(() => show.Try(r => new SendMessage(r, (MessageAudience)7, "Hi"), 0), Throws.TypeOf<ProgramRuleException>().With.Property("Errors").ContainKey("audience"));
    }
}
