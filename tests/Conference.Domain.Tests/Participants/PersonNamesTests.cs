using Conference.Domain.Participants;

namespace Conference.Domain.Tests.Participants;

public class PersonNamesTests
{
    [TestCase("İlqar Əliyev", "Ilqar Əliyev")]
    [TestCase("ılqar əliyev", "ILQAR ƏLIYEV")]
    [TestCase("Ａｌｉ Ａｌｉｙｅｖ", "Ali Aliyev")]
    [TestCase("Ali\u200B Ali\u200Dyev", "Ali Aliyev")]
    [TestCase("Ali \u200B Aliyev", "Ali Aliyev")]
    [TestCase("Mu\u0308ller", "Müller")]
    [TestCase("\uFEFFAli Aliyev", "ali aliyev")]
    public void Fold_OfTwoSpellingsOfOneName_IsTheSame(string one, string other)
    {
        Assert.That(PersonNames.Fold(one), Is.EqualTo(PersonNames.Fold(other)));
    }

    [TestCase("Ali Aliyev", "Əli Aliyev")]
    [TestCase("Ali Aliyev", "Ali Aliyeva")]
    public void Fold_OfDifferentNames_Differs(string one, string other)
    {
        Assert.That(PersonNames.Fold(one), Is.Not.EqualTo(PersonNames.Fold(other)));
    }

    [Test]
    public void Normalize_StoresNfc_SoADecomposedUmlautIsThePrecomposedOne()
    {
        Assert.That(PersonNames.Normalize("  Jürgen   Mu\u0308ller "), Is.EqualTo("Jürgen Müller"));
        Assert.That(PersonNames.Normalize("Mu\u0308ller"), Has.Length.EqualTo(6));
    }

    // Built at run time: an attribute argument cannot carry a lone surrogate (it is stored as UTF-8).
    private static readonly string[] NotText = ["Ali\uFFFE", "Ali\uFFFF", "Ali\uFDD0", "Ali" + (char)0xD800, (char)0xDC00 + "Ali", "Ali\u0007"];

    [TestCaseSource(nameof(NotText))]
    public void NotText_IsNotWellFormed_AndIsRefusedAsARuleNotACrash(string name)
    {
        Assert.That(PersonNames.IsWellFormed(name), Is.False);
        Assert.That(() => PersonNames.Fold(name), Throws.TypeOf<ProgramRuleException>());
        Assert.That(
            () => Participant.Create(Guid.NewGuid(), Guid.NewGuid(), new ParticipantProfile(name, "AZ", "az", null, ParticipantRoles.Attendee), ParticipantOrigin.Roster, DateTimeOffset.UnixEpoch),
            Throws.TypeOf<ProgramRuleException>());
    }

    [TestCase("Ali 😀 Aliyev")]
    [TestCase("Ağamalı Əliyev")]
    [TestCase("Иван Петров")]
    [TestCase("王小明")]
    public void RealNames_AreWellFormed(string name)
    {
        Assert.That(PersonNames.IsWellFormed(name), Is.True);
    }
}
