using Conference.Domain.Media;

namespace Conference.Server.Media;

/// <summary>
/// A media server seen from the show: rooms, who may publish what, playout and recording.
/// Implementations: LiveKit, and a simulated provider that keeps state in memory.
/// Every call may fail; the <see cref="MediaDirector"/> retries and reconciles.
/// </summary>
public interface IMediaProvider
{
    string Name { get; }

    /// <summary>Creates the room if it does not exist; creating an existing room is not an error.</summary>
    Task EnsureRoomAsync(string room, CancellationToken cancellationToken);

    /// <summary>A token for a member to join the room with the given rights (subscribing is always allowed).</summary>
    MediaJoinTicket IssueJoinTicket(string room, MediaMember member, PublishRights rights, TimeSpan lifetime);

    Task<IReadOnlyList<MediaParticipant>> ListParticipantsAsync(string room, CancellationToken cancellationToken);

    /// <summary>Replaces what a participant may publish; taking away a source unpublishes it.</summary>
    Task SetRightsAsync(string room, string identity, PublishRights rights, CancellationToken cancellationToken);

    Task MuteTrackAsync(string room, string identity, string trackId, CancellationToken cancellationToken);

    /// <summary>Plays a recording into the room for everyone; returns the playout's id.</summary>
    Task<string> StartPlayoutAsync(string room, Playout playout, CancellationToken cancellationToken);

    Task StopPlayoutAsync(string room, string playoutId, CancellationToken cancellationToken);

    /// <summary>Starts recording the room; returns the recording's id.</summary>
    Task<string> StartRecordingAsync(string room, CancellationToken cancellationToken);

    Task StopRecordingAsync(string room, string recordingId, CancellationToken cancellationToken);
}

/// <summary>Where and with what a client joins the call.</summary>
/// <remarks><see cref="Playout"/> tells the client whether it plays the program's anthem and videos itself, in sync with the show
/// (<see cref="PlayoutMode.Client"/>), or receives them from the call (<see cref="PlayoutMode.Ingress"/>).</remarks>
public sealed record MediaJoinTicket(string Provider, string Url, string Room, string Token, DateTimeOffset ExpiresAt)
{
    public PlayoutMode Playout { get; init; }
}

public sealed record MediaParticipant(string Identity, string Name, PublishRights Rights, IReadOnlyList<MediaTrack> Tracks);

public sealed record MediaTrack(string Id, MediaTrackSource Source, bool Muted);

public enum MediaTrackSource
{
    Unknown,
    Camera,
    Microphone,
    ScreenShare,
    ScreenShareAudio,
}

/// <summary>A provider call failed. <see cref="Transient"/> failures (timeouts, 5xx) are worth retrying.</summary>
public sealed class MediaProviderException(string message, bool transient, Exception? inner = null) : Exception(message, inner)
{
    public bool Transient { get; } = transient;
}
