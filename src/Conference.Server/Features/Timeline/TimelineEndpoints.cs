using System.Text;
using Conference.Server.Infrastructure;
using MediatR;

namespace Conference.Server.Features.Timeline;

public static class TimelineEndpoints
{
    public static void MapTimelineEndpoints(this RouteGroupBuilder conferences)
    {
        conferences.MapGet("/{id:guid}/timeline", (Guid id, string? tz, IMediator m, CancellationToken ct) =>
            m.Send(new GetPlannedTimeline(id, tz), ct))
            .WithTags("Program").WithName(nameof(GetPlannedTimeline))
            .ProducesPublicProblems().ProducesValidationProblem().ProducesNotFound();
        conferences.MapGet("/{id:guid}/program.ics", async (Guid id, IMediator m, CancellationToken ct) =>
        {
            var file = await m.Send(new ExportCalendar(id), ct);
            return TypedResults.File(Encoding.UTF8.GetBytes(file.Content), "text/calendar; charset=utf-8", file.FileName);
        }).WithTags("Program").WithName(nameof(ExportCalendar)).ProducesPublicProblems().ProducesNotFound();
    }
}
