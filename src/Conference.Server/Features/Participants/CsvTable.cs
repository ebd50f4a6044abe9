using System.Text;

namespace Conference.Server.Features.Participants;

/// <summary>One data row of a CSV file, with the file line it starts on (the header is line 1).</summary>
public sealed record CsvRow(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// Reads CSV as spreadsheets export it (RFC 4180): quoted fields with commas, quotes and line
/// breaks inside, CRLF or LF, a UTF-8 byte order mark. Spreadsheets in locales with a decimal
/// comma export with semicolons, so a header without commas but with semicolons switches to them.
/// </summary>
public static class CsvTable
{
    public static (IReadOnlyList<string> Header, IReadOnlyList<CsvRow> Rows) Parse(string text)
    {
        text = text.TrimStart('\uFEFF');
        var firstLine = text.Split('\n', 2)[0];
        var separator = !firstLine.Contains(',') && firstLine.Contains(';') ? ';' : ',';

        var records = new List<CsvRow>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                Add(records, recordLine, fields);
                fields = [];
                line++;
                recordLine = line;
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        Add(records, recordLine, fields);
        if (records.Count == 0)
        {
            return ([], []);
        }

        return (records[0].Fields, records.Skip(1).ToList());
    }

    /// <summary>Blank lines (a trailing newline, an empty spreadsheet row) are not rows.</summary>
    private static void Add(List<CsvRow> records, int line, List<string> fields)
    {
        if (fields.Any(f => !string.IsNullOrWhiteSpace(f)))
        {
            records.Add(new CsvRow(line, [.. fields.Select(f => f.Trim())]));
        }
    }
}
