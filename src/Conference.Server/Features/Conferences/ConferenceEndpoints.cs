using Conference.Server.Infrastructure;
using MediatR;

namespace Conference.Server.Features.Conferences;

public static class ConferenceEndpoints
{
    public static void MapConferenceEndpoints(this RouteGroupBuilder conferences)
    {
        var root = conferences.MapGroup("").WithTags("Conferences");
        root.MapGet("/", (IMediator m, CancellationToken ct) => m.Send(new ListConferences(), ct))
            .WithName(nameof(ListConferences)).ProducesPublicProblems();
        root.MapPost("/", async (CreateConference command, IMediator m, CancellationToken ct) =>
        {
            var created = await m.Send(command, ct);
            return TypedResults.Created($"/api/conferences/{created.Id}", created);
        }).WithName(nameof(CreateConference)).ProducesAccessProblems().ProducesBodyProblems();
        root.MapGet("/{id:guid}", (Guid id, IMediator m, CancellationToken ct) => m.Send(new GetConference(id), ct))
            .WithName(nameof(GetConference)).ProducesPublicProblems().ProducesNotFound();
        root.MapPut("/{id:guid}", (Guid id, UpdateConference command, IMediator m, CancellationToken ct) =>
            m.Send(command with { ConferenceId = id }, ct))
            .WithName(nameof(UpdateConference)).ProducesAccessProblems().ProducesBodyProblems().ProducesNotFound().ProducesConflict();
        root.MapDelete("/{id:guid}", async (Guid id, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new DeleteConference(id), ct);
            return TypedResults.NoContent();
        }).WithName(nameof(DeleteConference)).ProducesAccessProblems().ProducesNotFound();
    }
}
