namespace Conference.LiveKit;

/// <summary>The arguments of <see cref="EgressClient.StartRoomCompositeEgressAsync"/> (<c>livekit.RoomCompositeEgressRequest</c>).</summary>
public sealed record StartRoomCompositeEgressRequest
{
    /// <summary>The room to record.</summary>
    public required string RoomName { get; init; }

    /// <summary>The layout name (<c>grid</c>, <c>speaker</c>, ...); empty uses the server default.</summary>
    public string? Layout { get; init; }

    /// <summary>Record audio only.</summary>
    public bool AudioOnly { get; init; }

    /// <summary>Record video only.</summary>
    public bool VideoOnly { get; init; }

    /// <summary>The files to write.</summary>
    public required IReadOnlyList<EncodedFileOutput> FileOutputs { get; init; }
}

/// <summary>A file an egress writes (<c>livekit.EncodedFileOutput</c>).</summary>
public sealed record EncodedFileOutput
{
    /// <summary>The container format.</summary>
    public EncodedFileType FileType { get; init; }

    /// <summary>The path (may contain LiveKit templates such as <c>{room_name}</c>).</summary>
    public required string Filepath { get; init; }

    /// <summary>Skip writing the JSON manifest next to the file.</summary>
    public bool DisableManifest { get; init; }
}

/// <summary>The container of a recorded file (<c>livekit.EncodedFileType</c>).</summary>
public enum EncodedFileType
{
    /// <summary>Let the server choose from the output.</summary>
    DefaultFiletype = 0,

    /// <summary>MP4.</summary>
    Mp4 = 1,

    /// <summary>OGG.</summary>
    Ogg = 2,

    /// <summary>MP3.</summary>
    Mp3 = 3,
}
