using Conference.Domain.Programs;

namespace Conference.Domain.Tests.Programs;

public class ConferenceProgramTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 31, 11, 0, 0, TimeSpan.Zero);

    private static ConferenceProgram NewProgram() =>
        ConferenceProgram.Create(Guid.NewGuid(), new ConferenceDetails("Solidarity Day", null, Start, "Asia/Baku", ["az", "en"]));

    private static SegmentDraft Speech(string title, int minutes = 10) =>
        new(SegmentKind.Speech, title, TimeSpan.FromMinutes(minutes), Speaker: new Speaker("Aysel", null, "AZ"));

    [Test]
    public void Create_StartsAtRevisionOne_WithNoSegments()
    {
        var program = NewProgram();
        Assert.That(program.Revision, Is.EqualTo(1));
        Assert.That(program.Segments, Is.Empty);
    }

    [Test]
    public void AddSegment_MinuteOfSilence_DefaultsToSixtySecondsAutoAdvanceAndMuted()
    {
        var program = NewProgram();
        var segment = program.AddSegment(1, Guid.NewGuid(), new SegmentDraft(SegmentKind.MinuteOfSilence, "Silence"));

        Assert.That(segment.PlannedDuration, Is.EqualTo(TimeSpan.FromSeconds(60)));
        Assert.That(segment.EndMode, Is.EqualTo(EndMode.AutoAdvance));
        Assert.That(segment.AudienceMuted, Is.True);
        Assert.That(program.Revision, Is.EqualTo(2));
    }

    [Test]
    public void AddSegment_AnthemWithRecording_TakesItsDurationMutesAndAutoAdvances()
    {
        var program = NewProgram();
        var anthem = program.AddSegment(1, Guid.NewGuid(), new SegmentDraft(
            SegmentKind.Anthem, "Anthem", Media: new MediaAsset(new Uri("https://example.org/a.mp4"), TimeSpan.FromSeconds(125))));

        Assert.That(anthem.PlannedDuration, Is.EqualTo(TimeSpan.FromSeconds(125)));
        Assert.That(anthem.AudienceMuted, Is.True);
        Assert.That(anthem.EndMode, Is.EqualTo(EndMode.AutoAdvance));
    }

    [Test]
    public void AddSegment_Speech_IsNotMutedAndEndedByHost()
    {
        var speech = NewProgram().AddSegment(1, Guid.NewGuid(), Speech("Address"));
        Assert.That(speech.AudienceMuted, Is.False);
        Assert.That(speech.EndMode, Is.EqualTo(EndMode.Manual));
    }

    [Test]
    public void AddSegment_ExplicitChoices_OverrideKindDefaults()
    {
        var silence = NewProgram().AddSegment(1, Guid.NewGuid(), new SegmentDraft(
            SegmentKind.MinuteOfSilence, "Silence", TimeSpan.FromSeconds(90), EndMode: EndMode.Manual, AudienceMuted: false));
        Assert.That(silence.PlannedDuration, Is.EqualTo(TimeSpan.FromSeconds(90)));
        Assert.That(silence.EndMode, Is.EqualTo(EndMode.Manual));
        Assert.That(silence.AudienceMuted, Is.False);
    }

    [TestCase(SegmentKind.Speech, "speaker", 60)]
    [TestCase(SegmentKind.AwardsCeremony, "awardName", 60)]
    [TestCase(SegmentKind.VideoScreening, "media", 60)]
    [TestCase(SegmentKind.Custom, "durationSeconds", null)]
    public void AddSegment_WithoutTheDetailsOfItsKind_IsRefusedNamingTheField(SegmentKind kind, string field, int? seconds)
    {
        var program = NewProgram();
        var duration = seconds is null ? (TimeSpan?)null : TimeSpan.FromSeconds(seconds.Value);
        var error = Assert.Throws<ProgramRuleException>(() => program.AddSegment(1, Guid.NewGuid(), new SegmentDraft(kind, "X", duration)));
        Assert.That(error!.Errors.Keys, Does.Contain(field));
        Assert.That(program.Segments, Is.Empty);
        Assert.That(program.Revision, Is.EqualTo(1));
    }

    [Test]
    public void AddSegment_DetailsOfAnotherKind_AreRefused()
    {
        var program = NewProgram();
        var error = Assert.Throws<ProgramRuleException>(() => program.AddSegment(1, Guid.NewGuid(), new SegmentDraft(
            SegmentKind.MinuteOfSilence, "Silence", Speaker: new Speaker("A", null, "AZ"), AwardName: "Medal",
            Media: new MediaAsset(new Uri("https://example.org/x.mp4"), TimeSpan.FromSeconds(5)))));
        Assert.That(error!.Errors.Keys, Is.SupersetOf(new[] { "speaker", "awardName", "media" }));
    }

    [TestCase(0)]
    [TestCase(4 * 3600 + 1)]
    public void AddSegment_DurationOutsideOneSecondToFourHours_IsRefused(int seconds)
    {
        var program = NewProgram();
        Assert.Throws<ProgramRuleException>(() =>
            program.AddSegment(1, Guid.NewGuid(), new SegmentDraft(SegmentKind.Custom, "X", TimeSpan.FromSeconds(seconds))));
    }

    [Test]
    public void AddSegment_AtPosition_InsertsAndRenumbers()
    {
        var program = NewProgram();
        program.AddSegment(1, Guid.NewGuid(), Speech("A"));
        program.AddSegment(2, Guid.NewGuid(), Speech("C"));
        program.AddSegment(3, Guid.NewGuid(), Speech("B"), position: 1);

        Assert.That(program.Segments.Select(s => s.Title), Is.EqualTo(new[] { "A", "B", "C" }));
        Assert.That(program.Segments.Select(s => s.Position), Is.EqualTo(new[] { 0, 1, 2 }));
    }

    [Test]
    public void Edit_WithStaleRevision_IsAConflictNamingTheCurrentRevision()
    {
        var program = NewProgram();
        program.AddSegment(1, Guid.NewGuid(), Speech("A"));

        var conflict = Assert.Throws<RevisionConflictException>(() => program.AddSegment(1, Guid.NewGuid(), Speech("B")));
        Assert.That(conflict!.CurrentRevision, Is.EqualTo(2));
        Assert.That(program.Segments, Has.Count.EqualTo(1));
    }

    [Test]
    public void FixedStart_BeforeTheEndOfWhatComesBefore_IsRefusedAndNothingChanges()
    {
        var program = NewProgram();
        program.AddSegment(1, Guid.NewGuid(), Speech("Long", 60));

        var overlapping = Speech("Awards") with { FixedStart = Start.AddMinutes(30) };
        var error = Assert.Throws<ProgramRuleException>(() => program.AddSegment(2, Guid.NewGuid(), overlapping));

        Assert.That(error!.Errors.Keys, Does.Contain("fixedStart"));
        Assert.That(program.Segments, Has.Count.EqualTo(1));
        Assert.That(program.Revision, Is.EqualTo(2));
    }

    [Test]
    public void FixedStart_AfterThePreviousEnd_LeavesAGapInThePlan()
    {
        var program = NewProgram();
        program.AddSegment(1, Guid.NewGuid(), Speech("First", 10));
        program.AddSegment(2, Guid.NewGuid(), Speech("At noon") with { FixedStart = Start.AddHours(1) });

        var slots = program.PlannedSlots();
        Assert.That(slots[1].Start, Is.EqualTo(Start.AddHours(1)));
        Assert.That(slots[1].End, Is.EqualTo(Start.AddHours(1).AddMinutes(10)));
    }

    [Test]
    public void Reorder_ThatWouldPutAFixedSegmentBehindLongerOnes_IsRefusedAndOrderKept()
    {
        var program = NewProgram();
        var fixedId = Guid.NewGuid();
        var longId = Guid.NewGuid();
        program.AddSegment(1, fixedId, Speech("Fixed", 10) with { FixedStart = Start.AddMinutes(20) });
        program.AddSegment(2, longId, Speech("Long", 60));

        Assert.Throws<ProgramRuleException>(() => program.Reorder(3, [longId, fixedId]));
        Assert.That(program.Segments.Select(s => s.Id), Is.EqualTo(new[] { fixedId, longId }));
        Assert.That(program.Revision, Is.EqualTo(3));
    }

    [Test]
    public void Reorder_MustBeAnExactPermutation()
    {
        var program = NewProgram();
        var a = program.AddSegment(1, Guid.NewGuid(), Speech("A")).Id;
        var b = program.AddSegment(2, Guid.NewGuid(), Speech("B")).Id;

        Assert.Throws<ProgramRuleException>(() => program.Reorder(3, [a]));
        Assert.Throws<ProgramRuleException>(() => program.Reorder(3, [a, a]));
        Assert.Throws<ProgramRuleException>(() => program.Reorder(3, [a, Guid.NewGuid()]));
        program.Reorder(3, [b, a]);
        Assert.That(program.Segments.Select(s => s.Id), Is.EqualTo(new[] { b, a }));
    }

    [Test]
    public void UpdateSegment_BreakingARule_LeavesTheSegmentAsItWas()
    {
        var program = NewProgram();
        var id = program.AddSegment(1, Guid.NewGuid(), Speech("First", 10)).Id;
        program.AddSegment(2, Guid.NewGuid(), Speech("Fixed", 5) with { FixedStart = Start.AddMinutes(15) });

        Assert.Throws<ProgramRuleException>(() => program.UpdateSegment(3, id, Speech("First, longer", 30)));
        Assert.That(program.Find(id).Title, Is.EqualTo("First"));
        Assert.That(program.Find(id).PlannedDuration, Is.EqualTo(TimeSpan.FromMinutes(10)));
    }

    [Test]
    public void UpdateDetails_MovingTheStartPastAFixedSegment_IsRefused()
    {
        var program = NewProgram();
        program.AddSegment(1, Guid.NewGuid(), Speech("Fixed") with { FixedStart = Start.AddMinutes(5) });

        Assert.Throws<ProgramRuleException>(() => program.UpdateDetails(2, new ConferenceDetails("T", null, Start.AddHours(1), "Asia/Baku", ["az"])));
        Assert.That(program.ScheduledStart, Is.EqualTo(Start));
    }

    [Test]
    public void RemoveSegment_UnknownId_IsNotFound()
    {
        Assert.Throws<NotFoundException>(() => NewProgram().RemoveSegment(1, Guid.NewGuid()));
    }

    [Test]
    public void RemoveSegment_RenumbersTheRest()
    {
        var program = NewProgram();
        var a = program.AddSegment(1, Guid.NewGuid(), Speech("A")).Id;
        program.AddSegment(2, Guid.NewGuid(), Speech("B"));
        program.RemoveSegment(3, a);

        Assert.That(program.Segments.Single().Position, Is.EqualTo(0));
        Assert.That(program.Revision, Is.EqualTo(4));
    }

    [Test]
    public void PlannedSlots_FollowEachOtherFromTheScheduledStart()
    {
        var program = NewProgram();
        program.AddSegment(1, Guid.NewGuid(), new SegmentDraft(SegmentKind.MinuteOfSilence, "Silence"));
        program.AddSegment(2, Guid.NewGuid(), Speech("Address", 15));

        var slots = program.PlannedSlots();
        Assert.That(slots[0].Start, Is.EqualTo(Start));
        Assert.That(slots[1].Start, Is.EqualTo(Start.AddMinutes(1)));
        Assert.That(slots[1].End, Is.EqualTo(Start.AddMinutes(16)));
    }
}
