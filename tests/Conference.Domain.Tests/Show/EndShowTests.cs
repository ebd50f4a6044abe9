using Conference.Domain.Show;

namespace Conference.Domain.Tests.Show;

public sealed class EndShowTests
{
    [Test]
    public void EndShow_WhenRunning_EndsTheSegmentAndTheShow()
    {
        var show = ShowScenario.Standard().Started();

        var events = show.Do(r => new EndShow(r), 50);

        Assert.That(events, Is.EqualTo(new ShowEvent[]
        {
            new SegmentEnded(ShowScenario.At(50), show.Anthem, SegmentEndReason.ShowEnded),
            new ShowEnded(ShowScenario.At(50)),
        }));
        Assert.That(show.State.Status, Is.EqualTo(ShowStatus.Ended));
        Assert.That(show.State.EndedAt, Is.EqualTo(ShowScenario.At(50)));
        Assert.That(show.State.CurrentSegmentId, Is.Null);
    }

    [Test]
    public void EndShow_WhenPaused_RecordsThePauseInTheLastRun()
    {
        var show = ShowScenario.Standard().Started();
        show.Do(r => new PauseShow(r), 10);

        show.Do(r => new EndShow(r), 40);

        Assert.That(show.State.Status, Is.EqualTo(ShowStatus.Ended));
        Assert.That(show.State.RunOf(show.Anthem)!.PausedTotal, Is.EqualTo(TimeSpan.FromSeconds(30)));
    }

    [Test]
    public void EndShow_WhenNotStarted_IsNotAllowed()
    {
        var show = ShowScenario.Standard();

        Assert.That(() => show.Try(r => new EndShow(r), 0), Throws.TypeOf<DomainException>().With.Message.EqualTo("The show has not started."));
    }

    [TestCase("start")]
    [TestCase("next")]
    [TestCase("pause")]
    [TestCase("end")]
    [TestCase("message")]
    public void AnyMove_WhenShowHasEnded_IsNotAllowed(string move)
    {
        var show = ShowScenario.Standard().Started();
        show.Do(r => new EndShow(r), 10);
        Func<int, ShowCommand> command = move switch
        {
            "start" => r => new StartShow(r),
            "next" => r => new NextSegment(r),
            "pause" => r => new PauseShow(r),
            "end" => r => new EndShow(r),
            _ => r => new SendMessage(r, MessageAudience.Hosts, "Hello"),
        };

        Assert.That(() => show.Try(command, 20), Throws.TypeOf<DomainException>().With.Message.EqualTo("The show has ended."));
    }

    [Test]
    public void Decide_WithAClockBehindTheLastEvent_NeverRecordsAnEarlierInstant()
    {
        var show = ShowScenario.Standard().Started(100);

        var events = show.Do(r => new EndShow(r), 99.5);

        Assert.That(events.Select(e => e.At), Is.All.EqualTo(ShowScenario.At(100)));
    }
}
