using System.Collections.Concurrent;
using System.Security.Cryptography;
using Conference.Domain.Media;

namespace Conference.Server.Media;

/// <summary>
/// The embedded default: rooms, participants, tracks, playouts and recordings kept in memory,
/// so the whole show (and its media rules) can be run and tested without a media server.
/// Tokens it issues are opaque random strings; nothing outside this process can use them.
/// </summary>
public sealed class SimulatedMediaProvider(TimeProvider clock) : IMediaProvider
{
    private readonly ConcurrentDictionary<string, SimulatedRoom> _rooms = new();

    public string Name => "simulated";

    public Task EnsureRoomAsync(string room, CancellationToken cancellationToken)
    {
        _rooms.GetOrAdd(room, _ => new SimulatedRoom());
        return Task.CompletedTask;
    }

    public MediaJoinTicket IssueJoinTicket(string room, MediaMember member, PublishRights rights, TimeSpan lifetime) =>
        new(Name, "simulated://media", room, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), clock.GetUtcNow() + lifetime);

    /// <summary>A member arrives in the call (what a real client does after using its ticket).</summary>
    public void Join(string room, MediaMember member, PublishRights rights, params MediaTrackSource[] publishing)
    {
        var state = _rooms.GetOrAdd(room, _ => new SimulatedRoom());
        var tracks = publishing.Select(source => new MediaTrack($"TR_{Guid.NewGuid():N}", source, false)).ToList();
        state.Participants[member.Identity] = new MediaParticipant(member.Identity, member.DisplayName, rights, tracks);
    }

    public void Leave(string room, string identity)
    {
        if (_rooms.TryGetValue(room, out var state))
        {
            state.Participants.TryRemove(identity, out _);
        }
    }

    public Task<IReadOnlyList<MediaParticipant>> ListParticipantsAsync(string room, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<MediaParticipant>>(Room(room).Participants.Values.OrderBy(p => p.Identity, StringComparer.Ordinal).ToList());

    public Task SetRightsAsync(string room, MediaParticipant participant, PublishRights rights, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(participant);
        var state = Room(room);

        // Someone who left between the listing and this update: nothing to change, as on a real server.
        if (state.Participants.GetValueOrDefault(participant.Identity) is { } current)
        {
            // As on a real server: a source one may no longer publish is unpublished.
            var kept = current.Tracks.Where(t => Allows(rights, t.Source)).ToList();
            state.Participants[participant.Identity] = current with { Rights = rights, Tracks = kept };
        }

        return Task.CompletedTask;
    }

    public Task MuteTrackAsync(string room, string identity, string trackId, CancellationToken cancellationToken)
    {
        var state = Room(room);
        if (state.Participants.GetValueOrDefault(identity) is { } participant)
        {
            state.Participants[identity] = participant with
            {
                Tracks = [.. participant.Tracks.Select(t => t.Id == trackId ? t with { Muted = true } : t)],
            };
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<MediaPlayout>> ListPlayoutsAsync(string room, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<MediaPlayout>>(
            [.. Room(room).Playouts.Select(p => new MediaPlayout(p.Key, p.Value.Playout.SegmentId, p.Value.State, p.Value.Error))]);

    public Task<string> StartPlayoutAsync(string room, Playout playout, CancellationToken cancellationToken)
    {
        var id = $"IN_{Guid.NewGuid():N}";
        Room(room).Playouts[id] = new SimulatedPlayout(playout, MediaRunState.Running, null);
        return Task.FromResult(id);
    }

    public Task StopPlayoutAsync(string room, string playoutId, CancellationToken cancellationToken)
    {
        Room(room).Playouts.TryRemove(playoutId, out _);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<MediaRecording>> ListRecordingsAsync(string room, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<MediaRecording>>(
            [.. Room(room).Recordings.Select(r => new MediaRecording(r.Key, r.Value.State, r.Value.Error, r.Value.UpdatedAt))]);

    public Task<string> StartRecordingAsync(string room, CancellationToken cancellationToken)
    {
        var id = $"EG_{Guid.NewGuid():N}";
        Room(room).Recordings[id] = new SimulatedRecording(MediaRunState.Running, null, clock.GetUtcNow());
        return Task.FromResult(id);
    }

    /// <summary>Stopping ends a recording (it stays listed as ended, as egresses do); an ended one stays as it is.</summary>
    public Task StopRecordingAsync(string room, string recordingId, CancellationToken cancellationToken)
    {
        var recordings = Room(room).Recordings;
        if (recordings.GetValueOrDefault(recordingId) is { State: MediaRunState.Running } running)
        {
            recordings[recordingId] = running with { State = MediaRunState.Ended, UpdatedAt = clock.GetUtcNow() };
        }

        return Task.CompletedTask;
    }

    /// <summary>A recording breaks mid-show (the media server lost its recorder, say).</summary>
    public void FailRecording(string room, string recordingId, string error)
    {
        var recordings = Room(room).Recordings;
        recordings[recordingId] = recordings[recordingId] with { State = MediaRunState.Failed, Error = error, UpdatedAt = clock.GetUtcNow() };
    }

    /// <summary>A playout breaks mid-segment (its source could not be read, say).</summary>
    public void FailPlayout(string room, string playoutId, string error)
    {
        var playouts = Room(room).Playouts;
        playouts[playoutId] = playouts[playoutId] with { State = MediaRunState.Failed, Error = error };
    }

    /// <summary>What plays in a room now (for the demo console and tests).</summary>
    public IReadOnlyCollection<Playout> PlayoutsIn(string room) =>
        [.. Room(room).Playouts.Values.Where(p => p.State == MediaRunState.Running).Select(p => p.Playout)];

    /// <summary>The ids of the playouts running in a room now.</summary>
    public IReadOnlyCollection<string> PlayoutIdsIn(string room) =>
        [.. Room(room).Playouts.Where(p => p.Value.State == MediaRunState.Running).Select(p => p.Key)];

    /// <summary>How many recordings of a room run now.</summary>
    public int RecordingsIn(string room) => RecordingIdsIn(room).Count;

    /// <summary>The ids of the recordings of a room running now.</summary>
    public IReadOnlyCollection<string> RecordingIdsIn(string room) =>
        [.. Room(room).Recordings.Where(r => r.Value.State == MediaRunState.Running).Select(r => r.Key)];

    private SimulatedRoom Room(string room) =>
        _rooms.GetValueOrDefault(room) ?? throw new MediaProviderException($"Room '{room}' does not exist.", transient: false);

    private static bool Allows(PublishRights rights, MediaTrackSource source) => source switch
    {
        MediaTrackSource.Camera => rights.Camera,
        MediaTrackSource.Microphone => rights.Microphone,
        MediaTrackSource.ScreenShare or MediaTrackSource.ScreenShareAudio => rights.ScreenShare,
        _ => rights.CanPublishMedia,
    };

    private sealed class SimulatedRoom
    {
        public ConcurrentDictionary<string, MediaParticipant> Participants { get; } = new(StringComparer.Ordinal);
        public ConcurrentDictionary<string, SimulatedPlayout> Playouts { get; } = new(StringComparer.Ordinal);
        public ConcurrentDictionary<string, SimulatedRecording> Recordings { get; } = new(StringComparer.Ordinal);
    }

    private sealed record SimulatedPlayout(Playout Playout, MediaRunState State, string? Error);

    private sealed record SimulatedRecording(MediaRunState State, string? Error, DateTimeOffset UpdatedAt);
}
