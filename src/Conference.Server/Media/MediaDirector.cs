using System.Collections.Concurrent;
using Conference.Domain.Media;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Conference.Server.Media;

/// <summary>
/// A reconciler: derives the desired call from the show (<see cref="MediaPlan"/>), looks at what
/// the provider reports, and makes only the calls needed to converge. Transient failures are
/// retried; what still fails is reported as degraded and tried again by the next reconcile.
/// It never throws to its caller, so media trouble never stops the show.
/// </summary>
public sealed partial class MediaDirector(
    IMediaProvider provider,
    IMediaSituationSource situations,
    MediaStatusReporter reporter,
    IOptions<MediaOptions> options,
    TimeProvider clock,
    ILogger<MediaDirector> logger)
{
    private readonly ConcurrentDictionary<Guid, RoomMemory> _rooms = new();
    private readonly ResiliencePipeline _calls = BuildPipeline(options.Value, clock);
    private readonly MediaOptions _options = options.Value;

    public async Task<MediaStatus> ReconcileAsync(Guid conferenceId, CancellationToken cancellationToken)
    {
        var live = false;
        DesiredMedia? desired = null;
        MediaStatus status;
        try
        {
            var show = await situations.GetShowAsync(conferenceId, cancellationToken);
            if (show is null)
            {
                _rooms.TryRemove(conferenceId, out _);
                status = new MediaStatus(conferenceId, provider.Name, MediaSyncState.InSync, null, clock.GetUtcNow(), null, null);
            }
            else
            {
                desired = MediaPlan.Desired(show.Show, show.Program, show.CallUp, show.CueMedia);
                live = desired.Recording;
                var actual = await ConvergeAsync(conferenceId, desired, cancellationToken);
                status = new MediaStatus(conferenceId, provider.Name, MediaSyncState.InSync, null, clock.GetUtcNow(), Expected(desired), actual);
            }
        }
        catch (Exception ex) when (ex is MediaProviderException or HttpRequestException or TimeoutException or TaskCanceledException
                                   && !cancellationToken.IsCancellationRequested)
        {
            ReconcileFailed(logger, conferenceId, ex);
            status = new MediaStatus(
                conferenceId, provider.Name, MediaSyncState.Degraded, ex.Message, clock.GetUtcNow(), desired is null ? null : Expected(desired), null);
        }

        await reporter.ReportAsync(status, live, cancellationToken);
        return status;
    }

    /// <summary>The rights a member joins with right now, so nobody gets a moment on stage they should not have.</summary>
    public async Task<MediaJoinTicket> IssueJoinTicketAsync(Guid conferenceId, MediaMember member, CancellationToken cancellationToken)
    {
        var show = await situations.GetShowAsync(conferenceId, cancellationToken);
        var desired = show is null ? DesiredMedia.Idle : MediaPlan.Desired(show.Show, show.Program, show.CallUp, show.CueMedia);
        return provider.IssueJoinTicket(MediaRooms.For(conferenceId), member, MediaPlan.RightsOf(member, desired), _options.JoinTokenLifetime)
            with { Playout = _options.PlayoutMode };
    }

    /// <summary>Converges the room and returns what the provider reports afterwards.</summary>
    private async Task<MediaCallView> ConvergeAsync(Guid conferenceId, DesiredMedia desired, CancellationToken cancellationToken)
    {
        var changed = false;
        var room = MediaRooms.For(conferenceId);
        var memory = _rooms.GetOrAdd(conferenceId, _ => new RoomMemory());
        await Call(ct => new ValueTask(provider.EnsureRoomAsync(room, ct)), cancellationToken);

        var participants = await _calls.ExecuteAsync(async ct => await provider.ListParticipantsAsync(room, ct), cancellationToken);
        var members = participants.Count == 0
            ? new Dictionary<string, MediaMember>()
            : await situations.GetMembersAsync(conferenceId, participants.Select(p => p.Identity).ToList(), cancellationToken);
        foreach (var participant in participants)
        {
            var member = members.GetValueOrDefault(participant.Identity)
                ?? new MediaMember(participant.Identity, participant.Name, null, IsCrew: false);
            var rights = MediaPlan.RightsOf(member, desired);
            if (participant.Rights != rights)
            {
                await Call(ct => new ValueTask(provider.SetRightsAsync(room, participant.Identity, rights, ct)), cancellationToken);
                changed = true;
            }

            // Revoking a right unpublishes on a real server, but a muted room must be silent now, not after that.
            foreach (var track in participant.Tracks.Where(t => t is { Source: MediaTrackSource.Microphone, Muted: false } && !rights.Microphone))
            {
                await Call(ct => new ValueTask(provider.MuteTrackAsync(room, participant.Identity, track.Id, ct)), cancellationToken);
                changed = true;
            }
        }

        await ConvergePlayoutAsync(room, memory, _options.PlayoutMode == PlayoutMode.Ingress ? desired.Playout : null, cancellationToken);
        await ConvergeRecordingAsync(room, memory, desired.Recording && _options.RecordShows, cancellationToken);

        // Read back only when something was changed; otherwise the first listing is already what the call is.
        var now = changed ? await _calls.ExecuteAsync(async ct => await provider.ListParticipantsAsync(room, ct), cancellationToken) : participants;
        return Actual(now, members, _options.PlayoutMode == PlayoutMode.Ingress ? memory.Playout?.SegmentId : desired.Playout?.SegmentId);
    }

    private static MediaCallView Expected(DesiredMedia desired) =>
        new(desired.Locked, desired.OnStage is { } speaker ? [speaker.Name] : [], desired.Playout?.SegmentId);

    /// <summary>
    /// The call as the provider reports it: muted when nobody may use or has open a microphone; on stage, the
    /// people other than hosts and producers who may publish. In client playout the clients play the recording
    /// themselves, so what plays is what the show says.
    /// </summary>
    private static MediaCallView Actual(IReadOnlyList<MediaParticipant> participants, IReadOnlyDictionary<string, MediaMember> members, Guid? playing)
    {
        var muted = participants.All(p => !p.Rights.Microphone && !p.Tracks.Any(t => t is { Source: MediaTrackSource.Microphone, Muted: false }));
        var onStage = participants
            .Where(p => p.Rights.CanPublishMedia && members.GetValueOrDefault(p.Identity) is not { IsCrew: true })
            .Select(p => members.GetValueOrDefault(p.Identity)?.DisplayName ?? p.Name)
            .Order(StringComparer.Ordinal)
            .ToList();
        return new MediaCallView(muted, onStage, playing);
    }

    private async Task ConvergePlayoutAsync(string room, RoomMemory memory, Playout? wanted, CancellationToken cancellationToken)
    {
        if (memory.Playout is { } current && current.SegmentId != wanted?.SegmentId)
        {
            await Call(ct => new ValueTask(provider.StopPlayoutAsync(room, current.Id, ct)), cancellationToken);
            memory.Playout = null;
        }

        if (wanted is not null && memory.Playout is null)
        {
            var id = await _calls.ExecuteAsync(async ct => await provider.StartPlayoutAsync(room, wanted, ct), cancellationToken);
            memory.Playout = new ActivePlayout(wanted.SegmentId, id);
        }
    }

    private async Task ConvergeRecordingAsync(string room, RoomMemory memory, bool wanted, CancellationToken cancellationToken)
    {
        if (wanted && memory.RecordingId is null)
        {
            memory.RecordingId = await _calls.ExecuteAsync(async ct => await provider.StartRecordingAsync(room, ct), cancellationToken);
        }
        else if (!wanted && memory.RecordingId is { } recordingId)
        {
            await Call(ct => new ValueTask(provider.StopRecordingAsync(room, recordingId, ct)), cancellationToken);
            memory.RecordingId = null;
        }
    }

    private ValueTask Call(Func<CancellationToken, ValueTask> action, CancellationToken cancellationToken) =>
        _calls.ExecuteAsync(action, cancellationToken);

    private static ResiliencePipeline BuildPipeline(MediaOptions options, TimeProvider clock)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = clock };
        if (options.RetryAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.RetryAttempts - 1,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = options.RetryDelay > TimeSpan.Zero,
                ShouldHandle = new PredicateBuilder()
                    .Handle<MediaProviderException>(e => e.Transient)
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutException>(),
            });
        }

        return builder.Build();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Media reconcile of conference {ConferenceId} failed; will try again")]
    private static partial void ReconcileFailed(ILogger logger, Guid conferenceId, Exception exception);

    private sealed record ActivePlayout(Guid SegmentId, string Id);

    /// <summary>What this director started in a room, so it stops exactly that.</summary>
    private sealed class RoomMemory
    {
        public ActivePlayout? Playout { get; set; }
        public string? RecordingId { get; set; }
    }
}
