using Conference.Domain.Media;
using Conference.Domain.Programs;
using Conference.Domain.Show;

namespace Conference.Domain.Tests.Media;

public class MediaPlanTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 31, 11, 0, 0, TimeSpan.Zero);
    private static readonly MediaMember Host = new("host-1", "Nigar", "AZ", IsCrew: true);
    private static readonly Guid ChairmanId = Guid.NewGuid();
    private static readonly MediaMember Chairman = new(ChairmanId.ToString(), "Fuad Muradov", "AZ", IsCrew: false);
    private static readonly MediaMember Attendee = new("p-3", "Kamran", "DE", IsCrew: false);

    private ConferenceProgram _program = null!;
    private ShowState _state = ShowState.Initial;

    [SetUp]
    public void BuildProgram()
    {
        _program = ConferenceProgram.Create(Guid.NewGuid(), new ConferenceDetails("Ceremony", null, Start, "Asia/Baku", ["az"]));
        Add(new SegmentDraft(SegmentKind.Anthem, "Anthem", Media: new MediaAsset(new Uri("https://media.example.org/anthem.mp4"), TimeSpan.FromSeconds(120))));
        Add(new SegmentDraft(SegmentKind.MinuteOfSilence, "Silence"));
        Add(new SegmentDraft(SegmentKind.Speech, "Address", TimeSpan.FromMinutes(15), Speaker: new Speaker("Fuad Muradov", "Chairman", "AZ")));
        Add(new SegmentDraft(SegmentKind.AwardsCeremony, "Medals", TimeSpan.FromMinutes(30), AwardName: "Medal"));
        _state = ShowState.Initial;
    }

    [Test]
    public void BeforeTheShow_NothingPlaysNothingIsRecorded_CrewMayTalk()
    {
        var desired = MediaPlan.Desired(_state, _program);
        Assert.That(desired, Is.EqualTo(DesiredMedia.Idle));
        Assert.That(MediaPlan.RightsOf(Host, desired), Is.EqualTo(PublishRights.Everything));
        Assert.That(MediaPlan.RightsOf(Chairman, desired), Is.EqualTo(PublishRights.DataOnly));
    }

    [Test]
    public void Anthem_LocksEveryoneIncludingCrew_AndPlaysTheRecordingFromItsStart()
    {
        Do(new StartShow(_state.Revision), 0);
        var desired = MediaPlan.Desired(_state, _program);

        Assert.That(desired.Locked, Is.True);
        Assert.That(desired.Recording, Is.True);
        Assert.That(desired.Playout!.Url, Is.EqualTo(new Uri("https://media.example.org/anthem.mp4")));
        Assert.That(desired.Playout.StartedAt, Is.EqualTo(Start));
        Assert.That(new[] { Host, Chairman, Attendee }.Select(m => MediaPlan.RightsOf(m, desired)), Has.All.EqualTo(PublishRights.DataOnly));
    }

    [Test]
    public void AfterTheMinuteOfSilence_TheRoomIsUnlocked()
    {
        Do(new StartShow(_state.Revision), 0);
        Do(new NextSegment(_state.Revision), 120);
        Assert.That(MediaPlan.Desired(_state, _program).Locked, Is.True);

        Do(new NextSegment(_state.Revision), 180);
        var desired = MediaPlan.Desired(_state, _program);
        Assert.That(desired.Locked, Is.False);
        Assert.That(MediaPlan.RightsOf(Host, desired), Is.EqualTo(PublishRights.Everything));
    }

    [Test]
    public void Speech_GivesTheFloorToItsSpeakerOnly()
    {
        Do(new StartShow(_state.Revision), 0);
        Do(new GoToSegment(_state.Revision, _program.Segments[2].Id), 10);
        var desired = MediaPlan.Desired(_state, _program, speakerIdentity: ChairmanId.ToString());

        Assert.That(desired.OnStage!.Name, Is.EqualTo("Fuad Muradov"));
        Assert.That(desired.OnStageIdentity, Is.EqualTo(ChairmanId.ToString()));
        Assert.That(desired.Playout, Is.Null);
        Assert.That(MediaPlan.RightsOf(Chairman, desired), Is.EqualTo(PublishRights.Everything));
        Assert.That(MediaPlan.RightsOf(Attendee, desired), Is.EqualTo(PublishRights.DataOnly));
    }

    [Test]
    public void Speech_MatchesTheSpeakerByParticipantId_NeverByTheNameShownInTheCall()
    {
        Do(new StartShow(_state.Revision), 0);
        Do(new GoToSegment(_state.Revision, _program.Segments[2].Id), 10);
        var namesake = new MediaMember(Guid.NewGuid().ToString(), "Fuad Muradov", "AZ", IsCrew: false);

        Assert.That(MediaPlan.RightsOf(namesake, MediaPlan.Desired(_state, _program, speakerIdentity: ChairmanId.ToString())), Is.EqualTo(PublishRights.DataOnly));
        Assert.That(MediaPlan.RightsOf(Chairman with { DisplayName = "F. Muradov" }, MediaPlan.Desired(_state, _program, speakerIdentity: ChairmanId.ToString())),
            Is.EqualTo(PublishRights.Everything), "a different name in the call does not take the floor away");
        Assert.That(MediaPlan.RightsOf(Chairman, MediaPlan.Desired(_state, _program)), Is.EqualTo(PublishRights.DataOnly), "an unresolved speaker gives nobody the floor");
    }

    [Test]
    public void AfterTheSpeech_TheSpeakerLosesTheFloor()
    {
        Do(new StartShow(_state.Revision), 0);
        Do(new GoToSegment(_state.Revision, _program.Segments[2].Id), 10);
        Do(new NextSegment(_state.Revision), 900);

        Assert.That(MediaPlan.RightsOf(Chairman, MediaPlan.Desired(_state, _program, speakerIdentity: ChairmanId.ToString())), Is.EqualTo(PublishRights.DataOnly));
    }

    [Test]
    public void Playout_WhilePaused_StaysAtThePausePosition()
    {
        Do(new StartShow(_state.Revision), 0);
        Do(new PauseShow(_state.Revision), 30);
        var playout = MediaPlan.Desired(_state, _program).Playout!;

        Assert.That(playout.PositionAt(Start.AddSeconds(90)), Is.EqualTo(TimeSpan.FromSeconds(30)));
        Do(new ResumeShow(_state.Revision), 50);
        playout = MediaPlan.Desired(_state, _program).Playout!;
        Assert.That(playout.PositionAt(Start.AddSeconds(60)), Is.EqualTo(TimeSpan.FromSeconds(40)));
        Assert.That(playout.PositionAt(Start.AddHours(1)), Is.EqualTo(TimeSpan.FromSeconds(120)));
    }

    [Test]
    public void AfterTheShow_NothingIsRecorded()
    {
        Do(new StartShow(_state.Revision), 0);
        Do(new EndShow(_state.Revision), 60);
        Assert.That(MediaPlan.Desired(_state, _program), Is.EqualTo(DesiredMedia.Idle));
    }

    [Test]
    public void AwardsCeremony_GivesTheFloorToTheRecipientAtTheCue_ByParticipantId_AndNobodyPastTheList()
    {
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        var firstMember = new MediaMember(first.ToString(), "Same Name", "AZ", IsCrew: false);
        var secondMember = new MediaMember(second.ToString(), "Same Name", "AZ", IsCrew: false);
        Do(new StartShow(_state.Revision), 0);
        Do(new GoToSegment(_state.Revision, _program.Segments[3].Id), 10);

        var atFirst = MediaPlan.Desired(_state, _program, [first, second]);
        Assert.That(atFirst.OnStageIdentity, Is.EqualTo(first.ToString()));
        Assert.That((MediaPlan.RightsOf(firstMember, atFirst), MediaPlan.RightsOf(secondMember, atFirst)), Is.EqualTo((PublishRights.Everything, PublishRights.DataOnly)));
        Assert.That(MediaPlan.RightsOf(Attendee, atFirst), Is.EqualTo(PublishRights.DataOnly));

        Do(new AdvanceCue(_state.Revision), 60);
        var atSecond = MediaPlan.Desired(_state, _program, [first, second]);
        Assert.That((MediaPlan.RightsOf(firstMember, atSecond), MediaPlan.RightsOf(secondMember, atSecond)), Is.EqualTo((PublishRights.DataOnly, PublishRights.Everything)));

        Do(new AdvanceCue(_state.Revision), 120);
        Assert.That(MediaPlan.Desired(_state, _program, [first, second]).OnStageIdentity, Is.Null);
        Assert.That(MediaPlan.Desired(_state, _program).OnStageIdentity, Is.Null, "without an award list nobody is called");
    }

    [Test]
    public void CallUp_OutsideAnAwardsCeremony_GivesNobodyTheFloor()
    {
        var id = Guid.NewGuid();
        Do(new StartShow(_state.Revision), 0);
        Do(new GoToSegment(_state.Revision, _program.Segments[2].Id), 10);

        var desired = MediaPlan.Desired(_state, _program, [id]);

        Assert.That(desired.OnStageIdentity, Is.Null);
        Assert.That(MediaPlan.RightsOf(new MediaMember(id.ToString(), "Someone", "AZ", IsCrew: false), desired), Is.EqualTo(PublishRights.DataOnly));
    }

    private void Add(SegmentDraft draft) => _program.AddSegment(_program.Revision, Guid.NewGuid(), draft);

    private void Do(ShowCommand command, double seconds)
    {
        foreach (var @event in RunOfShow.Decide(_state, command, ShowProgram.From(_program), Start.AddSeconds(seconds)))
        {
            _state = RunOfShow.Apply(_state, @event);
        }
    }
}
