using System.Text;
using Conference.Server.Features.Timeline;

namespace Conference.Server.Tests.Hosting;

public class CalendarFormatTests
{
    [Test]
    public void Fold_LongLineOfMultiByteText_SplitsAtMost75OctetsWithoutBreakingCharacters()
    {
        var line = "SUMMARY:" + string.Concat(Enumerable.Repeat("Azərbaycan Respublikasının Dövlət Himni ", 5));
        var folded = ExportCalendarHandler.Fold(line);
        var physical = folded.Split("\r\n");

        Assert.That(physical, Has.Length.GreaterThan(1));
        Assert.That(physical.Select(l => Encoding.UTF8.GetByteCount(l)), Has.All.LessThanOrEqualTo(75));
        Assert.That(physical.Skip(1), Has.All.StartsWith(" "));
        Assert.That(string.Concat(physical.Select((l, i) => i == 0 ? l : l[1..])), Is.EqualTo(line));
    }

    [Test]
    public void Escape_TextValueSpecials_AreEscaped()
    {
        Assert.That(ExportCalendarHandler.Escape("a\\b;c,d\ne"), Is.EqualTo(@"a\\b\;c\,d\ne"));
    }
}
