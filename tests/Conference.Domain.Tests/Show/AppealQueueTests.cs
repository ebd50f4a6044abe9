using Conference.Domain.Programs;
using Conference.Domain.Show;

namespace Conference.Domain.Tests.Show;

/// <summary>
/// The appeals block: Speech 0:00–1:00 (manual), Appeals with three queued videos of 30, 20 and 10 s, Closing (manual).
/// </summary>
public sealed class AppealQueueTests
{
    private static readonly Guid First = Guid.NewGuid();
    private static readonly Guid Second = Guid.NewGuid();
    private static readonly Guid Third = Guid.NewGuid();

    [Test]
    public void AppealsBlock_PlaysEachAppealAsThePreviousEnds_AndEndsAfterTheLast()
    {
        var show = Block();
        show.Do(r => new NextSegment(r), 60);
        Assert.That(show.State.CueId, Is.EqualTo(First), "the first appeal starts with the block");
        Assert.That(RunOfShow.NextDeadline(show.State, show.Program), Is.EqualTo(ShowScenario.At(90)));

        show.Do(r => new AutoAdvance(r, ShowScenario.At(90)), 90);
        Assert.That((show.State.CueId, show.State.CueStartedAt, show.State.CueIndex), Is.EqualTo((Second, ShowScenario.At(90), 1)));
        show.Do(r => new AutoAdvance(r, ShowScenario.At(110)), 110);
        Assert.That((show.State.CueId, show.State.CueStartedAt), Is.EqualTo((Third, ShowScenario.At(110))));
        show.Do(r => new AutoAdvance(r, ShowScenario.At(120)), 120);

        Assert.That(show.State.CurrentSegmentId, Is.EqualTo(show.Program.Segments[2].Id), "the block ends after its last appeal");
        Assert.That(show.State.CueRuns.Select(r => (r.CueId, r.StartedAt, r.EndedAt, r.Reason)), Is.EqualTo(new[]
        {
            (First, (DateTimeOffset?)ShowScenario.At(60), ShowScenario.At(90), CueEndReason.Finished),
            (Second, (DateTimeOffset?)ShowScenario.At(90), ShowScenario.At(110), CueEndReason.Finished),
            (Third, (DateTimeOffset?)ShowScenario.At(110), ShowScenario.At(120), CueEndReason.Finished),
        }));
    }

    [Test]
    public void CatchUp_AfterDowntime_ClosesEachAppealAtItsOwnEnd_AndResumesTheOneOnAirAtItsPosition()
    {
        var show = Block();
        show.Do(r => new NextSegment(r), 60);

        show.Record(RunOfShow.CatchUp(show.State, show.Program, ShowScenario.At(100)));

        Assert.That((show.State.CueId, show.State.CueStartedAt), Is.EqualTo((Second, ShowScenario.At(90))), "the second appeal has been on for 10 s");
        Assert.That(show.State.CueRuns.Single().EndedAt, Is.EqualTo(ShowScenario.At(90)));
        Assert.That(RunOfShow.NextDeadline(show.State, show.Program), Is.EqualTo(ShowScenario.At(110)));
    }

    [Test]
    public void SkipPlayNextAndHold_MoveTheQueue_AndTheLogSaysWhatPlayedAndWhatWasSkipped()
    {
        var show = Block();
        show.Do(r => new NextSegment(r), 60);
        show.Do(r => new SkipCue(r, Third), 65);
        Assert.That(show.State.CueId, Is.EqualTo(First), "skipping a waiting appeal leaves the playing one on");

        show.Do(r => new HoldQueue(r), 70);
        show.Do(r => new AutoAdvance(r, ShowScenario.At(90)), 90);
        Assert.That(show.State.CueId, Is.Null, "a paused queue lets the playing appeal finish and starts nothing");
        Assert.That(RunOfShow.NextDeadline(show.State, show.Program), Is.Null);

        show.Do(r => new PlayNextCue(r), 100);
        Assert.That((show.State.CueId, show.State.CueStartedAt), Is.EqualTo((Second, ShowScenario.At(100))));
        show.Do(r => new ReleaseQueue(r), 105);
        show.Do(r => new SkipCue(r, Second), 108);

        Assert.That(show.State.CurrentSegmentId, Is.EqualTo(show.Program.Segments[2].Id), "nothing left: the block ends");
        Assert.That(show.State.CueRuns.Select(r => (r.CueId, r.Played, r.Reason)), Is.EqualTo(new[]
        {
            (Third, false, CueEndReason.Skipped),
            (First, true, CueEndReason.Finished),
            (Second, false, CueEndReason.Skipped),
        }));
    }

    [Test]
    public void PausingTheShow_PushesTheAppealsEnd_AndAnAppealPulledOutOnAirEndsAtOnce()
    {
        var show = Block();
        show.Do(r => new NextSegment(r), 60);
        show.Do(r => new PauseShow(r), 70);
        show.Do(r => new ResumeShow(r), 80);
        Assert.That(RunOfShow.NextDeadline(show.State, show.Program), Is.EqualTo(ShowScenario.At(100)));

        var pulled = ShowScenario.Of(show.Program with
        {
            Segments = [.. show.Program.Segments.Select(s => s.Cues is null ? s : s with { Cues = [.. s.Queue.Where(c => c.Id != First)] })],
        });
        pulled.Record(show.Log);
        Assert.That(RunOfShow.NextDeadline(pulled.State, pulled.Program), Is.EqualTo(ShowScenario.At(80)));
        pulled.Do(r => new AutoAdvance(r, ShowScenario.At(80)), 85);
        Assert.That(pulled.State.CueRuns.Single().Reason, Is.EqualTo(CueEndReason.PulledOut));
        Assert.That(pulled.State.CueId, Is.EqualTo(Second));
    }

    [Test]
    public void CueCommands_OutsideAQueue_AreRefused_AndGenericCuesAreRefusedInsideOne()
    {
        var show = Block();
        Assert.That(() => show.Try(r => new PlayNextCue(r), 10), Throws.InstanceOf<DomainException>());
        show.Do(r => new NextSegment(r), 60);
        Assert.That(() => show.Try(r => new AdvanceCue(r), 61), Throws.InstanceOf<DomainException>());
        Assert.That(() => show.Try(r => new ReleaseQueue(r), 61), Throws.InstanceOf<DomainException>());
    }

    private static ShowScenario Block()
    {
        var program = ConferenceProgram.Create(Guid.NewGuid(), new ConferenceDetails("Gala", null, ShowScenario.Start, "Asia/Baku", ["en"]));
        program.AddSegment(program.Revision, Guid.NewGuid(), new SegmentDraft(SegmentKind.Speech, "Welcome", TimeSpan.FromMinutes(1), Speaker: new Speaker("A. Host", null, "AZ")));
        var appeals = Guid.NewGuid();
        program.AddSegment(program.Revision, appeals, new SegmentDraft(SegmentKind.VideoAppeals, "Appeals", TimeSpan.FromMinutes(10)));
        program.AddSegment(program.Revision, Guid.NewGuid(), new SegmentDraft(SegmentKind.Custom, "Closing", TimeSpan.FromMinutes(5)));
        program.SetCues(appeals, [new SegmentCue(First, TimeSpan.FromSeconds(30)), new SegmentCue(Second, TimeSpan.FromSeconds(20)), new SegmentCue(Third, TimeSpan.FromSeconds(10))]);
        Assert.That(program.Find(appeals).PlannedDuration, Is.EqualTo(TimeSpan.FromSeconds(60)), "planned as long as its appeals");
        return ShowScenario.Of(ShowProgram.From(program)).Started();
    }
}
