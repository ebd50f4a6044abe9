using Conference.LiveKit;
using MediatR;

namespace Conference.Server.Features.Media;

public static class MediaRoutes
{
    public const string LiveKitWebhookPath = "/api/media/livekit/webhook";

    public static IEndpointRouteBuilder MapMediaApi(this IEndpointRouteBuilder app)
    {
        var media = app.MapGroup("/api/conferences/{id:guid}/media").WithTags("Media");
        media.MapPost("/join", (Guid id, IMediator m, CancellationToken ct) => m.Send(new JoinMedia(id), ct));
        media.MapGet("/status", (Guid id, IMediator m, CancellationToken ct) => m.Send(new GetMediaStatus(id), ct));

        // LiveKit signs its webhooks; the signature is the authorization, so the endpoint verifies it before anything else.
        app.MapPost(LiveKitWebhookPath, async (HttpRequest request, IServiceProvider services, IMediator m, CancellationToken ct) =>
        {
            if (services.GetService<WebhookReceiver>() is not { } receiver)
            {
                return Results.Problem(
                    statusCode: StatusCodes.Status404NotFound, title: "Not found",
                    detail: "LiveKit is not the configured media provider (Media:Provider).");
            }

            WebhookEvent received;
            try
            {
                received = await receiver.ReceiveAsync(request, ct);
            }
            catch (System.Text.Json.JsonException)
            {
                return Results.Problem(
                    statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: "The signed body is not a LiveKit webhook event.");
            }

            await m.Send(new RecordMediaEvent(received) { ReplayWindow = receiver.ReplayWindow }, ct);
            return Results.NoContent();
        }).WithTags("Media");
        return app;
    }
}
