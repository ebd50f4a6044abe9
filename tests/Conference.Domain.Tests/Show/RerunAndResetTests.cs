using System.Text.Json;
using Conference.Domain.Show;

namespace Conference.Domain.Tests.Show;

/// <summary>What a host needs in a real rehearsal: going back to a segment, starting over, starting on another day.</summary>
public sealed class RerunAndResetTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private static SegmentTimeline Row(ShowTimelineView view, Guid id) => view.Segments.Single(s => s.SegmentId == id);

    [Test]
    public void GoTo_ASegmentThatHasRun_StartsANewRunOfIt()
    {
        var show = ShowScenario.Standard().Started();
        show.Do(r => new GoToSegment(r, show.Speech), 10);
        show.Do(r => new NextSegment(r), 100);

        var events = show.Do(r => new GoToSegment(r, show.Speech), 130);

        Assert.That(events, Is.EqualTo(new ShowEvent[]
        {
            new SegmentEnded(ShowScenario.At(130), show.Video, SegmentEndReason.Host),
            new SegmentStarted(ShowScenario.At(130), show.Speech),
        }));
        Assert.That(show.State.CurrentSegmentId, Is.EqualTo(show.Speech));
        Assert.That(show.State.RunsOf(show.Speech).Select(r => r.StartedAt), Is.EqualTo(new[] { ShowScenario.At(10), ShowScenario.At(130) }));
        Assert.That(show.State.SegmentStartedAt, Is.EqualTo(ShowScenario.At(130)));
    }

    [Test]
    public void Rerun_ThenNext_GoesToTheFirstSegmentAfterItThatHasNotRun()
    {
        var show = ShowScenario.Standard().Started();
        show.Do(r => new NextSegment(r), 90);
        show.Do(r => new NextSegment(r), 150);
        show.Do(r => new GoToSegment(r, show.Anthem), 160);

        show.Do(r => new NextSegment(r), 250);

        Assert.That(show.State.CurrentSegmentId, Is.EqualTo(show.Video));
    }

    [Test]
    public void Timeline_OfARerunSegment_ShowsBothRuns_AndCountsTheirTime()
    {
        var show = ShowScenario.Standard().Started();
        show.Do(r => new GoToSegment(r, show.Speech), 10);
        show.Do(r => new NextSegment(r), 70);
        show.Do(r => new GoToSegment(r, show.Speech), 80);
        show.Do(r => new NextSegment(r), 680);

        var speech = Row(ShowTimeline.Compute(show.State, show.Program, ShowScenario.At(700)), show.Speech);

        Assert.That(speech.Runs, Has.Count.EqualTo(2));
        Assert.That(speech.Progress, Is.EqualTo(SegmentProgress.Completed));
        Assert.That(speech.ActualStart, Is.EqualTo(ShowScenario.At(80)));
        Assert.That(speech.ActualEnd, Is.EqualTo(ShowScenario.At(680)));
        Assert.That(speech.Variance, Is.EqualTo(60 * Second), "60 s of the first run plus the full 600 s second run, against 600 s planned");
    }

    [Test]
    public void Reset_WhileRunning_EndsTheSegment_AndReturnsToNotStarted()
    {
        var show = ShowScenario.Standard().Started();
        show.Do(r => new NextSegment(r), 90);

        var events = show.Do(r => new ResetShow(r), 100);

        Assert.That(events, Is.EqualTo(new ShowEvent[]
        {
            new SegmentEnded(ShowScenario.At(100), show.Silence, SegmentEndReason.ShowReset),
            new ShowReset(ShowScenario.At(100)),
        }));
        Assert.That(show.State.Status, Is.EqualTo(ShowStatus.NotStarted));
        Assert.That(show.State.StartedAt, Is.Null);
        Assert.That(show.State.CurrentSegmentId, Is.Null);
        Assert.That(show.State.Runs, Is.Empty);
        Assert.That(show.State.Revision, Is.EqualTo(6), "the log is kept: revisions go on");
        Assert.That(show.State.Rehearsals, Has.Count.EqualTo(1));
        Assert.That(show.State.Rehearsals[0].Runs.Select(r => r.SegmentId), Is.EqualTo(new[] { show.Anthem, show.Silence }));
        Assert.That(show.State.Rehearsals[0].StartedAt, Is.EqualTo(ShowScenario.At(0)));
    }

    [Test]
    public void Reset_AfterTheShowEnded_AllowsAFreshStart_FromTheFirstSegment()
    {
        var show = ShowScenario.Standard().Started();
        show.Do(r => new SkipSegment(r, show.Video), 5);
        show.Do(r => new EndShow(r), 60);
        show.Do(r => new ResetShow(r), 70);

        show.Do(r => new StartShow(r), 600);

        Assert.That(show.State.Status, Is.EqualTo(ShowStatus.Running));
        Assert.That(show.State.CurrentSegmentId, Is.EqualTo(show.Anthem));
        Assert.That(show.State.IsSkipped(show.Video), Is.False, "a rehearsal's skips are not the show's");
        Assert.That(show.State.Runs, Has.Count.EqualTo(1));
    }

    [Test]
    public void Reset_BeforeTheShowStarted_IsNotAllowed()
    {
        var show = ShowScenario.Standard();

        Assert.That(() => show.Try(r => new ResetShow(r), 0), Throws.TypeOf<DomainException>().With.Message.Contains("nothing to reset"));
    }

    [Test]
    public void Timeline_AfterAReset_CountsOnlyTheShow_AndListsTheRehearsalApart()
    {
        var show = ShowScenario.Standard().Started(-3 * 24 * 3600);
        show.Do(r => new NextSegment(r), (-3 * 24 * 3600) + 500);
        show.Do(r => new ResetShow(r), (-3 * 24 * 3600) + 600);
        show.Started(30);

        var view = ShowTimeline.Compute(show.State, show.Program, ShowScenario.At(40));

        Assert.That(Row(view, show.Anthem).Runs, Has.Count.EqualTo(1));
        Assert.That(Row(view, show.Silence).Progress, Is.EqualTo(SegmentProgress.Upcoming));
        Assert.That(view.PlanShift, Is.EqualTo(TimeSpan.Zero));
        Assert.That(view.CurrentDelay, Is.EqualTo(30 * Second));
        Assert.That(view.Rehearsals, Has.Count.EqualTo(1));
        Assert.That(view.Rehearsals[0].Runs, Has.Count.EqualTo(2));
    }

    [Test]
    public void Replay_OfALogWithAReset_GivesTheSameState()
    {
        var show = ShowScenario.Standard().Started();
        show.Do(r => new ResetShow(r), 50);
        show.Started(100);

        var json = JsonSerializer.Serialize<IReadOnlyList<ShowEvent>>(show.Log);
        var replayed = ShowState.Replay(JsonSerializer.Deserialize<List<ShowEvent>>(json)!);

        Assert.That(replayed.Revision, Is.EqualTo(show.State.Revision));
        Assert.That(replayed.Runs, Is.EqualTo(show.State.Runs));
        Assert.That(replayed.Rehearsals.Single().Runs, Is.EqualTo(show.State.Rehearsals.Single().Runs));
    }

    [Test]
    public void AStartFourWeeksEarly_IsMeasuredAgainstThePlanMovedToIt_NotAsWeeksAhead()
    {
        var show = ShowScenario.Standard().Started(-28 * 24 * 3600);

        var view = ShowTimeline.Compute(show.State, show.Program, ShowScenario.At((-28 * 24 * 3600) + 30));

        Assert.That(view.PlanShift, Is.EqualTo(TimeSpan.FromDays(-28)));
        Assert.That(view.CurrentDelay, Is.EqualTo(TimeSpan.Zero));
        Assert.That(view.ProjectedDelay, Is.EqualTo(TimeSpan.Zero));
        Assert.That(Row(view, show.Anthem).PlannedStart, Is.EqualTo(ShowScenario.At(-28 * 24 * 3600)));
        Assert.That(Row(view, show.Awards).ExpectedStart, Is.EqualTo(ShowScenario.At((-28 * 24 * 3600) + 1800)), "a fixed start moves with the plan");
    }

    [Test]
    public void AStartMinutesLate_IsTheShowsDelay()
    {
        var show = ShowScenario.Standard().Started(600);

        var view = ShowTimeline.Compute(show.State, show.Program, ShowScenario.At(610));

        Assert.That(view.PlanShift, Is.EqualTo(TimeSpan.Zero));
        Assert.That(view.CurrentDelay, Is.EqualTo(600 * Second));
    }

    [Test]
    public void AnOldLog_WithoutResets_StillReplays()
    {
        const string json = """
            [{"type":"showStarted","At":"2026-05-09T10:00:00+00:00"},
             {"type":"segmentStarted","At":"2026-05-09T10:00:00+00:00","SegmentId":"6f1c2a6e-94c4-4f5e-9f3e-2d1b5a9c7e10"},
             {"type":"segmentEnded","At":"2026-05-09T10:01:00+00:00","SegmentId":"6f1c2a6e-94c4-4f5e-9f3e-2d1b5a9c7e10","Reason":"Host"},
             {"type":"showEnded","At":"2026-05-09T10:01:00+00:00"}]
            """;

        var state = ShowState.Replay(JsonSerializer.Deserialize<List<ShowEvent>>(json)!);

        Assert.That(state.Status, Is.EqualTo(ShowStatus.Ended));
        Assert.That(state.Rehearsals, Is.Empty);
        Assert.That(state.Runs, Has.Count.EqualTo(1));
    }
}
