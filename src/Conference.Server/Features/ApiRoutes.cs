using Conference.Server.Features.Awards;
using Conference.Server.Features.Conferences;
using Conference.Server.Features.Control;
using Conference.Server.Features.Media;
using Conference.Server.Features.Organizer;
using Conference.Server.Features.Participants;
using Conference.Server.Features.Reports;
using Conference.Server.Features.Segments;
using Conference.Server.Features.Show;
using Conference.Server.Features.Timeline;
using MediatR;

namespace Conference.Server.Features;

/// <summary>
/// The whole HTTP route table. Every endpoint only binds input and sends a mediator command,
/// so validation, authorization and error mapping happen once, in the pipeline.
/// </summary>
public static class ApiRoutes
{
    public static IEndpointRouteBuilder MapConferenceApi(this IEndpointRouteBuilder app)
    {
        var conferences = app.MapGroup("/api/conferences").WithTags("Conferences");
        conferences.MapGet("/", (IMediator m, CancellationToken ct) => m.Send(new ListConferences(), ct));
        conferences.MapPost("/", async (CreateConference command, IMediator m, CancellationToken ct) =>
        {
            var created = await m.Send(command, ct);
            return TypedResults.Created($"/api/conferences/{created.Id}", created);
        });
        conferences.MapGet("/{id:guid}", (Guid id, IMediator m, CancellationToken ct) => m.Send(new GetConference(id), ct));
        conferences.MapPut("/{id:guid}", (Guid id, UpdateConference command, IMediator m, CancellationToken ct) =>
            m.Send(command with { Id = id }, ct));
        conferences.MapDelete("/{id:guid}", async (Guid id, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new DeleteConference(id), ct);
            return TypedResults.NoContent();
        });

        var segments = conferences.MapGroup("/{id:guid}/segments").WithTags("Program");
        segments.MapPost("/", async (Guid id, AddSegment command, IMediator m, CancellationToken ct) =>
        {
            var program = await m.Send(command with { Id = id }, ct);
            return TypedResults.Created($"/api/conferences/{id}", program);
        });
        segments.MapPut("/{segmentId:guid}", (Guid id, Guid segmentId, UpdateSegment command, IMediator m, CancellationToken ct) =>
            m.Send(command with { Id = id, SegmentId = segmentId }, ct));
        segments.MapDelete("/{segmentId:guid}", (Guid id, Guid segmentId, int? expectedRevision, IMediator m, CancellationToken ct) =>
            m.Send(new RemoveSegment(segmentId, expectedRevision) { Id = id }, ct));
        segments.MapPost("/reorder", (Guid id, ReorderSegments command, IMediator m, CancellationToken ct) =>
            m.Send(command with { Id = id }, ct));

        conferences.MapGet("/{id:guid}/timeline", (Guid id, string? tz, IMediator m, CancellationToken ct) =>
            m.Send(new GetPlannedTimeline(id, tz), ct)).WithTags("Program");
        conferences.MapGet("/{id:guid}/program.ics", async (Guid id, IMediator m, CancellationToken ct) =>
        {
            var file = await m.Send(new ExportCalendar(id), ct);
            return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(file.Content), "text/calendar; charset=utf-8", file.FileName);
        }).WithTags("Program");

        // Participants, invitations, joining, registration and attendance: see ParticipantApiRoutes.
        app.MapParticipantApi();
        conferences.MapShowEndpoints();
        conferences.MapAwardEndpoints();
        app.MapMediaApi();
        app.MapReportEndpoints();
        conferences.MapControlEndpoints(app);
        app.MapOrganizerEndpoints();
        return app;
    }
}
