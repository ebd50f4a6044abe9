namespace Conference.LiveKit;

/// <summary>A participant in a room (<c>livekit.ParticipantInfo</c>).</summary>
public sealed record ParticipantInfo
{
    /// <summary>The server-assigned participant id.</summary>
    public string Sid { get; init; } = "";

    /// <summary>The identity from the participant's token.</summary>
    public string Identity { get; init; } = "";

    /// <summary>The connection state.</summary>
    public ParticipantState State { get; init; }

    /// <summary>The published tracks.</summary>
    public IReadOnlyList<TrackInfo> Tracks { get; init; } = [];

    /// <summary>The participant metadata.</summary>
    public string Metadata { get; init; } = "";

    /// <summary>When the participant joined.</summary>
    public DateTimeOffset? JoinedAt { get; init; }

    /// <summary>The display name.</summary>
    public string Name { get; init; } = "";

    /// <summary>The current permissions, if the server sent them.</summary>
    public ParticipantPermission? Permission { get; init; }

    /// <summary>Whether the participant publishes anything.</summary>
    public bool IsPublisher { get; init; }

    /// <summary>What kind of participant this is.</summary>
    public ParticipantKind Kind { get; init; }

    /// <summary>The participant attributes.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();

    internal static ParticipantInfo FromProto(ProtoJson json) => new()
    {
        Sid = json.String("sid"),
        Identity = json.String("identity"),
        State = json.Enum<ParticipantState>("state"),
        Tracks = json.Array("tracks", TrackInfo.FromProto),
        Metadata = json.String("metadata"),
        JoinedAt = json.UnixSeconds("joined_at"),
        Name = json.String("name"),
        Permission = json.Message("permission") is { } permission ? ParticipantPermission.FromProto(permission) : null,
        IsPublisher = json.Bool("is_publisher"),
        Kind = json.Enum<ParticipantKind>("kind"),
        Attributes = json.Map("attributes"),
    };
}

/// <summary>A participant's connection state (<c>livekit.ParticipantInfo.State</c>).</summary>
public enum ParticipantState
{
    /// <summary>Websocket connected, not yet offered.</summary>
    Joining = 0,

    /// <summary>Offer received, not yet connected.</summary>
    Joined = 1,

    /// <summary>Media connected.</summary>
    Active = 2,

    /// <summary>Left the room.</summary>
    Disconnected = 3,
}

/// <summary>The kind of participant (<c>livekit.ParticipantInfo.Kind</c>).</summary>
public enum ParticipantKind
{
    /// <summary>A regular client.</summary>
    Standard = 0,

    /// <summary>An ingress feeding media in.</summary>
    Ingress = 1,

    /// <summary>An egress recording.</summary>
    Egress = 2,

    /// <summary>A SIP caller.</summary>
    Sip = 3,

    /// <summary>An agent.</summary>
    Agent = 4,

    /// <summary>A connector.</summary>
    Connector = 7,

    /// <summary>A bridge.</summary>
    Bridge = 8,
}
