namespace Conference.LiveKit;

/// <summary>The verified claims of a LiveKit token.</summary>
public sealed record LiveKitClaims
{
    /// <summary>The API key that issued the token (<c>iss</c>).</summary>
    public required string Issuer { get; init; }

    /// <summary>The participant identity (<c>sub</c>), if any.</summary>
    public string? Identity { get; init; }

    /// <summary>The participant's display name.</summary>
    public string? Name { get; init; }

    /// <summary>Participant metadata.</summary>
    public string? Metadata { get; init; }

    /// <summary>Participant attributes; empty when absent.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();

    /// <summary>The participant kind claim.</summary>
    public string? Kind { get; init; }

    /// <summary>The video grant, if the token has one.</summary>
    public VideoGrant? Video { get; init; }

    /// <summary>The base64 SHA-256 of the body the token vouches for (webhooks).</summary>
    public string? Sha256 { get; init; }

    /// <summary>The room preset name.</summary>
    public string? RoomPreset { get; init; }

    /// <summary>When the token becomes valid (<c>nbf</c>).</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>When the token expires (<c>exp</c>).</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>When the token was issued (<c>iat</c>).</summary>
    public DateTimeOffset? IssuedAt { get; init; }
}
