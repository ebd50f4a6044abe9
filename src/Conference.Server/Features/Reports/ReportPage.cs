using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Conference.Domain.Reports;

namespace Conference.Server.Features.Reports;

/// <summary>
/// The report as one printable HTML page with charts drawn here as inline SVG. It runs under the service's
/// content security policy (<c>script-src 'self'; style-src 'self'</c>, see SecurityHeaders): no script at all,
/// no style attribute or element (the stylesheet is <see cref="StylesheetPath"/>), and every text from the
/// records HTML-encoded.
/// </summary>
public static class ReportPage
{
    public const string StylesheetPath = "/assets/report.css";

    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public static string Render(PostEventReport report, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(zone);
        string At(DateTimeOffset? instant) =>
            instant is { } i ? TimeZoneInfo.ConvertTime(i, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "—";
        var p = report.Program;
        var a = report.Attendance;
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
            .Append($"<title>Report: {E(report.Title)}</title><link rel=\"stylesheet\" href=\"{StylesheetPath}\"></head><body><main>")
            .Append($"<h1>{E(report.Title)}</h1><p class=\"meta\">Post-event report, generated {E(At(report.GeneratedAt))} ({E(report.TimeZone)})")
            .Append(report.LiveFrom is { } from ? $"; counting from the last reset at {E(At(from))}" : "").Append(".</p>");

        page.Append("<section><h2>In figures</h2><ul class=\"figures\">")
            .Append(Figure(a.UniqueParticipants, "participants")).Append(Figure(a.Countries, "countries")).Append(Figure(a.PeakConcurrent, "at the peak"))
            .Append(Figure(report.Awards.Recipients, "recipients")).Append(Figure(report.Awards.Countries, "recipients' countries"))
            .Append(Figure(report.Media.Incidents, "media incidents")).Append("</ul>")
            .Append($"<p>{E(report.Awards.Summary)}</p></section>");

        page.Append("<section><h2>Program</h2>")
            .Append($"<p>Planned {E(At(p.PlannedStart))} to {E(At(p.PlannedEnd))}; ran {E(At(p.ActualStart))} to {E(At(p.ActualEnd))}. ")
            .Append($"Over/under: {E(Signed(p.OverUnderSeconds))}; end {E(Signed(p.EndDelaySeconds))} against plan.</p>")
            .Append("<table><thead><tr><th>#</th><th>Segment</th><th>Planned</th><th>Expected</th><th>Actual</th>")
            .Append("<th>Runs</th><th>On air</th><th>Over/under</th></tr></thead><tbody>");
        foreach (var s in p.Segments)
        {
            page.Append($"<tr><td>{s.Position + 1}</td><td>{E(s.Title)}</td><td>{E(At(s.PlannedStart))}–{E(At(s.PlannedEnd))}</td>")
                .Append($"<td>{E(At(s.ExpectedStart))}–{E(At(s.ExpectedEnd))}</td><td>{E(At(s.ActualStart))}–{E(At(s.ActualEnd))}</td>")
                .Append($"<td>{s.Runs.Count}</td><td>{E(Duration(s.ActualSeconds))}</td><td>{E(Signed(s.OverUnderSeconds))}</td></tr>");
        }

        page.Append("</tbody></table>")
            .Append(Bars(
                "Planned and actual minutes per segment",
                p.Segments.Select(s => (s.Title, s.PlannedSeconds / 60.0, (s.ActualSeconds ?? 0) / 60.0)).ToList()))
            .Append("</section>");

        page.Append("<section><h2>Attendance</h2>")
            .Append($"<p>{a.UniqueParticipants} people from {a.Countries} countries ({a.Stays} connections); at most {a.PeakConcurrent} at once")
            .Append(a.PeakAt is { } peak ? $", at {E(At(peak))}" : "")
            .Append($". Median stay {E(Duration(a.Stayed.MedianSeconds))}, average {E(Duration(a.Stayed.AverageSeconds))}.</p>")
            .Append(Columns("Present at the end of each minute", a.PerMinute.Select(m => (double)m.PresentAtEnd).ToList()))
            .Append(Bars("Participants by country", a.ByCountry.Select(c => (c.Country, (double)c.Participants, -1.0)).ToList()))
            .Append(Bars("Participants by role", a.ByRole.Select(r => (r.Role, (double)r.Participants, -1.0)).ToList()))
            .Append(Bars("How long people stayed", a.Stayed.Buckets.Select(b => (b.Label, (double)b.Participants, -1.0)).ToList()))
            .Append("</section>");

        page.Append("<section><h2>Awards</h2>");
        foreach (var award in report.Awards.Items)
        {
            var t = award.Tally;
            page.Append($"<h3>{E(award.Name)}</h3><p>{t.Recipients} recipients from {t.Countries} countries: {t.Presented} presented, {t.Absent} absent, ")
                .Append($"{t.Deferred} deferred, {t.NotMarked} not marked ({t.DeferredThenPresented} presented after a deferral).</p>")
                .Append("<table><thead><tr><th>#</th><th>Name</th><th>Country</th><th>Citation</th><th>Outcome</th></tr></thead><tbody>");
            foreach (var s in t.Standings)
            {
                page.Append($"<tr><td>{s.Position + 1}</td><td>{E(s.Name)}</td><td>{E(s.Country)}</td><td>{E(s.Citation ?? "")}</td>")
                    .Append($"<td>{E(s.Outcome?.ToString().ToLowerInvariant() ?? "not marked")}{(s.WasDeferred ? " (deferred before)" : "")}</td></tr>");
            }

            page.Append("</tbody></table>");
        }

        page.Append(Bars("Recipients by country", report.Awards.ByCountry.Select(c => (c.Country, (double)c.Recipients, (double)c.Presented)).ToList()))
            .Append("</section><section><h2>Appeals</h2>")
            .Append($"<p>{report.Appeals.Played} played, {report.Appeals.Skipped} skipped.</p>")
            .Append("<table><thead><tr><th>From</th><th>Country</th><th>Title</th><th>Started</th><th>Ended</th><th>Outcome</th></tr></thead><tbody>");
        foreach (var turn in report.Appeals.Turns)
        {
            var reason = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(turn.Reason.ToString());
            page.Append($"<tr><td>{E(turn.SenderName ?? turn.AppealId.ToString())}</td><td>{E(turn.Country ?? "")}</td><td>{E(turn.Title ?? "")}</td>")
                .Append($"<td>{E(At(turn.StartedAt))}</td><td>{E(At(turn.EndedAt))}</td>")
                .Append($"<td>{(turn.Played ? "played" : "skipped")} ({E(reason)})</td></tr>");
        }

        page.Append("</tbody></table>")
            .Append(Bars("Appeals by country", report.Appeals.ByCountry.Select(c => (c.Country, (double)(c.Played + c.Skipped), (double)c.Played)).ToList()))
            .Append("</section>");

        page.Append("<section><h2>Media incidents</h2>")
            .Append($"<p>{report.Media.Incidents} incidents, degraded for {E(Duration(report.Media.DegradedSeconds))} in all.</p>")
            .Append("<table><thead><tr><th>From</th><th>To</th><th>Duration</th><th>Error</th></tr></thead><tbody>");
        foreach (var i in report.Media.Items)
        {
            page.Append($"<tr><td>{E(At(i.From))}</td><td>{E(i.To is null ? "still degraded" : At(i.To))}</td>")
                .Append($"<td>{E(Duration(i.Seconds))}</td><td>{E(i.Error ?? "")}</td></tr>");
        }

        page.Append("</tbody></table></section></main></body></html>");
        return page.ToString();
    }

    public const string Stylesheet = """
        body { font-family: system-ui, sans-serif; margin: 0; color: #1b1b1b; background: #fff; }
        main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
        h1 { margin-bottom: .25rem; } .meta { color: #555; }
        section { break-inside: avoid-page; margin-top: 2rem; }
        table { border-collapse: collapse; width: 100%; font-size: .9rem; }
        th, td { border-bottom: 1px solid #ddd; padding: .3rem .4rem; text-align: left; vertical-align: top; }
        .figures { display: flex; flex-wrap: wrap; gap: 1rem; list-style: none; padding: 0; }
        .figures li { border: 1px solid #ddd; border-radius: .4rem; padding: .6rem 1rem; }
        .figures strong { display: block; font-size: 1.6rem; }
        figure { margin: 1rem 0; } figcaption { font-weight: 600; margin-bottom: .3rem; }
        svg { width: 100%; height: auto; } svg text { font-size: 11px; fill: #1b1b1b; }
        .bar { fill: #2f6db3; } .bar2 { fill: #e0a526; } .axis { stroke: #999; }
        @media print { main { max-width: none; padding: 0; } a { color: inherit; } }
        """;

    private static string E(string text) => Html.Encode(text);

    private static string Figure(int value, string label) => $"<li><strong>{value}</strong>{E(label)}</li>";

    private static string Signed(int? seconds) => seconds is { } s ? (s > 0 ? "+" : s < 0 ? "−" : "") + Duration(Math.Abs(s)) : "—";

    private static string Duration(int? seconds) =>
        seconds is not { } s ? "—" : s >= 3600 ? $"{s / 3600} h {s % 3600 / 60:00} min" : s >= 60 ? $"{s / 60} min {s % 60:00} s" : $"{s} s";

    /// <summary>Horizontal bars, one row per label; a second (narrower) bar when the row has a second value (≥ 0).</summary>
    private static string Bars(string caption, IReadOnlyList<(string Label, double Value, double Second)> rows)
    {
        if (rows.Count == 0)
        {
            return "";
        }

        const int Row = 18, Left = 170, Width = 600;
        var max = Math.Max(1, rows.Max(r => Math.Max(r.Value, r.Second)));
        var svg = new StringBuilder($"<figure><figcaption>{E(caption)}</figcaption><svg xmlns=\"http://www.w3.org/2000/svg\" ")
            .Append($"viewBox=\"0 0 {Left + Width + 60} {(rows.Count * Row) + 4}\" role=\"img\" aria-label=\"{E(caption)}\">");
        for (var i = 0; i < rows.Count; i++)
        {
            var (label, value, second) = rows[i];
            var y = (i * Row) + 2;
            var length = Number(value / max * Width);
            svg.Append($"<text x=\"{Left - 6}\" y=\"{y + 12}\" text-anchor=\"end\">{E(label.Length > 28 ? label[..27] + "…" : label)}</text>")
                .Append($"<rect class=\"bar\" fill=\"#2f6db3\" x=\"{Left}\" y=\"{y}\" width=\"{length}\" height=\"{(second >= 0 ? 8 : 14)}\"/>");
            if (second >= 0)
            {
                svg.Append($"<rect class=\"bar2\" fill=\"#e0a526\" x=\"{Left}\" y=\"{y + 8}\" width=\"{Number(second / max * Width)}\" height=\"6\"/>");
            }

            svg.Append($"<text x=\"{Left + Number(Math.Max(value, second) / max * Width) + 4}\" y=\"{y + 12}\">")
                .Append($"{E(Number(value))}{(second >= 0 ? " / " + E(Number(second)) : "")}</text>");
        }

        return svg.Append("</svg></figure>").ToString();
    }

    /// <summary>Vertical columns over time, one per minute.</summary>
    private static string Columns(string caption, IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return "";
        }

        const int Height = 160, Width = 760;
        var max = Math.Max(1, values.Max());
        var step = (double)Width / values.Count;
        var svg = new StringBuilder($"<figure><figcaption>{E(caption)} (most: {E(Number(max))})</figcaption>")
            .Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height + 2}\" role=\"img\" aria-label=\"{E(caption)}\">");
        for (var i = 0; i < values.Count; i++)
        {
            var h = values[i] / max * Height;
            svg.Append($"<rect class=\"bar\" fill=\"#2f6db3\" x=\"{Number(i * step)}\" y=\"{Number(Height - h)}\" ")
                .Append($"width=\"{Number(Math.Max(step - 1, 0.5))}\" height=\"{Number(h)}\"/>");
        }

        return svg.Append($"<line class=\"axis\" stroke=\"#999\" x1=\"0\" y1=\"{Height}\" x2=\"{Width}\" y2=\"{Height}\"/></svg></figure>").ToString();
    }

    private static string Number(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
