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

    public Task SetRightsAsync(string room, string identity, PublishRights rights, CancellationToken cancellationToken)
    {
        var state = Room(room);
        var participant = state.Participants.GetValueOrDefault(identity)
            ?? throw new MediaProviderException($"No participant '{identity}' in room '{room}'.", transient: false);

        // As on a real server: a source one may no longer publish is unpublished.
        var kept = participant.Tracks.Where(t => Allows(rights, t.Source)).ToList();
        state.Participants[identity] = participant with { Rights = rights, Tracks = kept };
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

    public Task<string> StartPlayoutAsync(string room, Playout playout, CancellationToken cancellationToken)
    {
        var id = $"IN_{Guid.NewGuid():N}";
        Room(room).Playouts[id] = playout;
        return Task.FromResult(id);
    }

    public Task StopPlayoutAsync(string room, string playoutId, CancellationToken cancellationToken)
    {
        Room(room).Playouts.TryRemove(playoutId, out _);
        return Task.CompletedTask;
    }

    public Task<string> StartRecordingAsync(string room, CancellationToken cancellationToken)
    {
        var id = $"EG_{Guid.NewGuid():N}";
        Room(room).Recordings[id] = clock.GetUtcNow();
        return Task.FromResult(id);
    }

    public Task StopRecordingAsync(string room, string recordingId, CancellationToken cancellationToken)
    {
        Room(room).Recordings.TryRemove(recordingId, out _);
        return Task.CompletedTask;
    }

    /// <summary>What plays in a room now (for the demo console and tests).</summary>
    public IReadOnlyCollection<Playout> PlayoutsIn(string room) => Room(room).Playouts.Values.ToList();

    public int RecordingsIn(string room) => Room(room).Recordings.Count;

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
        public ConcurrentDictionary<string, Playout> Playouts { get; } = new(StringComparer.Ordinal);
        public ConcurrentDictionary<string, DateTimeOffset> Recordings { get; } = new(StringComparer.Ordinal);
    }
}
