using Conference.Domain.Awards;
using Conference.Domain.Programs;

namespace Conference.Domain.Tests.Awards;

public class AwardTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 31, 11, 0, 0, TimeSpan.Zero);

    [Test]
    public void Create_ForASpeech_IsRefused_AndTheNameDefaultsToTheSegments()
    {
        var program = ConferenceProgram.Create(Guid.NewGuid(), new ConferenceDetails("Ceremony", null, Start, "Asia/Baku", ["az"]));
        var speech = program.AddSegment(1, Guid.NewGuid(), new SegmentDraft(SegmentKind.Speech, "Address", TimeSpan.FromMinutes(5), Speaker: new Speaker("A", null, "AZ")));
        var ceremony = program.AddSegment(2, Guid.NewGuid(), new SegmentDraft(SegmentKind.AwardsCeremony, "Medals", TimeSpan.FromMinutes(5), AwardName: "Medal of Honour"));

        Assert.That(() => Award.Create(Guid.NewGuid(), program.Id, speech, null, null), Throws.TypeOf<ProgramRuleException>());
        Assert.That(Award.Create(Guid.NewGuid(), program.Id, ceremony, " ", null).Name, Is.EqualTo("Medal of Honour"));
    }

    [Test]
    public void Import_UpdatesThoseListed_KeepsTheirPlace_AndAppendsNewOnes()
    {
        var award = NewAward();
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        award.Import(1, [Draft(a, "Zaur", "AZ"), Draft(b, "Ayla", "TR")]);

        var result = award.Import(2, [Draft(b, "Ayla", "TR", "New citation"), Draft(a, "Zaur", "AZ"), Draft(c, "Mark", "DE")]);

        Assert.That(result, Is.EqualTo(new RecipientImportResult(1, 1, 1)));
        Assert.That(award.Recipients.Select(r => r.Name), Is.EqualTo(new[] { "Zaur", "Ayla", "Mark" }));
        Assert.That(award.Revision, Is.EqualTo(3));
        Assert.That(() => award.Import(3, [Draft(a, "Zaur", "AZ"), Draft(a, "Zaur", "AZ")]), Throws.TypeOf<ProgramRuleException>());
        Assert.That(() => award.Import(2, []), Throws.TypeOf<RevisionConflictException>());
    }

    [Test]
    public void GenerateOrder_ByCountryThenName_IgnoresCase_AndAsImportedRestoresTheFileOrder()
    {
        var award = NewAward();
        award.Import(1, [Draft(Guid.NewGuid(), "zeynep", "TR"), Draft(Guid.NewGuid(), "Ali", "TR"), Draft(Guid.NewGuid(), "Mark", "DE")]);

        award.GenerateOrder(2, CallUpOrder.ByCountryThenName);
        Assert.That(award.Recipients.Select(r => r.Name), Is.EqualTo(new[] { "Mark", "Ali", "zeynep" }));
        Assert.That(award.AtCue(1)!.Name, Is.EqualTo("Ali"));
        Assert.That(award.AtCue(3), Is.Null);

        award.GenerateOrder(3, CallUpOrder.AsImported);
        Assert.That(award.Recipients.Select(r => r.Name), Is.EqualTo(new[] { "zeynep", "Ali", "Mark" }));
    }

    [Test]
    public void Tally_TakesEachRecipientsLatestMark_AndCountsADeferralThenPresentation()
    {
        var award = NewAward();
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        award.Import(1, [Draft(a, "A", "AZ"), Draft(b, "B", "AZ"), Draft(c, "C", "TR")]);
        AwardMark[] marks =
        [
            AwardMark.Record(Guid.NewGuid(), award, a, AwardOutcome.Deferred, 5, Start),
            AwardMark.Record(Guid.NewGuid(), award, b, AwardOutcome.Absent, 6, Start.AddSeconds(10)),
            AwardMark.Record(Guid.NewGuid(), award, a, AwardOutcome.Presented, 9, Start.AddSeconds(90)),
        ];

        var tally = AwardTally.Compute(award, marks.Reverse());

        Assert.That((tally.Recipients, tally.Countries, tally.Presented, tally.Absent, tally.Deferred, tally.NotMarked, tally.DeferredThenPresented, tally.CountriesPresented),
            Is.EqualTo((3, 2, 1, 1, 0, 1, 1, 1)));
        Assert.That(tally.ByCountry, Is.EqualTo(new[] { new CountryTally("AZ", 2, 1, 1, 0, 0), new CountryTally("TR", 1, 0, 0, 0, 1) }));
        Assert.That(() => AwardMark.Record(Guid.NewGuid(), award, Guid.NewGuid(), AwardOutcome.Presented, 1, Start), Throws.TypeOf<NotFoundException>());
    }

    private static Award NewAward()
    {
        var program = ConferenceProgram.Create(Guid.NewGuid(), new ConferenceDetails("Ceremony", null, Start, "Asia/Baku", ["az"]));
        var ceremony = program.AddSegment(1, Guid.NewGuid(), new SegmentDraft(SegmentKind.AwardsCeremony, "Medals", TimeSpan.FromMinutes(5), AwardName: "Medal"));
        return Award.Create(Guid.NewGuid(), program.Id, ceremony, null, null);
    }

    private static RecipientDraft Draft(Guid id, string name, string country, string? citation = null) => new(id, name, country, citation, null);
}
