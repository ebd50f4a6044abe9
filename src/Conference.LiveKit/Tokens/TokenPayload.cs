using System.Text.Json;
using System.Text.Json.Serialization;

namespace Conference.LiveKit;

/// <summary>The JSON shape of LiveKit's claims; empty values are left out as LiveKit's own minters do.</summary>
internal sealed record TokenPayload
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    public string? Name { get; init; }

    public string? Metadata { get; init; }

    public IReadOnlyDictionary<string, string>? Attributes { get; init; }

    public string? Kind { get; init; }

    public VideoGrant? Video { get; init; }

    public string? Sha256 { get; init; }

    public string? RoomPreset { get; init; }

    [JsonPropertyName("iss")]
    public string? Issuer { get; init; }

    [JsonPropertyName("sub")]
    public string? Subject { get; init; }

    [JsonPropertyName("nbf")]
    public long? NotBefore { get; init; }

    [JsonPropertyName("exp")]
    public long? ExpiresAt { get; init; }

    [JsonPropertyName("iat")]
    public long? IssuedAt { get; init; }
}
