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

    /// <summary>
    /// The longest a webhook token may still be valid for when it arrives. LiveKit signs each webhook for
    /// five minutes; a token good for days could be replayed for days, so it is refused. Receivers that
    /// de-duplicate by <see cref="WebhookEvent.Id"/> need to remember ids for <see cref="ReplayWindow"/> only.
    /// </summary>
    public TimeSpan MaxTokenLifetime { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long an accepted webhook could be delivered again with a valid token: the lifetime plus the clock leeway, twice.</summary>
    public TimeSpan ReplayWindow => MaxTokenLifetime + Leeway + Leeway;

    /// <summary>Verifies the raw body against the header and parses the event.</summary>
    /// <param name="body">The body exactly as received; the hash is over these bytes.</param>
    /// <param name="authorization">The <c>Authorization</c> header value.</param>
    /// <returns>The event.</returns>
    /// <exception cref="LiveKitTokenException">The header is missing, forged, expired, valid for too long, or does not match the body.</exception>
    /// <exception cref="WebhookFormatException">The signed body is not a LiveKit event.</exception>
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
        TimeSpan validFor = claims.ExpiresAt - (timeProvider ?? TimeProvider.System).GetUtcNow();
        if (validFor > MaxTokenLifetime + Leeway)
        {
            throw new LiveKitTokenException(
                $"The webhook token is valid for {validFor.TotalMinutes:0} more minutes; at most {MaxTokenLifetime.TotalMinutes:0} are accepted.");
        }

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
