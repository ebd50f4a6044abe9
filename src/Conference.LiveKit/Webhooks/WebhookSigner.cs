using System.Security.Cryptography;
using System.Text;

namespace Conference.LiveKit;

/// <summary>
/// Produces the <c>Authorization</c> header LiveKit puts on a webhook, for emulators and tests that
/// need to deliver webhooks the way the server does.
/// </summary>
/// <param name="apiKey">The API key (issuer).</param>
/// <param name="apiSecret">The API secret to sign with.</param>
/// <param name="timeProvider">The clock; the system clock if null.</param>
public sealed class WebhookSigner(string apiKey, string apiSecret, TimeProvider? timeProvider = null)
{
    /// <summary>The webhook token lifetime LiveKit uses.</summary>
    public static readonly TimeSpan TokenTimeToLive = TimeSpan.FromMinutes(5);

    /// <summary>Signs the raw body bytes.</summary>
    /// <param name="body">The exact bytes that will be posted.</param>
    /// <returns>The header value: a bare JWT without <c>Bearer</c>.</returns>
    public string Sign(ReadOnlySpan<byte> body) =>
        new AccessToken(apiKey, apiSecret)
        {
            Sha256 = Convert.ToBase64String(SHA256.HashData(body)),
            TimeToLive = TokenTimeToLive,
        }.ToJwt(timeProvider);

    /// <summary>Signs a body given as text (its UTF-8 bytes).</summary>
    /// <param name="body">The body text that will be posted.</param>
    /// <returns>The header value.</returns>
    public string Sign(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Sign(Encoding.UTF8.GetBytes(body));
    }
}
