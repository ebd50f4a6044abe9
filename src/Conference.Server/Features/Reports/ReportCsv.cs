using System.Globalization;
using System.Text;
using Conference.Domain.Reports;

namespace Conference.Server.Features.Reports;

/// <summary>
/// The report as CSV files for spreadsheets, one per table. Text that a spreadsheet would run as a
/// formula (starting with =, +, -, @) is prefixed with an apostrophe, so a name cannot become a formula.
/// </summary>
public static class ReportCsv
{
    public static readonly IReadOnlyDictionary<string, Func<PostEventReport, string>> Files =
        new Dictionary<string, Func<PostEventReport, string>>(StringComparer.Ordinal)
    {
        ["program.csv"] = Program,
        ["attendance-by-country.csv"] = r => Table(["country", "participants"], r.Attendance.ByCountry.Select(c => Row(c.Country, c.Participants))),
        ["attendance-by-role.csv"] = r => Table(["role", "participants"], r.Attendance.ByRole.Select(c => Row(c.Role, c.Participants))),
        ["attendance-per-minute.csv"] = r => Table(
            ["minute", "arrivals", "departures", "presentAtEnd"], r.Attendance.PerMinute.Select(m => Row(m.Minute, m.Arrivals, m.Departures, m.PresentAtEnd))),
        ["attendance-stays.csv"] = r => Table(
            ["stayed", "fromMinutes", "toMinutes", "participants"],
            r.Attendance.Stayed.Buckets.Select(b => Row(b.Label, b.FromMinutes, b.ToMinutes, b.Participants))),
        ["awards.csv"] = r => Table(
            ["award", "position", "name", "country", "citation", "outcome", "markedAt", "wasDeferred"],
            r.Awards.Items.SelectMany(a => a.Tally.Standings.Select(s => Row(
                a.Name, s.Position + 1, s.Name, s.Country, s.Citation, s.Outcome is { } outcome ? Name(outcome) : null, s.MarkedAt, s.WasDeferred)))),
        ["awards-by-country.csv"] = r => Table(
            ["country", "recipients", "presented", "absent", "deferred", "notMarked"],
            r.Awards.ByCountry.Select(c => Row(c.Country, c.Recipients, c.Presented, c.Absent, c.Deferred, c.NotMarked))),
        ["media-incidents.csv"] = r => Table(["from", "to", "seconds", "error"], r.Media.Items.Select(i => Row(i.From, i.To, i.Seconds, i.Error))),
    };

    private static string Program(PostEventReport r) => Table(
        ["position", "title", "kind", "progress", "plannedStart", "plannedEnd", "plannedSeconds", "expectedStart", "expectedEnd",
            "actualStart", "actualEnd", "actualSeconds", "overUnderSeconds", "runs"],
        r.Program.Segments.Select(s => Row(
            s.Position + 1, s.Title, Name(s.Kind), Name(s.Progress), s.PlannedStart, s.PlannedEnd, s.PlannedSeconds, s.ExpectedStart, s.ExpectedEnd,
            s.ActualStart, s.ActualEnd, s.ActualSeconds, s.OverUnderSeconds, s.Runs.Count)));

    private static object?[] Row(params object?[] cells) => cells;

    /// <summary>An enum as the JSON API spells it (camelCase), so a spreadsheet and the API say the same.</summary>
    private static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static string Table(string[] header, IEnumerable<object?[]> rows)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', header).Append("\r\n");
        foreach (var row in rows)
        {
            text.AppendJoin(',', row.Select(Cell)).Append("\r\n");
        }

        return text.ToString();
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        DateTimeOffset instant => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        int number => number.ToString(CultureInfo.InvariantCulture),
        string text => Quote(text),
        _ => Quote(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    private static string Quote(string text)
    {
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }
}
