using Conference.Server.Identity;
using Conference.Server.Infrastructure;
using MediatR;

namespace Conference.Server.Features.Invitations;

public static class InvitationEndpoints
{
    public static void MapInvitationEndpoints(this RouteGroupBuilder conferences)
    {
        var invitations = conferences.MapGroup("/{id:guid}/participants/{participantId:guid}/invitations").WithTags("Invitations");
        invitations.MapPost("/", async (Guid id, Guid participantId, CreateInvitation command, IMediator m, CancellationToken ct) =>
        {
            var link = await m.Send(command with { ConferenceId = id, ParticipantId = participantId }, ct);
            return TypedResults.Created($"/api/conferences/{id}/participants/{participantId}/invitations", link);
        }).WithName(nameof(CreateInvitation)).ProducesAccessProblems().ProducesBodyProblems().ProducesNotFound()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        invitations.MapGet("/", (Guid id, Guid participantId, IMediator m, CancellationToken ct) =>
            m.Send(new ListInvitations(id, participantId), ct))
            .WithName(nameof(ListInvitations)).ProducesAccessProblems().ProducesNotFound();
        invitations.MapDelete("/{invitationId:guid}", async (Guid id, Guid participantId, Guid invitationId, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new RevokeInvitation(id, participantId, invitationId), ct);
            return TypedResults.NoContent();
        }).WithName(nameof(RevokeInvitation)).ProducesAccessProblems().ProducesNotFound();
        conferences.MapPost("/{id:guid}/invitations", (Guid id, IssueInvitations command, IMediator m, CancellationToken ct) =>
            m.Send(command with { ConferenceId = id }, ct))
            .WithTags("Invitations").WithName(nameof(IssueInvitations))
            .ProducesAccessProblems().ProducesBodyProblems().ProducesNotFound().ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>Redeeming a join link is not about a conference known to the caller, so it lives at <c>/api/join</c>.</summary>
    public static void MapJoinEndpoints(this RouteGroupBuilder api) =>
        api.MapPost("/join", (RedeemInvitation command, IMediator m, CancellationToken ct) => m.Send(command, ct))
            .WithTags("Invitations")
            .AddEndpointFilter((context, next) => context.HttpContext.RequestServices.GetRequiredService<FailedJoinLimit>().InvokeAsync(context, next))
            .WithName(nameof(RedeemInvitation)).ProducesPublicProblems().ProducesBodyProblems()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
