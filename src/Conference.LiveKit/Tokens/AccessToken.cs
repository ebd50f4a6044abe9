using System.Text.Json;

namespace Conference.LiveKit;

/// <summary>
/// Builds a LiveKit access token: an HS256 JWT signed with the API secret whose issuer is the API key.
/// </summary>
/// <param name="apiKey">The LiveKit API key (the token's <c>iss</c>).</param>
/// <param name="apiSecret">The LiveKit API secret used to sign.</param>
public sealed class AccessToken(string apiKey, string apiSecret)
{
    /// <summary>The lifetime LiveKit's SDKs give a token when none is set.</summary>
    public static readonly TimeSpan DefaultTimeToLive = TimeSpan.FromHours(6);

    /// <summary>The participant identity (<c>sub</c>); required when the grant joins a room.</summary>
    public string? Identity { get; set; }

    /// <summary>The participant's display name.</summary>
    public string? Name { get; set; }

    /// <summary>Opaque participant metadata, usually JSON.</summary>
    public string? Metadata { get; set; }

    /// <summary>Participant attributes.</summary>
    public IReadOnlyDictionary<string, string>? Attributes { get; set; }

    /// <summary>The participant kind claim (for example <c>agent</c>).</summary>
    public string? Kind { get; set; }

    /// <summary>The video grant.</summary>
    public VideoGrant? Video { get; set; }

    /// <summary>The base64 SHA-256 of a body this token vouches for (webhooks).</summary>
    public string? Sha256 { get; set; }

    /// <summary>A room preset name applied when the room is created by joining.</summary>
    public string? RoomPreset { get; set; }

    /// <summary>How long the token is valid, counted from minting. Defaults to six hours.</summary>
    public TimeSpan TimeToLive { get; set; } = DefaultTimeToLive;

    /// <summary>Signs the token, taking "now" from <paramref name="timeProvider"/> (the system clock if null).</summary>
    /// <param name="timeProvider">The clock for <c>nbf</c>, <c>iat</c> and <c>exp</c>.</param>
    /// <returns>The compact JWT.</returns>
    public string ToJwt(TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiKey);
        ArgumentException.ThrowIfNullOrEmpty(apiSecret);
        if (TimeToLive <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("The token lifetime must be positive.");
        }

        if (Video is { RoomJoin: true } && string.IsNullOrEmpty(Identity))
        {
            throw new InvalidOperationException("A token that joins a room needs an identity.");
        }

        long now = (timeProvider ?? TimeProvider.System).GetUtcNow().ToUnixTimeSeconds();
        TokenPayload payload = new()
        {
            Issuer = apiKey,
            Subject = NullIfEmpty(Identity),
            Name = NullIfEmpty(Name),
            Metadata = NullIfEmpty(Metadata),
            Attributes = Attributes is { Count: > 0 } ? Attributes : null,
            Kind = NullIfEmpty(Kind),
            Video = Video,
            Sha256 = NullIfEmpty(Sha256),
            RoomPreset = NullIfEmpty(RoomPreset),
            NotBefore = now,
            IssuedAt = now,
            ExpiresAt = now + (long)TimeToLive.TotalSeconds,
        };
        return Jwt.Sign(JsonSerializer.SerializeToUtf8Bytes(payload, TokenPayload.JsonOptions), apiSecret);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
