using Conference.Domain.Media;
using Conference.LiveKit;
using Microsoft.Extensions.Options;

namespace Conference.Server.Media;

/// <summary>
/// Steers a LiveKit server through the project's own client (Conference.LiveKit). That client retries
/// transient failures of idempotent calls within one call; failures that are still transient (no answer,
/// 5xx, rate limited) reach the director as such, which retries the step (a start only after listing what
/// already runs, so a start whose answer was lost is adopted, never doubled). "Already gone" answers to
/// stops, deletes, mutes and updates mean the work is done, and are not failures.
/// </summary>
public sealed class LiveKitMediaProvider(
    RoomServiceClient rooms,
    IngressClient ingress,
    EgressClient egress,
    IOptions<LiveKitOptions> options,
    TimeProvider clock) : IMediaProvider
{
    public const string PlayoutIdentity = "playout";

    /// <summary>Ingresses this service starts are named after their segment, so a restarted service recognizes them.</summary>
    public const string PlayoutNamePrefix = "segment-";

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
            .Where(IsPerson)
            .Select(p => new MediaParticipant(
                p.Identity,
                p.Name,
                Rights(p.Permission),
                [.. p.Tracks.Select(t => new MediaTrack(t.Sid, Source(t.Source), t.Muted))])
            {
                ProviderState = p.Permission,
            })];
    }

    /// <summary>
    /// People are standard participants that are not hidden: egress (the recorder joins hidden), ingress (the playout),
    /// SIP, agents, connectors and bridges are services the show must leave alone.
    /// </summary>
    internal static bool IsPerson(ParticipantInfo participant) =>
        participant.Kind == ParticipantKind.Standard
        && participant.Identity != PlayoutIdentity
        && participant.Permission is not ({ Hidden: true } or { Recorder: true } or { Agent: true });

    public Task SetRightsAsync(string room, MediaParticipant participant, PublishRights rights, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(participant);

        // An update replaces the whole permission: start from what the participant has, change only what the show steers.
        var current = participant.ProviderState as ParticipantPermission ?? new ParticipantPermission { CanSubscribe = true };
        return TranslateGoneAsDone(() => rooms.UpdateParticipantAsync(
            new UpdateParticipantRequest
            {
                Room = room,
                Identity = participant.Identity,
                Permission = current with
                {
                    CanSubscribe = true,
                    CanPublish = rights.CanPublishMedia,
                    CanPublishData = rights.Data,
                    CanPublishSources = Sources(rights),
                },
            },
            cancellationToken));
    }

    /// <summary>A real server answers 200 without a track when the track is gone, and not_found when the participant is.</summary>
    public Task MuteTrackAsync(string room, string identity, string trackId, CancellationToken cancellationToken) =>
        TranslateGoneAsDone(() => rooms.MutePublishedTrackAsync(room, identity, trackId, muted: true, cancellationToken));

    public async Task<IReadOnlyList<MediaPlayout>> ListPlayoutsAsync(string room, CancellationToken cancellationToken)
    {
        var ingresses = await Translate(() => ingress.ListIngressAsync(roomName: room, cancellationToken: cancellationToken));
        return [.. ingresses
            .Where(i => i.RoomName == room && i.Name.StartsWith(PlayoutNamePrefix, StringComparison.Ordinal))
            .Select(i => new MediaPlayout(
                i.IngressId,
                Guid.TryParseExact(i.Name[PlayoutNamePrefix.Length..], "N", out var segmentId) ? segmentId : null,
                i.State?.Status switch
                {
                    IngressStatus.Error => MediaRunState.Failed,
                    IngressStatus.Complete => MediaRunState.Ended,
                    _ => MediaRunState.Running,
                },
                i.State?.Error is { Length: > 0 } error ? error : null))];
    }

    public async Task<string> StartPlayoutAsync(string room, Playout playout, CancellationToken cancellationToken)
    {
        var info = await Translate(() => ingress.CreateUrlIngressAsync(
            new CreateUrlIngressRequest
            {
                Url = playout.Url.ToString(),
                RoomName = room,
                ParticipantIdentity = PlayoutIdentity,
                ParticipantName = "Program playout",
                Name = $"{PlayoutNamePrefix}{playout.SegmentId:N}",
            },
            cancellationToken));
        return info.IngressId;
    }

    public Task StopPlayoutAsync(string room, string playoutId, CancellationToken cancellationToken) =>
        TranslateGoneAsDone(() => ingress.DeleteIngressAsync(playoutId, cancellationToken));

    public async Task<IReadOnlyList<MediaRecording>> ListRecordingsAsync(string room, CancellationToken cancellationToken)
    {
        var egresses = await Translate(() => egress.ListEgressAsync(roomName: room, cancellationToken: cancellationToken));
        return [.. egresses
            .Where(e => e.RoomName == room)
            .Select(e => new MediaRecording(
                e.EgressId,
                e.Status switch
                {
                    EgressStatus.Starting or EgressStatus.Active => MediaRunState.Running,
                    EgressStatus.Ending or EgressStatus.Complete => MediaRunState.Ended,
                    _ => MediaRunState.Failed,
                },
                e.Error is { Length: > 0 } error ? error : e.Status == EgressStatus.Complete ? null : $"egress {e.Status}",
                e.UpdatedAt ?? e.EndedAt ?? e.StartedAt))];
    }

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

    /// <summary>StopEgress answers failed_precondition for an egress that already ended: then it is stopped.</summary>
    public Task StopRecordingAsync(string room, string recordingId, CancellationToken cancellationToken) =>
        TranslateGoneAsDone(() => egress.StopEgressAsync(recordingId, cancellationToken));

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

    private static async Task TranslateGoneAsDone(Func<Task> call)
    {
        try
        {
            await Translate(call);
        }
        catch (MediaProviderException ex) when (ex.InnerException is LiveKitException { Code: TwirpErrorCodes.NotFound or TwirpErrorCodes.FailedPrecondition })
        {
            // Already gone or already ended: what the call was for is true.
        }
    }

    private static async Task<T> Translate<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (LiveKitException ex)
        {
            throw new MediaProviderException($"LiveKit: {ex.Code}: {ex.ServerMessage}", IsTransient(ex), ex);
        }
    }

    /// <summary>As LiveKit's own SDKs judge it: no answer, a server error or a rate limit may pass; any other 4xx will not.</summary>
    internal static bool IsTransient(LiveKitException exception) =>
        exception.HttpStatus is null
        || (int)exception.HttpStatus >= 500
        || exception.Code is TwirpErrorCodes.ResourceExhausted or TwirpErrorCodes.DeadlineExceeded or TwirpErrorCodes.Unavailable;
}
