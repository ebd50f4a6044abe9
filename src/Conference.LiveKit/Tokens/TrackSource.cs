namespace Conference.LiveKit;

/// <summary>The source of a published track, as LiveKit's <c>livekit.TrackSource</c> enum.</summary>
public enum TrackSource
{
    /// <summary>The source is not known (protobuf zero value).</summary>
    Unknown = 0,

    /// <summary>A camera video track.</summary>
    Camera = 1,

    /// <summary>A microphone audio track.</summary>
    Microphone = 2,

    /// <summary>A screen-share video track.</summary>
    ScreenShare = 3,

    /// <summary>The audio that accompanies a screen share.</summary>
    ScreenShareAudio = 4,
}
