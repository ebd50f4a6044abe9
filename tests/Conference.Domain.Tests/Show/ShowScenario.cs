using Conference.Domain.Programs;
using Conference.Domain.Show;

namespace Conference.Domain.Tests.Show;

/// <summary>
/// A standard program and a driver that runs commands against it at explicit instants.
/// Planned: Anthem 0:00–1:30 (auto), Silence 1:30–2:30 (auto), Speech 2:30–12:30 (manual),
/// Video 12:30–17:30 (auto), Awards fixed at 30:00–50:00 (manual).
/// </summary>
internal sealed class ShowScenario
{
    public static readonly DateTimeOffset Start = new(2026, 5, 9, 10, 0, 0, TimeSpan.Zero);

    private ShowScenario(ShowProgram program)
    {
        Program = program;
    }

    public ShowProgram Program { get; }
    public ShowState State { get; private set; } = ShowState.Initial;
    public List<ShowEvent> Log { get; } = [];

    public Guid Anthem => Program.Segments[0].Id;
    public Guid Silence => Program.Segments[1].Id;
    public Guid Speech => Program.Segments[2].Id;
    public Guid Video => Program.Segments[3].Id;
    public Guid Awards => Program.Segments[4].Id;

    public static ShowScenario Standard() => new(BuildProgram(
        new SegmentDraft(SegmentKind.Anthem, "Anthem", Media: Media(90)),
        new SegmentDraft(SegmentKind.MinuteOfSilence, "Minute of silence"),
        new SegmentDraft(SegmentKind.Speech, "Opening speech", TimeSpan.FromMinutes(10), Speaker: new Speaker("A. Host", null, "AZ")),
        new SegmentDraft(SegmentKind.VideoScreening, "Film", Media: Media(300)),
        new SegmentDraft(SegmentKind.AwardsCeremony, "Awards", TimeSpan.FromMinutes(20), FixedStart: At(30 * 60), AwardName: "Medal of Honour")));

    public static ShowScenario With(params SegmentDraft[] drafts) => new(BuildProgram(drafts));

    public static ShowScenario Of(ShowProgram program) => new(program);

    public static ShowProgram BuildProgram(params SegmentDraft[] drafts)
    {
        var program = ConferenceProgram.Create(
            Guid.NewGuid(),
            new ConferenceDetails("Congress", null, Start, "Asia/Baku", ["en"]));
        foreach (var draft in drafts)
        {
            program.AddSegment(program.Revision, Guid.NewGuid(), draft);
        }

        return ShowProgram.From(program);
    }

    public static MediaAsset Media(int seconds) => new(new Uri("https://media.example/asset.mp4"), TimeSpan.FromSeconds(seconds));

    /// <summary>An instant <paramref name="seconds"/> after the planned start.</summary>
    public static DateTimeOffset At(double seconds) => Start.AddSeconds(seconds);

    /// <summary>Decides a command made with the current revision at the given instant, and applies its events.</summary>
    public IReadOnlyList<ShowEvent> Do(Func<int, ShowCommand> command, double atSeconds) =>
        Record(RunOfShow.Decide(State, command(State.Revision), Program, At(atSeconds)));

    public IReadOnlyList<ShowEvent> Record(IReadOnlyList<ShowEvent> events)
    {
        foreach (var @event in events)
        {
            State = RunOfShow.Apply(State, @event);
            Log.Add(@event);
        }

        return events;
    }

    /// <summary>Decides without applying, for asserting on illegal moves.</summary>
    public IReadOnlyList<ShowEvent> Try(Func<int, ShowCommand> command, double atSeconds) =>
        RunOfShow.Decide(State, command(State.Revision), Program, At(atSeconds));

    public ShowScenario Started(double atSeconds = 0)
    {
        Do(r => new StartShow(r), atSeconds);
        return this;
    }
}
