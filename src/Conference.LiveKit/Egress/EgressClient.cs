using Microsoft.Extensions.Options;

namespace Conference.LiveKit;

/// <summary>LiveKit's <c>livekit.Egress</c> service over Twirp JSON; every call needs the <c>roomRecord</c> grant.</summary>
public sealed class EgressClient
{
    private const string Service = "Egress";
    private static readonly VideoGrant RoomRecord = new() { RoomRecord = true };
    private readonly TwirpTransport _transport;

    /// <summary>Creates the client; normally resolved from DI after <c>AddLiveKit</c>.</summary>
    /// <param name="httpClientFactory">Supplies the resilient LiveKit HTTP client.</param>
    /// <param name="options">The LiveKit settings.</param>
    /// <param name="timeProvider">The clock used to mint call tokens.</param>
    public EgressClient(IHttpClientFactory httpClientFactory, IOptions<LiveKitOptions> options, TimeProvider timeProvider)
    {
        _transport = new TwirpTransport(httpClientFactory, options, timeProvider);
    }

    /// <summary>Starts recording a room's composite view. Never retried: a replay would start a second recording.</summary>
    /// <param name="request">The room, layout and outputs.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new egress.</returns>
    public async Task<EgressInfo> StartRoomCompositeEgressAsync(StartRoomCompositeEgressRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.RoomName);
        if (request.FileOutputs.Count == 0)
        {
            throw new ArgumentException("At least one file output is needed.", nameof(request));
        }

        ProtoJson json = await _transport.CallAsync(Service, "StartRoomCompositeEgress", request, RoomRecord, idempotent: false, cancellationToken);
        return EgressInfo.FromProto(json);
    }

    /// <summary>Lists egresses, optionally of one room, one id, or only those still running.</summary>
    /// <param name="roomName">Only egresses of this room.</param>
    /// <param name="egressId">Only this egress.</param>
    /// <param name="active">Only egresses that have not ended.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The egresses.</returns>
    public async Task<IReadOnlyList<EgressInfo>> ListEgressAsync(
        string? roomName = null, string? egressId = null, bool active = false, CancellationToken cancellationToken = default)
    {
        ProtoJson json = await _transport.CallAsync(Service, "ListEgress", new { roomName, egressId, active }, RoomRecord, idempotent: true, cancellationToken);
        return json.Array("items", EgressInfo.FromProto);
    }

    /// <summary>Stops an egress.</summary>
    /// <param name="egressId">The egress id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The egress after the stop request.</returns>
    public async Task<EgressInfo> StopEgressAsync(string egressId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(egressId);
        ProtoJson json = await _transport.CallAsync(Service, "StopEgress", new { egressId }, RoomRecord, idempotent: true, cancellationToken);
        return EgressInfo.FromProto(json);
    }
}
