using System.Text;
using Conference.Server.Infrastructure;
using MediatR;

namespace Conference.Server.Features.Awards;

/// <summary>
/// Award lists under <c>/api/conferences/{id}/awards</c>: the organizer prepares them, hosts and
/// producers read them and mark recipients during the ceremony.
/// </summary>
public static class AwardEndpoints
{
    public static void MapAwardEndpoints(this RouteGroupBuilder conferences)
    {
        var awards = conferences.MapGroup("/{id:guid}/awards").WithTags("Awards");
        awards.MapGet("/", (Guid id, IMediator m, CancellationToken ct) => m.Send(new ListAwards(id), ct))
            .WithName(nameof(ListAwards)).ProducesAccessProblems().ProducesNotFound();
        awards.MapPost("/", async (Guid id, CreateAward command, IMediator m, CancellationToken ct) =>
        {
            var created = await m.Send(command with { ConferenceId = id }, ct);
            return TypedResults.Created($"/api/conferences/{id}/awards/{created.Id}", created);
        }).WithName(nameof(CreateAward)).ProducesAccessProblems().ProducesBodyProblems().ProducesNotFound().ProducesConflict();
        awards.MapGet("/called", async (Guid id, IMediator m, CancellationToken ct) =>
            await m.Send(new GetCurrentAwardee(id), ct) is { } call ? Results.Ok(call) : Results.NoContent())
            .Produces<AwardeeCall>().Produces(StatusCodes.Status204NoContent)
            .WithName(nameof(GetCurrentAwardee)).ProducesAccessProblems().ProducesNotFound();
        awards.MapGet("/{awardId:guid}", (Guid id, Guid awardId, IMediator m, CancellationToken ct) => m.Send(new GetAward(id, awardId), ct))
            .WithName(nameof(GetAward)).ProducesAccessProblems().ProducesNotFound();
        awards.MapPut("/{awardId:guid}", (Guid id, Guid awardId, UpdateAward command, IMediator m, CancellationToken ct) =>
            m.Send(command with { ConferenceId = id, AwardId = awardId }, ct))
            .WithName(nameof(UpdateAward)).ProducesAccessProblems().ProducesBodyProblems().ProducesNotFound().ProducesConflict();
        awards.MapDelete("/{awardId:guid}", async (Guid id, Guid awardId, int? expectedRevision, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new DeleteAward(id, awardId, expectedRevision), ct);
            return TypedResults.NoContent();
        }).WithName(nameof(DeleteAward)).ProducesAccessProblems().ProducesValidationProblem().ProducesNotFound().ProducesConflict();

        var recipients = awards.MapGroup("/{awardId:guid}/recipients");
        recipients.MapPost("/", (Guid id, Guid awardId, AddRecipient command, IMediator m, CancellationToken ct) =>
            m.Send(command with { ConferenceId = id, AwardId = awardId }, ct))
            .WithName(nameof(AddRecipient)).ProducesAccessProblems().ProducesBodyProblems().ProducesNotFound().ProducesConflict();
        recipients.MapPut(
            "/{participantId:guid}",
            (Guid id, Guid awardId, Guid participantId, UpdateRecipient command, IMediator m, CancellationToken ct) =>
                m.Send(command with { ConferenceId = id, AwardId = awardId, ParticipantId = participantId }, ct))
            .WithName(nameof(UpdateRecipient)).ProducesAccessProblems().ProducesBodyProblems().ProducesNotFound().ProducesConflict();
        recipients.MapDelete(
            "/{participantId:guid}",
            (Guid id, Guid awardId, Guid participantId, int? expectedRevision, IMediator m, CancellationToken ct) =>
                m.Send(new RemoveRecipient(participantId, expectedRevision) { ConferenceId = id, AwardId = awardId }, ct))
            .WithName(nameof(RemoveRecipient)).ProducesAccessProblems().ProducesValidationProblem().ProducesNotFound().ProducesConflict();
        recipients.MapPost("/import", async (
            Guid id, Guid awardId, int? expectedRevision, bool? skipInvalid, HttpRequest request, IMediator m, CancellationToken ct) =>
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var csv = await reader.ReadToEndAsync(ct);
            return await m.Send(new ImportRecipients(id, awardId, csv, expectedRevision, skipInvalid ?? false), ct);
        }).Accepts<string>("text/csv")
            .WithName(nameof(ImportRecipients)).ProducesAccessProblems().ProducesBodyProblems().ProducesNotFound().ProducesConflict();
        recipients.MapPost("/order", (Guid id, Guid awardId, OrderRecipients command, IMediator m, CancellationToken ct) =>
            m.Send(command with { ConferenceId = id, AwardId = awardId }, ct))
            .WithName(nameof(OrderRecipients)).ProducesAccessProblems().ProducesBodyProblems().ProducesNotFound().ProducesConflict();

        awards.MapPost("/{awardId:guid}/marks", (Guid id, Guid awardId, MarkRecipient command, IMediator m, CancellationToken ct) =>
            m.Send(command with { ConferenceId = id, AwardId = awardId }, ct))
            .WithName(nameof(MarkRecipient)).ProducesAccessProblems().ProducesBodyProblems().ProducesNotFound().ProducesConflict();
        awards.MapGet("/{awardId:guid}/tally", (Guid id, Guid awardId, IMediator m, CancellationToken ct) =>
            m.Send(new GetAwardTally(id, awardId), ct))
            .WithName(nameof(GetAwardTally)).ProducesAccessProblems().ProducesNotFound();
    }
}
