using Conference.Domain.Media;
using Conference.LiveKit;
using Microsoft.Extensions.Options;

namespace Conference.Server.Media;

/// <summary>
/// Steers a LiveKit server through the project's own client (Conference.LiveKit). That client
/// already retries transient failures of idempotent calls, so failures reach the director as
/// non-transient: it reports them and converges on its next reconcile instead of retrying again.
/// </summary>
public sealed class LiveKitMediaProvider(
    RoomServiceClient rooms,
    IngressClient ingress,
    EgressClient egress,
    IOptions<LiveKitOptions> options,
    TimeProvider clock) : IMediaProvider
{
    public const string PlayoutIdentity = "playout";

    public string Name => "livekit";

    public Task EnsureRoomAsync(string room, CancellationToken cancellationToken) =>
        Translate(() => rooms.CreateRoomAsync(new CreateRoomRequest { Name = room, EmptyTimeout = 600, DepartureTimeout = 30 }, cancellationToken));

    public MediaJoinTicket IssueJoinTicket(string room, MediaMember member, PublishRights rights, TimeSpan lifetime)
    {
        var token = new AccessToken(options.Value.ApiKey, options.Value.ApiSecret)
        {
            Identity = member.Identity,
            Name = member.DisplayName,
            TimeToLive = lifetime,
            Video = new VideoGrant
            {
                RoomJoin = true,
                Room = room,
                CanSubscribe = true,
                CanPublish = rights.CanPublishMedia,
                CanPublishData = rights.Data,
                CanPublishSources = Sources(rights),
            },
        };
        return new MediaJoinTicket(Name, ClientUrl(options.Value.Url), room, token.ToJwt(clock), clock.GetUtcNow() + lifetime);
    }

    public async Task<IReadOnlyList<MediaParticipant>> ListParticipantsAsync(string room, CancellationToken cancellationToken)
    {
        var participants = await Translate(() => rooms.ListParticipantsAsync(room, cancellationToken));
        return [.. participants
            .Where(p => p.Identity != PlayoutIdentity)
            .Select(p => new MediaParticipant(
                p.Identity,
                p.Name,
                Rights(p.Permission),
                [.. p.Tracks.Select(t => new MediaTrack(t.Sid, Source(t.Source), t.Muted))]))];
    }

    public Task SetRightsAsync(string room, string identity, PublishRights rights, CancellationToken cancellationToken) =>
        Translate(() => rooms.UpdateParticipantAsync(
            new UpdateParticipantRequest
            {
                Room = room,
                Identity = identity,
                Permission = new ParticipantPermission
                {
                    CanSubscribe = true,
                    CanPublish = rights.CanPublishMedia,
                    CanPublishData = rights.Data,
                    CanPublishSources = Sources(rights),
                },
            },
            cancellationToken));

    public Task MuteTrackAsync(string room, string identity, string trackId, CancellationToken cancellationToken) =>
        Translate(() => rooms.MutePublishedTrackAsync(room, identity, trackId, muted: true, cancellationToken));

    public async Task<string> StartPlayoutAsync(string room, Playout playout, CancellationToken cancellationToken)
    {
        var info = await Translate(() => ingress.CreateUrlIngressAsync(
            new CreateUrlIngressRequest
            {
                Url = playout.Url.ToString(),
                RoomName = room,
                ParticipantIdentity = PlayoutIdentity,
                ParticipantName = "Program playout",
                Name = $"segment-{playout.SegmentId:N}",
            },
            cancellationToken));
        return info.IngressId;
    }

    public Task StopPlayoutAsync(string room, string playoutId, CancellationToken cancellationToken) =>
        Translate(() => ingress.DeleteIngressAsync(playoutId, cancellationToken));

    public async Task<string> StartRecordingAsync(string room, CancellationToken cancellationToken)
    {
        var info = await Translate(() => egress.StartRoomCompositeEgressAsync(
            new StartRoomCompositeEgressRequest
            {
                RoomName = room,
                Layout = "speaker",
                FileOutputs = [new EncodedFileOutput { FileType = EncodedFileType.Mp4, Filepath = "{room_name}-{time}.mp4" }],
            },
            cancellationToken));
        return info.EgressId;
    }

    public Task StopRecordingAsync(string room, string recordingId, CancellationToken cancellationToken) =>
        Translate(() => egress.StopEgressAsync(recordingId, cancellationToken));

    /// <summary>Clients connect over WebSocket; an http(s) server URL in configuration maps to ws(s).</summary>
    internal static string ClientUrl(string url) =>
        url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? "ws://" + url[7..]
        : url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? "wss://" + url[8..]
        : url;

    private static List<TrackSource> Sources(PublishRights rights)
    {
        var sources = new List<TrackSource>();
        if (rights.Camera)
        {
            sources.Add(TrackSource.Camera);
        }

        if (rights.Microphone)
        {
            sources.Add(TrackSource.Microphone);
        }

        if (rights.ScreenShare)
        {
            sources.Add(TrackSource.ScreenShare);
            sources.Add(TrackSource.ScreenShareAudio);
        }

        return sources;
    }

    /// <summary>LiveKit reads an empty source list as "every source".</summary>
    private static PublishRights Rights(ParticipantPermission? permission)
    {
        if (permission is null)
        {
            return PublishRights.Everything;
        }

        bool Allows(TrackSource source) => permission.CanPublish && (permission.CanPublishSources.Count == 0 || permission.CanPublishSources.Contains(source));
        return new PublishRights(Allows(TrackSource.Camera), Allows(TrackSource.Microphone), Allows(TrackSource.ScreenShare), permission.CanPublishData);
    }

    private static MediaTrackSource Source(TrackSource source) => source switch
    {
        TrackSource.Camera => MediaTrackSource.Camera,
        TrackSource.Microphone => MediaTrackSource.Microphone,
        TrackSource.ScreenShare => MediaTrackSource.ScreenShare,
        TrackSource.ScreenShareAudio => MediaTrackSource.ScreenShareAudio,
        _ => MediaTrackSource.Unknown,
    };

    private static async Task Translate(Func<Task> call) => await Translate(async () => { await call(); return true; });

    private static async Task<T> Translate<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (LiveKitException ex)
        {
            throw new MediaProviderException($"LiveKit: {ex.Code}: {ex.ServerMessage}", transient: false, ex);
        }
    }
}
