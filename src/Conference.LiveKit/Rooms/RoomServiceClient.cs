using System.Security.Cryptography;

using Microsoft.Extensions.Options;

namespace Conference.LiveKit;

/// <summary>
/// LiveKit's <c>livekit.RoomService</c> over Twirp JSON. Each call mints a short-lived token carrying
/// only the grants that call needs, and states whether it may be retried.
/// </summary>
public sealed class RoomServiceClient
{
    private const string Service = "RoomService";
    private readonly TwirpTransport _transport;

    /// <summary>Creates the client; normally resolved from DI after <c>AddLiveKit</c>.</summary>
    /// <param name="httpClientFactory">Supplies the resilient LiveKit HTTP client.</param>
    /// <param name="options">The LiveKit settings.</param>
    /// <param name="timeProvider">The clock used to mint call tokens.</param>
    public RoomServiceClient(IHttpClientFactory httpClientFactory, IOptions<LiveKitOptions> options, TimeProvider timeProvider)
    {
        _transport = new TwirpTransport(httpClientFactory, options, timeProvider);
    }

    /// <summary>Creates a room, or returns the existing one of that name (so retrying is safe).</summary>
    /// <param name="request">The room to create.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The room.</returns>
    public async Task<Room> CreateRoomAsync(CreateRoomRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ProtoJson json = await _transport.CallAsync(Service, "CreateRoom", request, new VideoGrant { RoomCreate = true }, idempotent: true, cancellationToken);
        return Room.FromProto(json);
    }

    /// <summary>Lists rooms, optionally only the named ones.</summary>
    /// <param name="names">Room names to look up; null or empty lists all rooms.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The rooms.</returns>
    public async Task<IReadOnlyList<Room>> ListRoomsAsync(IReadOnlyList<string>? names = null, CancellationToken cancellationToken = default)
    {
        object body = new { names = names is { Count: > 0 } ? names : null };
        ProtoJson json = await _transport.CallAsync(Service, "ListRooms", body, new VideoGrant { RoomList = true }, idempotent: true, cancellationToken);
        return json.Array("rooms", Room.FromProto);
    }

    /// <summary>Deletes a room and disconnects everyone in it.</summary>
    /// <param name="room">The room name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the server confirmed.</returns>
    public async Task DeleteRoomAsync(string room, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(room);
        await _transport.CallAsync(Service, "DeleteRoom", new { room }, new VideoGrant { RoomCreate = true }, idempotent: true, cancellationToken);
    }

    /// <summary>Lists the participants of a room.</summary>
    /// <param name="room">The room name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The participants.</returns>
    public async Task<IReadOnlyList<ParticipantInfo>> ListParticipantsAsync(string room, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(room);
        ProtoJson json = await _transport.CallAsync(Service, "ListParticipants", new { room }, Admin(room), idempotent: true, cancellationToken);
        return json.Array("participants", ParticipantInfo.FromProto);
    }

    /// <summary>Gets one participant.</summary>
    /// <param name="room">The room name.</param>
    /// <param name="identity">The participant identity.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The participant.</returns>
    public async Task<ParticipantInfo> GetParticipantAsync(string room, string identity, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(room);
        ArgumentException.ThrowIfNullOrEmpty(identity);
        ProtoJson json = await _transport.CallAsync(Service, "GetParticipant", new { room, identity }, Admin(room), idempotent: true, cancellationToken);
        return ParticipantInfo.FromProto(json);
    }

    /// <summary>Disconnects a participant from a room.</summary>
    /// <param name="room">The room name.</param>
    /// <param name="identity">The participant identity.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the server confirmed.</returns>
    public async Task RemoveParticipantAsync(string room, string identity, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(room);
        ArgumentException.ThrowIfNullOrEmpty(identity);
        await _transport.CallAsync(Service, "RemoveParticipant", new { room, identity }, Admin(room), idempotent: true, cancellationToken);
    }

    /// <summary>Mutes or unmutes a published track.</summary>
    /// <param name="room">The room name.</param>
    /// <param name="identity">The publishing participant.</param>
    /// <param name="trackSid">The track id.</param>
    /// <param name="muted">The wanted state.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>
    /// The track after the change, or null when the server answered without one: LiveKit answers 200 with no
    /// track when the participant no longer publishes that track, so there is nothing left to mute.
    /// </returns>
    public async Task<TrackInfo?> MutePublishedTrackAsync(
        string room, string identity, string trackSid, bool muted, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(room);
        ArgumentException.ThrowIfNullOrEmpty(identity);
        ArgumentException.ThrowIfNullOrEmpty(trackSid);
        ProtoJson json = await _transport.CallAsync(
            Service, "MutePublishedTrack", new { room, identity, trackSid, muted }, Admin(room), idempotent: true, cancellationToken);
        return json.Message("track") is { } track ? TrackInfo.FromProto(track) : null;
    }

    /// <summary>Updates a participant's metadata, name, attributes and/or complete permission set.</summary>
    /// <param name="request">What to change.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The participant after the change.</returns>
    public async Task<ParticipantInfo> UpdateParticipantAsync(UpdateParticipantRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ProtoJson json = await _transport.CallAsync(Service, "UpdateParticipant", request, Admin(request.Room), idempotent: true, cancellationToken);
        return ParticipantInfo.FromProto(json);
    }

    /// <summary>Replaces the room metadata.</summary>
    /// <param name="room">The room name.</param>
    /// <param name="metadata">The new metadata.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The room after the change.</returns>
    public async Task<Room> UpdateRoomMetadataAsync(string room, string metadata, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(room);
        ArgumentNullException.ThrowIfNull(metadata);
        ProtoJson json = await _transport.CallAsync(Service, "UpdateRoomMetadata", new { room, metadata }, Admin(room), idempotent: true, cancellationToken);
        return Room.FromProto(json);
    }

    /// <summary>Sends a data message into a room. Never retried: a replay would deliver it twice.</summary>
    /// <param name="request">The message.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the server accepted the message.</returns>
    public async Task SendDataAsync(SendDataRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.Room);
        object body = new
        {
            room = request.Room,
            data = request.Data.ToArray(),
            kind = request.Kind,
            destinationIdentities = request.DestinationIdentities.Count > 0 ? request.DestinationIdentities : null,
            topic = request.Topic,
            nonce = RandomNumberGenerator.GetBytes(16),
        };
        await _transport.CallAsync(Service, "SendData", body, Admin(request.Room), idempotent: false, cancellationToken);
    }

    private static VideoGrant Admin(string room) => new() { RoomAdmin = true, Room = room };
}
