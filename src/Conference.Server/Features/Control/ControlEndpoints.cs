using Conference.Server.Identity;
using MediatR;

namespace Conference.Server.Features.Control;

/// <summary>
/// Stream-deck control: hosts manage tokens under <c>/api/conferences/{id}/control-tokens</c>; a deck presses
/// <c>POST /api/control/{next|pause|resume}</c> with its token in <c>X-Control-Token</c> (docs/stream-deck.md).
/// </summary>
public static class ControlEndpoints
{
    public const string TokenHeader = "X-Control-Token";

    public static void MapControlEndpoints(this RouteGroupBuilder conferences, IEndpointRouteBuilder app)
    {
        var tokens = conferences.MapGroup("/{id:guid}/control-tokens").WithTags("Stream-deck control");
        tokens.MapGet("/", (Guid id, IMediator m, CancellationToken ct) => m.Send(new ListControlTokens(id), ct))
            .WithName(nameof(ListControlTokens))
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        tokens.MapPost("/", (Guid id, IssueControlToken request, IMediator m, CancellationToken ct) => m.Send(request with { ConferenceId = id }, ct))
            .WithName(nameof(IssueControlToken))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        tokens.MapDelete("/{tokenId:guid}", (Guid id, Guid tokenId, IMediator m, CancellationToken ct) =>
                m.Send(new RevokeControlToken(tokenId) { ConferenceId = id }, ct))
            .WithName(nameof(RevokeControlToken))
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        var control = app.MapGroup("/api/control").WithTags("Stream-deck control");
        foreach (var action in Enum.GetValues<ControlAction>())
        {
            control.MapPost($"/{action.ToString().ToLowerInvariant()}", (HttpRequest http, Guid? ifSegment, IMediator m, CancellationToken ct) =>
                    m.Send(new PressControl(http.Headers[TokenHeader].ToString(), action, ifSegment), ct))
                .WithName($"{nameof(PressControl)}{action}")
                .AddEndpointFilter((context, next) => context.HttpContext.RequestServices.GetRequiredService<FailedJoinLimit>().InvokeAsync(context, next))
                .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status409Conflict)
                .ProducesProblem(StatusCodes.Status429TooManyRequests);
        }
    }
}
