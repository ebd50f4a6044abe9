using Conference.Server.Infrastructure;
using MediatR;

namespace Conference.Server.Features.Media;

public static class MediaEndpoints
{
    public const string LiveKitWebhookPath = "/api/media/livekit/webhook";

    public static void MapMediaEndpoints(this RouteGroupBuilder conferences)
    {
        var media = conferences.MapGroup("/{id:guid}/media").WithTags("Media");
        media.MapPost("/join", (Guid id, IMediator m, CancellationToken ct) => m.Send(new JoinMedia(id), ct))
            .WithName(nameof(JoinMedia)).ProducesAccessProblems().ProducesNotFound().ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        media.MapGet("/status", (Guid id, IMediator m, CancellationToken ct) => m.Send(new GetMediaStatus(id), ct))
            .WithName(nameof(GetMediaStatus)).ProducesAccessProblems().ProducesNotFound();
    }

    /// <summary>LiveKit's webhook is about a room, not a conference route, so it lives outside <c>/api/conferences</c>.</summary>
    public static void MapMediaWebhookEndpoints(this RouteGroupBuilder api) =>
        api.MapPost(LiveKitWebhookPath["/api".Length..], async (HttpContext http, IMediator m, CancellationToken ct) =>
        {
            await m.Send(LiveKitWebhookSignature.Verified(http), ct);
            return Results.NoContent();
        }).AddEndpointFilter<LiveKitWebhookSignature>()
            .WithTags("Media").WithName(nameof(RecordMediaEvent))
            .Produces(StatusCodes.Status204NoContent)
            .ProducesPublicProblems().ProducesBodyProblems().ProducesNotFound();
}
