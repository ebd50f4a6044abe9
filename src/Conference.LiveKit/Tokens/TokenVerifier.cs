using System.Text.Json;

namespace Conference.LiveKit;

/// <summary>
/// Verifies LiveKit tokens the way the LiveKit server does: HS256 only, issuer equal to the API key,
/// <c>exp</c> required, and clock leeway on <c>nbf</c>/<c>exp</c>.
/// </summary>
/// <param name="apiKey">The API key expected as issuer.</param>
/// <param name="apiSecret">The API secret the token must be signed with.</param>
/// <param name="timeProvider">The clock; the system clock if null.</param>
public sealed class TokenVerifier(string apiKey, string apiSecret, TimeProvider? timeProvider = null)
{
    /// <summary>The leeway the LiveKit server allows for clock skew.</summary>
    public static readonly TimeSpan DefaultLeeway = TimeSpan.FromSeconds(60);

    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <summary>How far <c>nbf</c> and <c>exp</c> may be off from the local clock.</summary>
    public TimeSpan Leeway { get; init; } = DefaultLeeway;

    /// <summary>Verifies the token and returns its claims.</summary>
    /// <param name="token">The compact JWT, without any <c>Bearer</c> prefix.</param>
    /// <returns>The verified claims.</returns>
    /// <exception cref="LiveKitTokenException">The token is malformed, forged, expired or from another key.</exception>
    public LiveKitClaims Verify(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentException.ThrowIfNullOrEmpty(apiSecret);
        TokenPayload payload = Parse(Jwt.VerifySignature(token, apiSecret));

        if (!string.Equals(payload.Issuer, apiKey, StringComparison.Ordinal))
        {
            throw new LiveKitTokenException("The token was issued by another API key.");
        }

        if (payload.ExpiresAt is not { } exp)
        {
            throw new LiveKitTokenException("The token has no expiry.");
        }

        // A signed token can still carry numbers no instant has (±1e18): refused, never an overflow.
        if (!IsInstant(exp) || payload.NotBefore is { } anyNbf && !IsInstant(anyNbf) || payload.IssuedAt is { } anyIat && !IsInstant(anyIat))
        {
            throw new LiveKitTokenException("The token's exp, nbf or iat is not a valid instant.");
        }

        long now = _time.GetUtcNow().ToUnixTimeSeconds();
        long leeway = (long)Leeway.TotalSeconds;
        if (now > exp + leeway)
        {
            throw new LiveKitTokenException("The token has expired.");
        }

        if (payload.NotBefore is { } nbf && now + leeway < nbf)
        {
            throw new LiveKitTokenException("The token is not valid yet.");
        }

        return new LiveKitClaims
        {
            Issuer = apiKey,
            Identity = payload.Subject,
            Name = payload.Name,
            Metadata = payload.Metadata,
            Attributes = payload.Attributes ?? new Dictionary<string, string>(),
            Kind = payload.Kind,
            Video = payload.Video,
            Sha256 = payload.Sha256,
            RoomPreset = payload.RoomPreset,
            NotBefore = payload.NotBefore is { } n ? DateTimeOffset.FromUnixTimeSeconds(n) : null,
            ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(exp),
            IssuedAt = payload.IssuedAt is { } i ? DateTimeOffset.FromUnixTimeSeconds(i) : null,
        };
    }

    private static bool IsInstant(long unixSeconds) =>
        unixSeconds >= DateTimeOffset.MinValue.ToUnixTimeSeconds() && unixSeconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    private static TokenPayload Parse(byte[] payloadJson)
    {
        try
        {
            return JsonSerializer.Deserialize<TokenPayload>(payloadJson, TokenPayload.JsonOptions)
                ?? throw new LiveKitTokenException("The token payload is empty.");
        }
        catch (JsonException ex)
        {
            throw new LiveKitTokenException("The token payload is not valid claims JSON.", ex);
        }
    }
}
