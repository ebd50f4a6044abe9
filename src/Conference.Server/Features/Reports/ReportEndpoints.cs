using System.Text;
using Conference.Server.Infrastructure;
using MediatR;

namespace Conference.Server.Features.Reports;

/// <summary>
/// The post-event report under <c>/api/conferences/{id}/report</c>: JSON, one CSV file per table, and a
/// printable HTML page whose stylesheet is served at <see cref="ReportPage.StylesheetPath"/> (public: it holds no data).
/// </summary>
public static class ReportEndpoints
{
    public static void MapReportEndpoints(this RouteGroupBuilder conferences)
    {
        var report = conferences.MapGroup("/{id:guid}").WithTags("Report");
        report.MapGet("/report", (Guid id, IMediator m, CancellationToken ct) => m.Send(new GetReport(id), ct))
            .WithName(nameof(GetReport)).ProducesAccessProblems().ProducesNotFound();
        report.MapGet("/report/{file}", async (Guid id, string file, IMediator m, CancellationToken ct) =>
        {
            // Access is checked first (by the request); the name only picks a known table, it is never a path.
            var computed = await m.Send(new GetReport(id), ct);
            if (!ReportCsv.Files.TryGetValue(file, out var write))
            {
                return Results.Problem(
                    statusCode: StatusCodes.Status404NotFound, title: "Not found",
                    detail: $"The report has no file '{file}'. Files: {string.Join(", ", ReportCsv.Files.Keys)}.");
            }

            var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(write(computed))).ToArray();
            return Results.File(bytes, "text/csv; charset=utf-8", file);
        }).Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .WithName("GetReportFile").ProducesAccessProblems().ProducesNotFound();
        // ?lang=az|en|tr|ru (the web app passes the viewer's language); otherwise the browser's first choice, else English.
        report.MapGet("/report.html", async (Guid id, string? lang, HttpRequest request, IMediator m, CancellationToken ct) =>
        {
            var computed = await m.Send(new GetReport(id), ct);
            var zone = TimeZones.FindIana(computed.TimeZone) ?? TimeZoneInfo.Utc;
            var texts = ReportTexts.For(lang ?? request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1).FirstOrDefault()?.Value.Value);
            return TypedResults.Content(ReportPage.Render(computed, zone, texts), "text/html; charset=utf-8");
        }).Produces(StatusCodes.Status200OK, contentType: "text/html")
            .WithName("GetReportPage").ProducesAccessProblems().ProducesNotFound();
    }

    /// <summary>The report page's stylesheet, outside the API: it is a static asset and holds no data.</summary>
    public static IEndpointRouteBuilder MapReportAssets(this IEndpointRouteBuilder app)
    {
        app.MapGet(ReportPage.StylesheetPath, (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=3600";
            return TypedResults.Text(ReportPage.Stylesheet, "text/css; charset=utf-8");
        }).ExcludeFromDescription();
        return app;
    }
}
