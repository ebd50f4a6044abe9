using Conference.Server.Features.Participants;

namespace Conference.Server.Tests.Participants;

public class CsvTableTests
{
    [Test]
    public void Parse_QuotedFieldsWithSeparatorsQuotesAndLineBreaks_KeepTheirTextAndTheLinesTheyStartOn()
    {
        var (header, rows) = CsvTable.Parse("name,notes\n\"Yilmaz, Kemal\",\"says \"\"hi\"\"\nand bye\"\nLeyla,\n");

        Assert.That(header, Is.EqualTo(new[] { "name", "notes" }));
        Assert.That(rows.Select(r => r.Fields), Is.EqualTo(new[] { new[] { "Yilmaz, Kemal", "says \"hi\"\nand bye" }, ["Leyla", ""] }));
        Assert.That(rows.Select(r => r.Line), Is.EqualTo(new[] { 2, 4 }));
    }

    [Test]
    public void Parse_SemicolonHeaderWithByteOrderMarkAndCrLf_SwitchesToSemicolonsAndSkipsEmptyRows()
    {
        var (header, rows) = CsvTable.Parse("\uFEFFname ; country\r\n Hans Müller ;DE\r\n\r\n;\r\nLeyla;AZ");

        Assert.That(header, Is.EqualTo(new[] { "name", "country" }));
        Assert.That(rows.Select(r => r.Fields), Is.EqualTo(new[] { new[] { "Hans Müller", "DE" }, ["Leyla", "AZ"] }));
        Assert.That(rows.Select(r => r.Line), Is.EqualTo(new[] { 2, 5 }));
    }

    [Test]
    public void Parse_EmptyText_HasNoHeaderAndNoRows()
    {
        var (header, rows) = CsvTable.Parse("");

        Assert.That(header, Is.Empty);
        Assert.That(rows, Is.Empty);
    }
}
