using Microsoft.Extensions.Options;

namespace Conference.LiveKit;

/// <summary>LiveKit's <c>livekit.Ingress</c> service over Twirp JSON; every call needs the <c>ingressAdmin</c> grant.</summary>
public sealed class IngressClient
{
    private const string Service = "Ingress";
    private static readonly VideoGrant IngressAdmin = new() { IngressAdmin = true };
    private readonly TwirpTransport _transport;

    /// <summary>Creates the client; normally resolved from DI after <c>AddLiveKit</c>.</summary>
    /// <param name="httpClientFactory">Supplies the resilient LiveKit HTTP client.</param>
    /// <param name="options">The LiveKit settings.</param>
    /// <param name="timeProvider">The clock used to mint call tokens.</param>
    public IngressClient(IHttpClientFactory httpClientFactory, IOptions<LiveKitOptions> options, TimeProvider timeProvider)
    {
        _transport = new TwirpTransport(httpClientFactory, options, timeProvider);
    }

    /// <summary>Creates an ingress that pulls a URL into a room. Never retried: a replay would create a second ingress.</summary>
    /// <param name="request">What to pull and where to publish it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new ingress.</returns>
    public async Task<IngressInfo> CreateUrlIngressAsync(CreateUrlIngressRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.Url);
        ArgumentException.ThrowIfNullOrEmpty(request.RoomName);
        ArgumentException.ThrowIfNullOrEmpty(request.ParticipantIdentity);
        object body = new
        {
            inputType = IngressInput.UrlInput,
            url = request.Url,
            name = request.Name,
            roomName = request.RoomName,
            participantIdentity = request.ParticipantIdentity,
            participantName = request.ParticipantName,
            participantMetadata = request.ParticipantMetadata,
        };
        ProtoJson json = await _transport.CallAsync(Service, "CreateIngress", body, IngressAdmin, idempotent: false, cancellationToken);
        return IngressInfo.FromProto(json);
    }

    /// <summary>Lists ingresses, optionally of one room or one id.</summary>
    /// <param name="roomName">Only ingresses publishing into this room.</param>
    /// <param name="ingressId">Only this ingress.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The ingresses.</returns>
    public async Task<IReadOnlyList<IngressInfo>> ListIngressAsync(
        string? roomName = null, string? ingressId = null, CancellationToken cancellationToken = default)
    {
        ProtoJson json = await _transport.CallAsync(Service, "ListIngress", new { roomName, ingressId }, IngressAdmin, idempotent: true, cancellationToken);
        return json.Array("items", IngressInfo.FromProto);
    }

    /// <summary>Deletes an ingress.</summary>
    /// <param name="ingressId">The ingress id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The deleted ingress.</returns>
    public async Task<IngressInfo> DeleteIngressAsync(string ingressId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(ingressId);
        ProtoJson json = await _transport.CallAsync(Service, "DeleteIngress", new { ingressId }, IngressAdmin, idempotent: true, cancellationToken);
        return IngressInfo.FromProto(json);
    }
}

/// <summary>The arguments of <see cref="IngressClient.CreateUrlIngressAsync"/>.</summary>
public sealed record CreateUrlIngressRequest
{
    /// <summary>The URL the server pulls (HTTP(S) file, HLS, SRT...).</summary>
    public required string Url { get; init; }

    /// <summary>The room to publish into.</summary>
    public required string RoomName { get; init; }

    /// <summary>The identity the ingress publishes as.</summary>
    public required string ParticipantIdentity { get; init; }

    /// <summary>The ingress name.</summary>
    public string? Name { get; init; }

    /// <summary>The display name the ingress publishes as.</summary>
    public string? ParticipantName { get; init; }

    /// <summary>Metadata of the ingress participant.</summary>
    public string? ParticipantMetadata { get; init; }
}
