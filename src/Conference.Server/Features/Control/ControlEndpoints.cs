using Conference.Server.Identity;
using Conference.Server.Infrastructure;
using MediatR;

namespace Conference.Server.Features.Control;

/// <summary>
/// Stream-deck control: hosts manage tokens under <c>/api/conferences/{id}/control-tokens</c>; a deck presses
/// <c>POST /api/control/{next|pause|resume}</c> with its token in <c>X-Control-Token</c> (docs/stream-deck.md).
/// </summary>
public static class ControlEndpoints
{
    public const string TokenHeader = "X-Control-Token";

    public static void MapControlEndpoints(this RouteGroupBuilder conferences)
    {
        var tokens = conferences.MapGroup("/{id:guid}/control-tokens").WithTags("Stream-deck control");
        tokens.MapGet("/", (Guid id, IMediator m, CancellationToken ct) => m.Send(new ListControlTokens(id), ct))
            .WithName(nameof(ListControlTokens)).ProducesAccessProblems().ProducesNotFound();
        tokens.MapPost("/", (Guid id, IssueControlToken request, IMediator m, CancellationToken ct) => m.Send(request with { ConferenceId = id }, ct))
            .WithName(nameof(IssueControlToken)).ProducesAccessProblems().ProducesBodyProblems().ProducesNotFound();
        tokens.MapDelete("/{tokenId:guid}", (Guid id, Guid tokenId, IMediator m, CancellationToken ct) =>
                m.Send(new RevokeControlToken(tokenId) { ConferenceId = id }, ct))
            .WithName(nameof(RevokeControlToken)).ProducesAccessProblems().ProducesNotFound();
    }

    /// <summary>The presses: not under a conference, as the token alone names it.</summary>
    public static void MapControlPressEndpoints(this RouteGroupBuilder api)
    {
        var control = api.MapGroup("/control").WithTags("Stream-deck control");
        foreach (var action in Enum.GetValues<ControlAction>())
        {
            control.MapPost($"/{action.ToString().ToLowerInvariant()}", (HttpRequest http, Guid? ifSegment, IMediator m, CancellationToken ct) =>
                    m.Send(new PressControl(http.Headers[TokenHeader].ToString(), action, ifSegment), ct))
                .WithName($"{nameof(PressControl)}{action}")
                .AddEndpointFilter((context, next) => context.HttpContext.RequestServices.GetRequiredService<FailedJoinLimit>().InvokeAsync(context, next))
                .ProducesPublicProblems().ProducesConflict()
                .ProducesProblem(StatusCodes.Status429TooManyRequests);
        }
    }
}
