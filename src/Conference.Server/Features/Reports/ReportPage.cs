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

    // Letters of every script stay as they are (the page is UTF-8 in four languages); markup characters are still encoded.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static string Render(PostEventReport report, TimeZoneInfo zone, ReportTexts? texts = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(zone);
        var words = texts ?? ReportTexts.For("en");
        string Duration(int? seconds) => FormatDuration(seconds, words);
        string Signed(int? seconds) => seconds is { } s ? (s > 0 ? "+" : s < 0 ? "−" : "") + Duration(Math.Abs(s)) : "—";
        string At(DateTimeOffset? instant) =>
            instant is { } i ? TimeZoneInfo.ConvertTime(i, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "—";
        var p = report.Program;
        var a = report.Attendance;
        var page = new StringBuilder();
        page.Append($"<!DOCTYPE html><html lang=\"{words.Language}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
            .Append($"<title>{E(words.Format("title", report.Title))}</title><link rel=\"stylesheet\" href=\"{StylesheetPath}\"></head><body><main>")
            .Append($"<h1>{E(report.Title)}</h1><p class=\"meta\">{E(words.Format("generated", At(report.GeneratedAt), report.TimeZone))}")
            .Append(report.LiveFrom is { } from ? E(words.Format("countingFrom", At(from))) : "").Append(".</p>");

        page.Append($"<section><h2>{E(words["inFigures"])}</h2><ul class=\"figures\">")
            .Append(Figure(a.UniqueParticipants, words["fig.participants"])).Append(Figure(a.Countries, words["fig.countries"]))
            .Append(Figure(a.PeakConcurrent, words["fig.peak"])).Append(Figure(report.Awards.Recipients, words["fig.recipients"]))
            .Append(Figure(report.Awards.Countries, words["fig.recipientCountries"]))
            .Append(Figure(report.Media.Incidents, words["fig.incidents"])).Append("</ul>")
            .Append(AwardsLine(report.Awards, words)).Append("</section>");

        page.Append($"<section><h2>{E(words["program"])}</h2>")
            .Append($"<p>{E(words.Format("programRan", At(p.PlannedStart), At(p.PlannedEnd), At(p.ActualStart), At(p.ActualEnd)))} ")
            .Append($"{E(words.Format("programOverUnder", Signed(p.OverUnderSeconds), Signed(p.EndDelaySeconds)))}</p>")
            .Append(Head(words, "#", "col.segment", "col.planned", "col.expected", "col.actual", "col.runs", "col.onAir", "col.overUnder"));
        foreach (var s in p.Segments)
        {
            page.Append($"<tr><td>{s.Position + 1}</td><td>{E(s.Title)}</td><td>{E(At(s.PlannedStart))}–{E(At(s.PlannedEnd))}</td>")
                .Append($"<td>{E(At(s.ExpectedStart))}–{E(At(s.ExpectedEnd))}</td><td>{E(At(s.ActualStart))}–{E(At(s.ActualEnd))}</td>")
                .Append($"<td>{s.Runs.Count}</td><td>{E(Duration(s.ActualSeconds))}</td><td>{E(Signed(s.OverUnderSeconds))}</td></tr>");
        }

        page.Append("</tbody></table>")
            .Append(Bars(
                words["chart.minutes"],
                p.Segments.Select(s => (s.Title, s.PlannedSeconds / 60.0, (s.ActualSeconds ?? 0) / 60.0)).ToList()))
            .Append("</section>");

        page.Append($"<section><h2>{E(words["attendance"])}</h2>")
            .Append($"<p>{E(words.Format("attendanceLine", a.UniqueParticipants, a.Countries, a.Stays, a.PeakConcurrent))}")
            .Append(a.PeakAt is { } peak ? E(words.Format("peakAt", At(peak))) : "")
            .Append($"{E(words.Format("stayLine", Duration(a.Stayed.MedianSeconds), Duration(a.Stayed.AverageSeconds)))}</p>")
            .Append(Columns(words["chart.perMinute"], words["chart.most"], a.PerMinute.Select(m => (double)m.PresentAtEnd).ToList()))
            .Append(Bars(words["chart.byCountry"], a.ByCountry.Select(c => (c.Country, (double)c.Participants, -1.0)).ToList()))
            .Append(Bars(words["chart.byRole"], a.ByRole.Select(r => (words.Role(r.Role), (double)r.Participants, -1.0)).ToList()))
            .Append(Bars(words["chart.stayed"], a.Stayed.Buckets.Select(b => (StayRange(b, words), (double)b.Participants, -1.0)).ToList()))
            .Append("</section>");

        page.Append($"<section><h2>{E(words["awards"])}</h2>");
        foreach (var award in report.Awards.Items)
        {
            var t = award.Tally;
            page.Append($"<h3>{E(award.Name)}</h3><p>")
                .Append(E(words.Format("awardLine", t.Recipients, t.Countries, t.Presented, t.Absent, t.Deferred, t.NotMarked, t.DeferredThenPresented)))
                .Append("</p>").Append(Head(words, "#", "col.name", "col.country", "col.citation", "col.outcome"));
            foreach (var s in t.Standings)
            {
                page.Append($"<tr><td>{s.Position + 1}</td><td>{E(s.Name)}</td><td>{E(s.Country)}</td><td>{E(s.Citation ?? "")}</td>")
                    .Append($"<td>{E(s.Outcome is { } o ? words[$"outcome.{o.ToString().ToLowerInvariant()}"] : words["outcome.notMarked"])}")
                    .Append($"{(s.WasDeferred ? E(words["deferredBefore"]) : "")}</td></tr>");
            }

            page.Append("</tbody></table>");
        }

        page.Append(Bars(
                words["chart.recipientsByCountry"], report.Awards.ByCountry.Select(c => (c.Country, (double)c.Recipients, (double)c.Presented)).ToList()))
            .Append($"</section><section><h2>{E(words["appeals"])}</h2>")
            .Append($"<p>{E(words.Format("appealsLine", report.Appeals.Played, report.Appeals.Skipped))}</p>")
            .Append(Head(words, "col.from", "col.country", "col.title", "col.started", "col.ended", "col.outcome"));
        foreach (var turn in report.Appeals.Turns)
        {
            var reason = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(turn.Reason.ToString());
            page.Append($"<tr><td>{E(turn.SenderName ?? turn.AppealId.ToString())}</td><td>{E(turn.Country ?? "")}</td><td>{E(turn.Title ?? "")}</td>")
                .Append($"<td>{E(At(turn.StartedAt))}</td><td>{E(At(turn.EndedAt))}</td>")
                .Append($"<td>{E(turn.Played ? words["played"] : words["skipped"])} ({E(words[$"reason.{reason}"])})</td></tr>");
        }

        page.Append("</tbody></table>")
            .Append(Bars(
                words["chart.appealsByCountry"],
                report.Appeals.ByCountry.Select(c => (c.Country, (double)(c.Played + c.Skipped), (double)c.Played)).ToList()))
            .Append("</section>");

        page.Append($"<section><h2>{E(words["media"])}</h2>")
            .Append($"<p>{E(words.Format("mediaLine", report.Media.Incidents, Duration(report.Media.DegradedSeconds)))}</p>")
            .Append(Head(words, "col.from", "col.to", "col.duration", "col.error"));
        foreach (var i in report.Media.Items)
        {
            page.Append($"<tr><td>{E(At(i.From))}</td><td>{E(i.To is null ? words["stillDegraded"] : At(i.To))}</td>")
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

    /// <summary>All awards in one sentence in the page's language (the API's English <c>summary</c> is for other readers).</summary>
    private static string AwardsLine(AwardsSection awards, ReportTexts t) =>
        awards.Recipients == 0 ? ""
        : $"<p>{E(t.Format("awardLine", awards.Recipients, awards.Countries, awards.Presented, awards.Absent, awards.Deferred, awards.NotMarked,
            awards.DeferredThenPresented))}</p>";

    /// <summary>A stay bucket's range in the page's units: "&lt; 5 min", "15–30 min", "1–2 h", "≥ 2 h".</summary>
    private static string StayRange(StayBucket bucket, ReportTexts t)
    {
        var hours = bucket.FromMinutes >= 60 && bucket.FromMinutes % 60 == 0 && (bucket.ToMinutes ?? 60) % 60 == 0;
        string Amount(int minutes) => (hours ? minutes / 60 : minutes).ToString(CultureInfo.InvariantCulture);
        var unit = t[hours ? "unit.h" : "unit.min"];
        return bucket.ToMinutes is not { } to ? $"≥ {Amount(bucket.FromMinutes)} {unit}"
            : bucket.FromMinutes == 0 ? $"< {Amount(to)} {unit}"
            : $"{Amount(bucket.FromMinutes)}–{Amount(to)} {unit}";
    }

    private static string FormatDuration(int? seconds, ReportTexts t) =>
        seconds is not { } s ? "—"
        : s >= 3600 ? $"{s / 3600} {t["unit.h"]} {s % 3600 / 60:00} {t["unit.min"]}"
        : s >= 60 ? $"{s / 60} {t["unit.min"]} {s % 60:00} {t["unit.s"]}"
        : $"{s} {t["unit.s"]}";

    /// <summary>A table's opening with its column headings ("#" as is, the rest translated).</summary>
    private static string Head(ReportTexts t, params string[] keys) =>
        "<table><thead><tr>" + string.Concat(keys.Select(k => $"<th>{E(k == "#" ? k : t[k])}</th>")) + "</tr></thead><tbody>";

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

            // The value's label sits just past the longer bar (computed as a number, not spliced as text).
            svg.Append($"<text x=\"{Number(Left + (Math.Max(value, second) / max * Width) + 4)}\" y=\"{y + 12}\">")
                .Append($"{E(Number(value))}{(second >= 0 ? " / " + E(Number(second)) : "")}</text>");
        }

        return svg.Append("</svg></figure>").ToString();
    }

    /// <summary>Vertical columns over time, one per minute.</summary>
    private static string Columns(string caption, string most, IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return "";
        }

        const int Height = 160, Width = 760;
        var max = Math.Max(1, values.Max());
        var step = (double)Width / values.Count;
        var svg = new StringBuilder($"<figure><figcaption>{E(caption)} ({E(string.Format(CultureInfo.InvariantCulture, most, Number(max)))})</figcaption>")
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
