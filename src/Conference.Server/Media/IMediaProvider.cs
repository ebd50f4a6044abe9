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

    /// <summary>
    /// The people in the room. Participants that are not people (a recorder, a playout, SIP bridges, agents,
    /// anyone hidden) are left out, so the director never changes their rights or mutes them.
    /// </summary>
    Task<IReadOnlyList<MediaParticipant>> ListParticipantsAsync(string room, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces what a participant (as listed) may publish, keeping every other right it has; taking away a
    /// source unpublishes it. A participant who has left meanwhile is not an error: there is nothing to change.
    /// </summary>
    Task SetRightsAsync(string room, MediaParticipant participant, PublishRights rights, CancellationToken cancellationToken);

    /// <summary>Mutes a published track; a track or participant that is gone is not an error.</summary>
    Task MuteTrackAsync(string room, string identity, string trackId, CancellationToken cancellationToken);

    /// <summary>The playouts this service started in the room (also those of a previous run of it), with their state.</summary>
    Task<IReadOnlyList<MediaPlayout>> ListPlayoutsAsync(string room, CancellationToken cancellationToken);

    /// <summary>Plays a recording into the room for everyone; returns the playout's id.</summary>
    Task<string> StartPlayoutAsync(string room, Playout playout, CancellationToken cancellationToken);

    /// <summary>Stops a playout; one that is already gone counts as stopped.</summary>
    Task StopPlayoutAsync(string room, string playoutId, CancellationToken cancellationToken);

    /// <summary>The recordings of the room the provider still knows, running or ended, with their state.</summary>
    Task<IReadOnlyList<MediaRecording>> ListRecordingsAsync(string room, CancellationToken cancellationToken);

    /// <summary>Starts recording the room; returns the recording's id.</summary>
    Task<string> StartRecordingAsync(string room, CancellationToken cancellationToken);

    /// <summary>Stops a recording; one that already ended (or is unknown) counts as stopped.</summary>
    Task StopRecordingAsync(string room, string recordingId, CancellationToken cancellationToken);
}

/// <summary>Whether a playout or recording still runs, ended normally, or failed.</summary>
public enum MediaRunState
{
    Running,
    Ended,
    Failed,
}

/// <summary>A playout in a room: which segment's recording it plays (null when it is not one of ours to judge).</summary>
public sealed record MediaPlayout(string Id, Guid? SegmentId, MediaRunState State, string? Error = null);

/// <summary>A recording of a room.</summary>
public sealed record MediaRecording(string Id, MediaRunState State, string? Error = null, DateTimeOffset? UpdatedAt = null);

/// <summary>Where and with what a client joins the call.</summary>
/// <remarks><see cref="Playout"/> tells the client whether it plays the program's anthem and videos itself, in sync with the show
/// (<see cref="PlayoutMode.Client"/>), or receives them from the call (<see cref="PlayoutMode.Ingress"/>).</remarks>
public sealed record MediaJoinTicket(string Provider, string Url, string Room, string Token, DateTimeOffset ExpiresAt)
{
    public PlayoutMode Playout { get; init; }
}

public sealed record MediaParticipant(string Identity, string Name, PublishRights Rights, IReadOnlyList<MediaTrack> Tracks)
{
    /// <summary>
    /// What the provider needs to change this participant's publish rights without losing the rights the show
    /// does not steer (for LiveKit: its whole permission, which an update replaces). Opaque to the director.
    /// </summary>
    public object? ProviderState { get; init; }
}

public sealed record MediaTrack(string Id, MediaTrackSource Source, bool Muted);

public enum MediaTrackSource
{
    Unknown,
    Camera,
    Microphone,
    ScreenShare,
    ScreenShareAudio,
}

/// <summary>
/// A provider call failed. <see cref="Transient"/> failures (no answer, timeouts, 5xx, rate limits) are worth retrying;
/// the director retries them, and retrying a start is safe because each attempt first adopts what already runs.
/// </summary>
public sealed class MediaProviderException(string message, bool transient, Exception? inner = null) : Exception(message, inner)
{
    public bool Transient { get; } = transient;
}
