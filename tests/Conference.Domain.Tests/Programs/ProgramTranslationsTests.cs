using Conference.Domain.Programs;

namespace Conference.Domain.Tests.Programs;

public class ProgramTranslationsTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 31, 11, 0, 0, TimeSpan.Zero);

    [Test]
    public void Create_WithBlankTranslation_DropsItAndTrimsTheRest()
    {
        var program = ConferenceProgram.Create(Guid.NewGuid(), new ConferenceDetails(
            "Solidarity Day", null, Start, "Asia/Baku", ["en", "az", "ru"],
            new Dictionary<string, ConferenceTranslation> { ["az"] = new(" Həmrəylik Günü ", " "), ["ru"] = new("  ") }));

        Assert.That(program.Translations.Keys, Is.EqualTo(new[] { "az" }));
        Assert.That(program.Translations["az"], Is.EqualTo(new ConferenceTranslation("Həmrəylik Günü")));
    }

    [Test]
    public void AddSegment_WithOneLanguageTwiceInDifferentCase_IsARuleViolation()
    {
        var program = ConferenceProgram.Create(Guid.NewGuid(), new ConferenceDetails("Solidarity Day", null, Start, "Asia/Baku", ["en"]));
        var draft = new SegmentDraft(SegmentKind.MinuteOfSilence, "Silence", Translations: new Dictionary<string, SegmentTranslation>
        {
            ["pt-BR"] = new("Silêncio"),
            ["PT-br"] = new("Silêncio"),
        });

        var error = Assert.Throws<ProgramRuleException>(() => program.AddSegment(1, Guid.NewGuid(), draft));
        Assert.That(error!.Errors.Keys, Is.EqualTo(new[] { "translations" }));
        Assert.That(program.Segments, Is.Empty);
    }
}
