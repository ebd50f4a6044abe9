using Conference.Domain.Programs;
using Conference.Domain.Show;

namespace Conference.Domain.Tests.Show;

public sealed class ProgramSnapshotTests
{
    [Test]
    public void From_TakesEachSegmentsTimingFromTheProgram()
    {
        var show = ShowScenario.Standard();

        var anthem = show.Program.Segments[0];
        var awards = show.Program.Segments[4];

        Assert.That(anthem.EndMode, Is.EqualTo(EndMode.AutoAdvance));
        Assert.That(anthem.AudienceMuted, Is.True);
        Assert.That(anthem.MediaDuration, Is.EqualTo(TimeSpan.FromSeconds(90)));
        Assert.That(show.Program.Segments[1].PlannedStart, Is.EqualTo(ShowScenario.At(90)));
        Assert.That(awards.FixedStart, Is.EqualTo(ShowScenario.At(1800)));
        Assert.That(awards.PlannedStart, Is.EqualTo(ShowScenario.At(1800)));
        Assert.That(awards.PlannedEnd, Is.EqualTo(ShowScenario.At(3000)));
        Assert.That(show.Program.PlannedEnd, Is.EqualTo(ShowScenario.At(3000)));
    }

    [Test]
    public void ChangingTheRunningSegmentsDuration_MovesItsDeadline()
    {
        var show = ShowScenario.Standard().Started();
        var edited = WithSegments(show.Program, show.Program.Segments.Select(s => s.Id == show.Anthem ? s with { PlannedDuration = TimeSpan.FromSeconds(120) } : s));

        Assert.That(RunOfShow.NextDeadline(show.State, edited), Is.EqualTo(ShowScenario.At(120)));
    }

    [Test]
    public void ASegmentAddedAfterTheRunningOne_IsWhereNextGoes()
    {
        var show = ShowScenario.Standard().Started();
        var added = show.Program.Segments[2] with { Id = Guid.NewGuid(), Title = "Greeting" };
        var edited = WithSegments(show.Program, show.Program.Segments.Take(1).Append(added).Concat(show.Program.Segments.Skip(1)));

        var events = RunOfShow.Decide(show.State, new NextSegment(show.State.Revision), edited, ShowScenario.At(30));

        Assert.That(events[1], Is.EqualTo(new SegmentStarted(ShowScenario.At(30), added.Id)));
    }

    [Test]
    public void ARunningSegmentRemovedFromTheProgram_DoesNotBreakTheShow()
    {
        var show = ShowScenario.Standard().Started();
        show.Do(r => new GoToSegment(r, show.Speech), 10);
        var edited = WithSegments(show.Program, show.Program.Segments.Where(s => s.Id != show.Speech));

        var view = ShowTimeline.Compute(show.State, edited, ShowScenario.At(100));
        var next = RunOfShow.Decide(show.State, new NextSegment(show.State.Revision), edited, ShowScenario.At(100));

        Assert.That(RunOfShow.NextDeadline(show.State, edited), Is.Null);
        Assert.That(view.Segments, Has.Count.EqualTo(4));
        Assert.That(next[0], Is.EqualTo(new SegmentEnded(ShowScenario.At(100), show.Speech, SegmentEndReason.Host)));
        Assert.That(next[1], Is.EqualTo(new SegmentStarted(ShowScenario.At(100), show.Silence)));
    }

    private static ShowProgram WithSegments(ShowProgram program, IEnumerable<ShowSegment> segments) =>
        program with { ProgramRevision = program.ProgramRevision + 1, Segments = [.. segments] };
}
