using System.Text.Json;
using Conference.LiveKit;

namespace Conference.Server.Features.Media;

/// <summary>
/// LiveKit signs its webhooks; the signature is the authorization, so this filter verifies it before the endpoint
/// runs and hands the endpoint the verified event. A wrong signature throws, and becomes 401 problem details.
/// </summary>
public sealed class LiveKitWebhookSignature : IEndpointFilter
{
    private static readonly object VerifiedKey = new();

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        if (http.RequestServices.GetService<WebhookReceiver>() is not { } receiver)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status404NotFound, title: "Not found",
                detail: "LiveKit is not the configured media provider (Media:Provider).");
        }

        try
        {
            http.Items[VerifiedKey] = new RecordMediaEvent(await receiver.ReceiveAsync(http.Request, http.RequestAborted))
            {
                ReplayWindow = receiver.ReplayWindow,
            };
        }
        catch (JsonException)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: "The signed body is not a LiveKit webhook event.");
        }

        return await next(context);
    }

    /// <summary>The event this filter verified for the current request.</summary>
    public static RecordMediaEvent Verified(HttpContext http) =>
        http.Items[VerifiedKey] as RecordMediaEvent
        ?? throw new InvalidOperationException($"The endpoint is not behind {nameof(LiveKitWebhookSignature)}.");
}
