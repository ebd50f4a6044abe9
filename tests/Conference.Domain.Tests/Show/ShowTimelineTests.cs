using Conference.Domain.Show;

namespace Conference.Domain.Tests.Show;

/// <summary>Planned: Anthem 0–90, Silence 90–150, Speech 150–750, Film 750–1050, Awards fixed 1800–3000.</summary>
public sealed class ShowTimelineTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private static SegmentTimeline Row(ShowTimelineView view, Guid id) => view.Segments.Single(s => s.SegmentId == id);

    [Test]
    public void BeforeTheShow_ExpectedTimesFollowThePlan()
    {
        var show = ShowScenario.Standard();

        var view = ShowTimeline.Compute(show.State, show.Program, ShowScenario.At(-600));

        Assert.That(view.Segments.Select(s => s.ExpectedStart), Is.EqualTo(view.Segments.Select(s => (DateTimeOffset?)s.PlannedStart)));
        Assert.That(view.Segments.Select(s => s.Progress), Is.All.EqualTo(SegmentProgress.Upcoming));
        Assert.That(view.PlannedEnd, Is.EqualTo(ShowScenario.At(3000)));
        Assert.That(view.ProjectedEnd, Is.EqualTo(ShowScenario.At(3000)));
        Assert.That(view.CurrentDelay, Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void ALateStart_PushesTheFollowingSegments_ButAFixedStartAbsorbsIt()
    {
        var show = ShowScenario.Standard();

        var view = ShowTimeline.Compute(show.State, show.Program, ShowScenario.At(120));

        Assert.That(Row(view, show.Anthem).ExpectedStart, Is.EqualTo(ShowScenario.At(120)));
        Assert.That(Row(view, show.Video).ExpectedEnd, Is.EqualTo(ShowScenario.At(1170)));
        Assert.That(Row(view, show.Awards).ExpectedStart, Is.EqualTo(ShowScenario.At(1800)));
        Assert.That(view.CurrentDelay, Is.EqualTo(120 * Second));
        Assert.That(view.ProjectedDelay, Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void AnOverrunningSegment_IsExpectedToEndNow_AndPushesWhatFollows()
    {
        var show = RunToSpeech();

        var view = ShowTimeline.Compute(show.State, show.Program, ShowScenario.At(900));

        var speech = Row(view, show.Speech);
        Assert.That(speech.Progress, Is.EqualTo(SegmentProgress.Running));
        Assert.That(speech.ExpectedEnd, Is.EqualTo(ShowScenario.At(900)));
        Assert.That(speech.Variance, Is.EqualTo(150 * Second));
        Assert.That(Row(view, show.Video).ExpectedStart, Is.EqualTo(ShowScenario.At(900)));
        Assert.That(Row(view, show.Video).ExpectedEnd, Is.EqualTo(ShowScenario.At(1200)));
        Assert.That(view.CurrentDelay, Is.EqualTo(150 * Second));
    }

    [Test]
    public void AFixedStartSegment_WaitsForItsInstant_UntilAnOverrunPushesPastIt()
    {
        var show = RunToSpeech();

        var onTime = ShowTimeline.Compute(show.State, show.Program, ShowScenario.At(700));
        var late = ShowTimeline.Compute(show.State, show.Program, ShowScenario.At(1700));

        Assert.That(Row(onTime, show.Awards).ExpectedStart, Is.EqualTo(ShowScenario.At(1800)));
        Assert.That(onTime.ProjectedDelay, Is.EqualTo(TimeSpan.Zero));
        Assert.That(Row(late, show.Awards).ExpectedStart, Is.EqualTo(ShowScenario.At(2000)));
        Assert.That(late.ProjectedEnd, Is.EqualTo(ShowScenario.At(3200)));
        Assert.That(late.ProjectedDelay, Is.EqualTo(200 * Second));
    }

    [Test]
    public void ARunningSegmentWithinItsTime_IsExpectedToEndAtItsDeadline_PausesIncluded()
    {
        var show = ShowScenario.Standard().Started();
        show.Do(r => new PauseShow(r), 30);

        var view = ShowTimeline.Compute(show.State, show.Program, ShowScenario.At(100));

        Assert.That(Row(view, show.Anthem).ExpectedEnd, Is.EqualTo(ShowScenario.At(160)));
        Assert.That(Row(view, show.Silence).ExpectedStart, Is.EqualTo(ShowScenario.At(160)));
    }

    [Test]
    public void ASkippedSegment_TakesNoTime()
    {
        var show = ShowScenario.Standard().Started();
        show.Do(r => new SkipSegment(r, show.Silence), 10);

        var view = ShowTimeline.Compute(show.State, show.Program, ShowScenario.At(20));

        var silence = Row(view, show.Silence);
        Assert.That(silence.Progress, Is.EqualTo(SegmentProgress.Skipped));
        Assert.That(silence.ExpectedStart, Is.Null);
        Assert.That(silence.Variance, Is.EqualTo(-60 * Second));
        Assert.That(Row(view, show.Speech).ExpectedStart, Is.EqualTo(ShowScenario.At(90)));
    }

    [Test]
    public void CompletedSegments_ShowActualTimesAndTheirOverOrUnder()
    {
        var show = ShowScenario.Standard().Started();
        show.Do(r => new NextSegment(r), 100);

        var view = ShowTimeline.Compute(show.State, show.Program, ShowScenario.At(110));

        var anthem = Row(view, show.Anthem);
        Assert.That(anthem.Progress, Is.EqualTo(SegmentProgress.Completed));
        Assert.That((anthem.ActualStart, anthem.ActualEnd), Is.EqualTo(((DateTimeOffset?)ShowScenario.At(0), (DateTimeOffset?)ShowScenario.At(100))));
        Assert.That(anthem.EndReason, Is.EqualTo(SegmentEndReason.Host));
        Assert.That(anthem.Variance, Is.EqualTo(10 * Second));
    }

    [Test]
    public void PassedOverSegments_AreNotReached_AndGetNoExpectedTimes()
    {
        var show = ShowScenario.Standard().Started();
        show.Do(r => new GoToSegment(r, show.Speech), 10);

        var view = ShowTimeline.Compute(show.State, show.Program, ShowScenario.At(20));

        Assert.That(Row(view, show.Silence).Progress, Is.EqualTo(SegmentProgress.NotReached));
        Assert.That(Row(view, show.Silence).ExpectedStart, Is.Null);
        Assert.That(Row(view, show.Video).ExpectedStart, Is.EqualTo(ShowScenario.At(610)));
    }

    [Test]
    public void AnEndedShow_ReportsItsActualEnd_AndWhatWasNeverReached()
    {
        var show = RunToSpeech();
        show.Do(r => new EndShow(r), 800);

        var view = ShowTimeline.Compute(show.State, show.Program, ShowScenario.At(5000));

        Assert.That(view.ActualEnd, Is.EqualTo(ShowScenario.At(800)));
        Assert.That(view.ProjectedEnd, Is.EqualTo(ShowScenario.At(800)));
        Assert.That(view.ProjectedDelay, Is.EqualTo(-2200 * Second));
        Assert.That(Row(view, show.Speech).EndReason, Is.EqualTo(SegmentEndReason.ShowEnded));
        Assert.That(Row(view, show.Awards).Progress, Is.EqualTo(SegmentProgress.NotReached));
    }

    /// <summary>Anthem and silence run to their deadlines; the speech starts on plan at 150 and is due at 750.</summary>
    private static ShowScenario RunToSpeech()
    {
        var show = ShowScenario.Standard().Started();
        show.Record(RunOfShow.CatchUp(show.State, show.Program, ShowScenario.At(150)));
        return show;
    }
}
