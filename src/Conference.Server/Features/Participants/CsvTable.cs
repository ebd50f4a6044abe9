using CsvHelper;

namespace Conference.Server.Features.Participants;

/// <summary>One data row of a CSV file, with the file line it starts on (the header is line 1).</summary>
public sealed record CsvRow(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// Reads CSV as spreadsheets export it (RFC 4180, by CsvHelper): quoted fields with commas, quotes and line breaks
/// inside, CRLF or LF, a UTF-8 byte order mark. Spreadsheets in locales with a decimal comma export with semicolons,
/// so a header without commas but with semicolons switches to them (CsvHelper's own guess also weighs tabs and bars,
/// which a roster's free text may hold).
/// </summary>
public static class CsvTable
{
    public static (IReadOnlyList<string> Header, IReadOnlyList<CsvRow> Rows) Parse(string text)
    {
        text = text.TrimStart('\uFEFF');
        var firstLine = text.Split('\n', 2)[0];
        var options = new CsvReaderOptions
        {
            Separator = !firstLine.Contains(',') && firstLine.Contains(';') ? ';' : ',',
            TrackLineNumbers = true,
        };

        using var csv = CsvReader.FromText(text, options);
        var header = csv.Headers.Select(h => h.Trim()).ToList();
        var rows = new List<CsvRow>();
        while (csv.Read())
        {
            var fields = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i).Trim()).ToList();

            // An empty spreadsheet row (separators only) is not a row.
            if (fields.Exists(f => f.Length > 0))
            {
                rows.Add(new CsvRow((int)csv.LineNumber, fields));
            }
        }

        return (header, rows);
    }
}
