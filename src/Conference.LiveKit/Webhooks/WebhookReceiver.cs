using System.Security.Cryptography;
using System.Text;

using Microsoft.AspNetCore.Http;

namespace Conference.LiveKit;

/// <summary>
/// Verifies and parses LiveKit webhooks: the <c>Authorization</c> header is a bare JWT (no
/// <c>Bearer</c>) whose <c>sha256</c> claim is the base64 SHA-256 of the raw body bytes.
/// </summary>
/// <param name="apiKey">The API key the webhook token must be issued by.</param>
/// <param name="apiSecret">The API secret it must be signed with.</param>
/// <param name="timeProvider">The clock; the system clock if null.</param>
public sealed class WebhookReceiver(string apiKey, string apiSecret, TimeProvider? timeProvider = null)
{
    /// <summary>The content type LiveKit posts webhooks with.</summary>
    public const string ContentType = "application/webhook+json";

    /// <summary>The clock skew allowed on the token.</summary>
    public TimeSpan Leeway { get; init; } = TokenVerifier.DefaultLeeway;

    /// <summary>Verifies the raw body against the header and parses the event.</summary>
    /// <param name="body">The body exactly as received; the hash is over these bytes.</param>
    /// <param name="authorization">The <c>Authorization</c> header value.</param>
    /// <returns>The event.</returns>
    /// <exception cref="LiveKitTokenException">The header is missing, forged, expired or does not match the body.</exception>
    public WebhookEvent Receive(ReadOnlySpan<byte> body, string? authorization)
    {
        if (string.IsNullOrWhiteSpace(authorization))
        {
            throw new LiveKitTokenException("The webhook has no Authorization header.");
        }

        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            throw new LiveKitTokenException("LiveKit sends the webhook token without a Bearer prefix; a prefixed header is not from LiveKit.");
        }

        LiveKitClaims claims = new TokenVerifier(apiKey, apiSecret, timeProvider) { Leeway = Leeway }.Verify(authorization);
        if (!MatchesBody(claims.Sha256, body))
        {
            throw new LiveKitTokenException("The webhook body does not match the sha256 claim.");
        }

        return WebhookEvent.Parse(body);
    }

    /// <summary>Verifies and parses a body given as text (hashed as its UTF-8 bytes).</summary>
    /// <param name="body">The body text.</param>
    /// <param name="authorization">The <c>Authorization</c> header value.</param>
    /// <returns>The event.</returns>
    public WebhookEvent Receive(string body, string? authorization)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Receive(Encoding.UTF8.GetBytes(body), authorization);
    }

    /// <summary>Reads the raw body of an ASP.NET Core request, verifies it and parses the event.</summary>
    /// <param name="request">The incoming webhook request.</param>
    /// <param name="cancellationToken">Cancels reading the body.</param>
    /// <returns>The event.</returns>
    public async Task<WebhookEvent> ReceiveAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using MemoryStream buffer = new();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return Receive(buffer.ToArray(), request.Headers.Authorization.ToString());
    }

    private static bool MatchesBody(string? sha256Claim, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(sha256Claim))
        {
            return false;
        }

        byte[] claimed;
        try
        {
            claimed = Convert.FromBase64String(sha256Claim);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(claimed, SHA256.HashData(body));
    }
}
