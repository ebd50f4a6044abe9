namespace Conference.LiveKit;

/// <summary>A published track (<c>livekit.TrackInfo</c>).</summary>
public sealed record TrackInfo
{
    /// <summary>The server-assigned track id.</summary>
    public string Sid { get; init; } = "";

    /// <summary>Audio, video or data.</summary>
    public TrackType Type { get; init; }

    /// <summary>The track name.</summary>
    public string Name { get; init; } = "";

    /// <summary>Whether the track is muted.</summary>
    public bool Muted { get; init; }

    /// <summary>Where the track comes from.</summary>
    public TrackSource Source { get; init; }

    /// <summary>The codec MIME type.</summary>
    public string MimeType { get; init; } = "";

    internal static TrackInfo FromProto(ProtoJson json) => new()
    {
        Sid = json.String("sid"),
        Type = json.Enum<TrackType>("type"),
        Name = json.String("name"),
        Muted = json.Bool("muted"),
        Source = json.Enum<TrackSource>("source"),
        MimeType = json.String("mime_type"),
    };
}

/// <summary>The media type of a track (<c>livekit.TrackType</c>).</summary>
public enum TrackType
{
    /// <summary>An audio track.</summary>
    Audio = 0,

    /// <summary>A video track.</summary>
    Video = 1,

    /// <summary>A data track.</summary>
    Data = 2,
}
