using Conference.Server.Infrastructure;
using MediatR;

namespace Conference.Server.Features.Segments;

public static class SegmentEndpoints
{
    public static void MapSegmentEndpoints(this RouteGroupBuilder conferences)
    {
        var segments = conferences.MapGroup("/{id:guid}/segments").WithTags("Program");
        segments.MapPost("/", async (Guid id, AddSegment command, IMediator m, CancellationToken ct) =>
        {
            var program = await m.Send(command with { ConferenceId = id }, ct);
            return TypedResults.Created($"/api/conferences/{id}", program);
        }).WithName(nameof(AddSegment)).ProducesAccessProblems().ProducesBodyProblems().ProducesNotFound().ProducesConflict();
        segments.MapPut("/{segmentId:guid}", (Guid id, Guid segmentId, UpdateSegment command, IMediator m, CancellationToken ct) =>
            m.Send(command with { ConferenceId = id, SegmentId = segmentId }, ct))
            .WithName(nameof(UpdateSegment)).ProducesAccessProblems().ProducesBodyProblems().ProducesNotFound().ProducesConflict();
        segments.MapDelete("/{segmentId:guid}", (Guid id, Guid segmentId, int? expectedRevision, IMediator m, CancellationToken ct) =>
            m.Send(new RemoveSegment(segmentId, expectedRevision) { ConferenceId = id }, ct))
            .WithName(nameof(RemoveSegment)).ProducesAccessProblems().ProducesValidationProblem().ProducesNotFound().ProducesConflict();
        segments.MapPost("/reorder", (Guid id, ReorderSegments command, IMediator m, CancellationToken ct) =>
            m.Send(command with { ConferenceId = id }, ct))
            .WithName(nameof(ReorderSegments)).ProducesAccessProblems().ProducesBodyProblems().ProducesNotFound().ProducesConflict();
    }
}
