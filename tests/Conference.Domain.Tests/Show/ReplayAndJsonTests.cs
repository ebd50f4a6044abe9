using System.Text.Json;

using Conference.Domain.Show;

namespace Conference.Domain.Tests.Show;

public sealed class ReplayAndJsonTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static readonly Guid SegmentId = Guid.Parse("6f1c2a6e-94c4-4f5e-9f3e-2d1b5a9c7e10");

    private static IEnumerable<TestCaseData> EveryEvent()
    {
        var at = ShowScenario.At(42.5);
        yield return new TestCaseData(new ShowStarted(at), "showStarted");
        yield return new TestCaseData(new SegmentStarted(at, SegmentId), "segmentStarted");
        yield return new TestCaseData(new SegmentEnded(at, SegmentId, SegmentEndReason.Deadline), "segmentEnded");
        yield return new TestCaseData(new SegmentSkipped(at, SegmentId), "segmentSkipped");
        yield return new TestCaseData(new Paused(at), "paused");
        yield return new TestCaseData(new Resumed(at), "resumed");
        yield return new TestCaseData(new TimeAdjusted(at, SegmentId, TimeSpan.FromSeconds(-30)), "timeAdjusted");
        yield return new TestCaseData(new CueAdvanced(at, SegmentId, 3), "cueAdvanced");
        yield return new TestCaseData(new MessageSent(at, MessageAudience.Speakers, "Wrap up, please"), "messageSent");
        yield return new TestCaseData(new ShowEnded(at), "showEnded");
        yield return new TestCaseData(new ShowReset(at), "showReset");
        yield return new TestCaseData(new SegmentEnded(at, SegmentId, SegmentEndReason.ShowReset), "segmentEnded");
    }

    [TestCaseSource(nameof(EveryEvent))]
    public void EveryEvent_RoundTripsThroughJson_WithItsTypeDiscriminator(ShowEvent @event, string discriminator)
    {
        foreach (var options in new[] { JsonSerializerOptions.Default, Web })
        {
            var json = JsonSerializer.Serialize(@event, options);

            Assert.That(JsonDocument.Parse(json).RootElement.GetProperty("type").GetString(), Is.EqualTo(discriminator));
            Assert.That(JsonSerializer.Deserialize<ShowEvent>(json, options), Is.EqualTo(@event));
        }
    }

    [Test]
    public void EndReasonsAndAudiences_AreStoredAsNames()
    {
        var json = JsonSerializer.Serialize<ShowEvent[]>(
            [new SegmentEnded(ShowScenario.At(0), SegmentId, SegmentEndReason.ShowEnded), new MessageSent(ShowScenario.At(0), MessageAudience.Hosts, "x")],
            Web);

        Assert.That(json, Does.Contain("\"reason\":\"ShowEnded\"").And.Contain("\"audience\":\"Hosts\""));
    }

    [Test]
    public void Replay_OfTheLog_EqualsTheStateBuiltOneEventAtATime()
    {
        var show = ShowScenario.Standard();
        show.Do(r => new SendMessage(r, MessageAudience.Speakers, "Stand by"), -60);
        show.Started(5);
        show.Do(r => new SkipSegment(r, show.Video), 20);
        show.Do(r => new PauseShow(r), 30);
        show.Do(r => new AdjustTime(r, TimeSpan.FromSeconds(10)), 35);
        show.Do(r => new ResumeShow(r), 45);
        show.Record(RunOfShow.CatchUp(show.State, show.Program, ShowScenario.At(300)));
        show.Do(r => new GoToSegment(r, show.Awards), 700);
        show.Do(r => new AdvanceCue(r), 710);

        var roundTripped = JsonSerializer.Deserialize<List<ShowEvent>>(JsonSerializer.Serialize(show.Log, Web), Web)!;
        var replayed = ShowState.Replay(roundTripped);

        Assert.That(replayed.Revision, Is.EqualTo(show.Log.Count));
        Assert.That(JsonSerializer.Serialize(replayed, Web), Is.EqualTo(JsonSerializer.Serialize(show.State, Web)));
        Assert.That(replayed.Runs, Is.EqualTo(show.State.Runs));
        Assert.That(replayed with { Runs = show.State.Runs, SkippedSegmentIds = show.State.SkippedSegmentIds }, Is.EqualTo(show.State));
    }

    [Test]
    public void State_RoundTripsThroughJson()
    {
        var show = ShowScenario.Standard().Started();
        show.Do(r => new SkipSegment(r, show.Silence), 10);
        show.Do(r => new PauseShow(r), 20);

        var copy = JsonSerializer.Deserialize<ShowState>(JsonSerializer.Serialize(show.State, Web), Web)!;

        Assert.That(copy.Runs, Is.EqualTo(show.State.Runs));
        Assert.That(copy.SkippedSegmentIds, Is.EqualTo(show.State.SkippedSegmentIds));
        Assert.That(copy with { Runs = show.State.Runs, SkippedSegmentIds = show.State.SkippedSegmentIds }, Is.EqualTo(show.State));
    }
}
