using System.Text;
using Conference.Server.Infrastructure;
using MediatR;

namespace Conference.Server.Features.Participants;

public static class ParticipantEndpoints
{
    public static void MapParticipantEndpoints(this RouteGroupBuilder conferences)
    {
        var participants = conferences.MapGroup("/{id:guid}/participants").WithTags("Participants");
        participants.MapGet("/", (Guid id, string? role, string? country, IMediator m, CancellationToken ct) =>
            m.Send(new ListParticipants(id, role, country), ct))
            .WithName(nameof(ListParticipants)).ProducesAccessProblems().ProducesValidationProblem().ProducesNotFound();
        participants.MapPost("/", async (Guid id, CreateParticipant command, IMediator m, CancellationToken ct) =>
        {
            var created = await m.Send(command with { ConferenceId = id }, ct);
            return TypedResults.Created($"/api/conferences/{id}/participants/{created.Id}", created);
        }).WithName(nameof(CreateParticipant)).ProducesAccessProblems().ProducesBodyProblems().ProducesNotFound().ProducesConflict();
        participants.MapPost("/import", async (Guid id, bool? skipInvalid, HttpRequest request, IMediator m, CancellationToken ct) =>
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var csv = await reader.ReadToEndAsync(ct);
            return await m.Send(new ImportParticipants(id, csv, skipInvalid ?? false), ct);
        }).Accepts<string>("text/csv")
            .WithName(nameof(ImportParticipants)).ProducesAccessProblems().ProducesBodyProblems().ProducesNotFound();
        participants.MapGet("/{participantId:guid}", (Guid id, Guid participantId, IMediator m, CancellationToken ct) =>
            m.Send(new GetParticipant(id, participantId), ct))
            .WithName(nameof(GetParticipant)).ProducesAccessProblems().ProducesNotFound();
        participants.MapPut(
            "/{participantId:guid}",
            (Guid id, Guid participantId, UpdateParticipant command, IMediator m, CancellationToken ct) =>
                m.Send(command with { ConferenceId = id, ParticipantId = participantId }, ct))
            .WithName(nameof(UpdateParticipant)).ProducesAccessProblems().ProducesBodyProblems().ProducesNotFound().ProducesConflict();
        participants.MapDelete("/{participantId:guid}", async (Guid id, Guid participantId, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new DeleteParticipant(id, participantId), ct);
            return TypedResults.NoContent();
        }).WithName(nameof(DeleteParticipant)).ProducesAccessProblems().ProducesNotFound();
    }
}
