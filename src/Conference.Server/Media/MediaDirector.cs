using System.Collections.Concurrent;
using Conference.Domain.Media;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Conference.Server.Media;

/// <summary>
/// A reconciler: derives the desired call from the show (<see cref="MediaPlan"/>), looks at what
/// the provider reports, and makes only the calls needed to converge. It keeps no memory of what it
/// started: playouts and recordings are listed from the provider on every pass, so after a restart, or
/// after a start whose answer was lost, what already runs is adopted and never started twice, and one
/// that failed mid-show is started again (and reported). Transient failures are retried; a participant
/// who cannot be updated does not hold up the others; what still fails is reported as degraded and tried
/// again by the next reconcile. Passes of one conference run one at a time. It never throws to its
/// caller, so media trouble never stops the show.
/// </summary>
/// <remarks>
/// Entry points: <see cref="ReconcileAsync"/> (the reconcile loop's one call) and <see cref="IssueJoinTicketAsync"/>.
/// </remarks>
public sealed partial class MediaDirector(
    IMediaProvider provider,
    IMediaSituationSource situations,
    MediaStatusReporter reporter,
    IOptions<MediaOptions> options,
    TimeProvider clock,
    ILogger<MediaDirector> logger)
{
    private readonly ConcurrentDictionary<Guid, ConferenceMedia> _conferences = new();
    private readonly ResiliencePipeline _calls = BuildPipeline(options.Value, clock);
    private readonly MediaOptions _options = options.Value;

    public async Task<MediaStatus> ReconcileAsync(Guid conferenceId, CancellationToken cancellationToken)
    {
        var conference = _conferences.GetOrAdd(conferenceId, _ => new ConferenceMedia());
        await conference.Gate.WaitAsync(cancellationToken);
        try
        {
            return await ReconcileExclusiveAsync(conferenceId, conference, cancellationToken);
        }
        finally
        {
            conference.Gate.Release();
        }
    }

    /// <summary>The rights a member joins with right now, so nobody gets a moment on stage they should not have.</summary>
    public async Task<MediaJoinTicket> IssueJoinTicketAsync(Guid conferenceId, MediaMember member, CancellationToken cancellationToken)
    {
        var show = await situations.GetShowAsync(conferenceId, cancellationToken);
        var desired = show is null ? DesiredMedia.Idle : Desired(show);
        return provider.IssueJoinTicket(MediaRooms.For(conferenceId), member, MediaPlan.RightsOf(member, desired), _options.JoinTokenLifetime)
            with { Playout = _options.PlayoutMode };
    }

    private static DesiredMedia Desired(MediaShow show) => MediaPlan.Desired(show.Show, show.Program, show.CallUp, show.SpeakerIdentity, show.CueMedia);

    private async Task<MediaStatus> ReconcileExclusiveAsync(Guid conferenceId, ConferenceMedia conference, CancellationToken cancellationToken)
    {
        var live = false;
        DesiredMedia? desired = null;
        MediaStatus status;
        try
        {
            var show = await situations.GetShowAsync(conferenceId, cancellationToken);
            if (show is null)
            {
                status = new MediaStatus(conferenceId, provider.Name, MediaSyncState.InSync, null, clock.GetUtcNow(), null, null);
            }
            else
            {
                desired = Desired(show);
                live = desired.Recording;
                var pass = new Pass(conferenceId, MediaRooms.For(conferenceId), conference);
                var actual = await ConvergeAsync(pass, desired, cancellationToken);
                status = pass.Errors.Count == 0
                    ? new MediaStatus(conferenceId, provider.Name, MediaSyncState.InSync, null, clock.GetUtcNow(), Expected(desired), actual)
                    : new MediaStatus(
                        conferenceId, provider.Name, MediaSyncState.Degraded, string.Join("; ", pass.Errors), clock.GetUtcNow(), Expected(desired), actual);
            }
        }
        catch (Exception ex) when (IsProviderFailure(ex, cancellationToken))
        {
            ReconcileFailed(logger, conferenceId, ex);
            status = new MediaStatus(
                conferenceId, provider.Name, MediaSyncState.Degraded, ex.Message, clock.GetUtcNow(), desired is null ? null : Expected(desired), null);
        }

        await reporter.ReportAsync(status, live, cancellationToken);
        return status;
    }

    /// <summary>Converges the room and returns what the provider reports afterwards.</summary>
    private async Task<MediaCallView> ConvergeAsync(Pass pass, DesiredMedia desired, CancellationToken cancellationToken)
    {
        var room = pass.Room;
        await Call(ct => new ValueTask(provider.EnsureRoomAsync(room, ct)), cancellationToken);

        var participants = await _calls.ExecuteAsync(async ct => await provider.ListParticipantsAsync(room, ct), cancellationToken);
        var members = participants.Count == 0
            ? new Dictionary<string, MediaMember>()
            : await situations.GetMembersAsync(pass.ConferenceId, participants.Select(p => p.Identity).ToList(), cancellationToken);
        foreach (var participant in participants)
        {
            var member = members.GetValueOrDefault(participant.Identity)
                ?? new MediaMember(participant.Identity, participant.Name, null, IsCrew: false);
            await ConvergeParticipantAsync(pass, participant, MediaPlan.RightsOf(member, desired), cancellationToken);
        }

        var playing = _options.PlayoutMode == PlayoutMode.Ingress
            ? await Step(pass, "Playout", ct => ConvergePlayoutAsync(pass, desired.Playout, ct), cancellationToken)
            : desired.Playout?.SegmentId;
        if (_options.RecordShows)
        {
            await Step(pass, "Recording", async ct => { await ConvergeRecordingAsync(pass, desired.Recording, ct); return (Guid?)null; }, cancellationToken);
        }

        // Read back only when something was changed; otherwise the first listing is already what the call is.
        var now = pass.Changed ? await _calls.ExecuteAsync(async ct => await provider.ListParticipantsAsync(room, ct), cancellationToken) : participants;
        return Actual(now, members, playing);
    }

    /// <summary>One participant's rights and open microphones; a failure is recorded for this participant and the pass goes on.</summary>
    private async Task ConvergeParticipantAsync(Pass pass, MediaParticipant participant, PublishRights rights, CancellationToken cancellationToken)
    {
        try
        {
            if (participant.Rights != rights)
            {
                await Call(ct => new ValueTask(provider.SetRightsAsync(pass.Room, participant, rights, ct)), cancellationToken);
                pass.Changed = true;
            }

            // Revoking a right unpublishes on a real server, but a muted room must be silent now, not after that.
            foreach (var track in participant.Tracks.Where(t => t is { Source: MediaTrackSource.Microphone, Muted: false } && !rights.Microphone))
            {
                await Call(ct => new ValueTask(provider.MuteTrackAsync(pass.Room, participant.Identity, track.Id, ct)), cancellationToken);
                pass.Changed = true;
            }
        }
        catch (Exception ex) when (IsProviderFailure(ex, cancellationToken))
        {
            ParticipantFailed(logger, pass.ConferenceId, participant.Identity, ex);
            pass.Errors.Add($"Participant {participant.Identity}: {ex.Message}");
        }
    }

    /// <summary>Runs playout or recording convergence; a failure is recorded and the rest of the pass goes on.</summary>
    private async Task<Guid?> Step(Pass pass, string what, Func<CancellationToken, Task<Guid?>> step, CancellationToken cancellationToken)
    {
        try
        {
            return await step(cancellationToken);
        }
        catch (Exception ex) when (IsProviderFailure(ex, cancellationToken))
        {
            ReconcileFailed(logger, pass.ConferenceId, ex);
            pass.Errors.Add($"{what}: {ex.Message}");
            return null;
        }
    }

    /// <summary>
    /// Stops every playout of another segment, adopts a running one of the wanted segment (stopping extra copies), and
    /// starts it when none runs; one that failed is removed and started again. One that completed (the whole file
    /// played) stays: starting it again would replay the recording. Returns the segment that plays.
    /// </summary>
    private async Task<Guid?> ConvergePlayoutAsync(Pass pass, Playout? wanted, CancellationToken cancellationToken)
    {
        var playouts = await _calls.ExecuteAsync(async ct => await provider.ListPlayoutsAsync(pass.Room, ct), cancellationToken);
        var keep = wanted is null ? null : playouts.FirstOrDefault(p => p.SegmentId == wanted.SegmentId && p.State == MediaRunState.Running);
        foreach (var playout in playouts.Where(p => p != keep && (p.SegmentId != wanted?.SegmentId || p.State != MediaRunState.Ended)))
        {
            if (playout.State == MediaRunState.Failed && playout.SegmentId == wanted?.SegmentId)
            {
                await ReportRestartAsync(pass, $"Playout failed: {playout.Error ?? "no reason given"}; starting it again", cancellationToken);
            }

            await Call(ct => new ValueTask(provider.StopPlayoutAsync(pass.Room, playout.Id, ct)), cancellationToken);
        }

        if (wanted is null || keep is not null || playouts.Any(p => p.SegmentId == wanted.SegmentId && p.State == MediaRunState.Ended))
        {
            return keep?.SegmentId;
        }

        // A retry lists again first: a start whose answer was lost (a timeout) is then found and adopted, not doubled.
        var attempt = 0;
        await CallAsync(
            async ct =>
            {
                if (attempt++ > 0
                    && (await provider.ListPlayoutsAsync(pass.Room, ct)).Any(p => p.SegmentId == wanted.SegmentId && p.State == MediaRunState.Running))
                {
                    return;
                }

                await provider.StartPlayoutAsync(pass.Room, wanted, ct);
            },
            cancellationToken);
        return wanted.SegmentId;
    }

    /// <summary>
    /// Keeps exactly one recording running while wanted: adopts one that runs (from before a restart too), stops extra
    /// ones, starts one when none runs (reporting the failure of the one before, if it failed), and stops all when not
    /// wanted. A recording that already ended counts as stopped.
    /// </summary>
    private async Task ConvergeRecordingAsync(Pass pass, bool wanted, CancellationToken cancellationToken)
    {
        var recordings = await _calls.ExecuteAsync(async ct => await provider.ListRecordingsAsync(pass.Room, ct), cancellationToken);
        var running = recordings.Where(r => r.State == MediaRunState.Running).ToList();
        foreach (var recording in wanted ? running.Skip(1) : running)
        {
            await Call(ct => new ValueTask(provider.StopRecordingAsync(pass.Room, recording.Id, ct)), cancellationToken);
        }

        if (!wanted || running.Count > 0)
        {
            return;
        }

        var failed = recordings.Where(r => r.State == MediaRunState.Failed && !pass.Conference.ReportedFailures.ContainsKey(r.Id))
            .OrderByDescending(r => r.UpdatedAt)
            .FirstOrDefault();
        if (failed is not null)
        {
            pass.Conference.ReportedFailures[failed.Id] = true;
            await ReportRestartAsync(pass, $"Recording failed: {failed.Error ?? "no reason given"}; starting it again", cancellationToken);
        }

        var attempt = 0;
        await CallAsync(
            async ct =>
            {
                if (attempt++ > 0 && (await provider.ListRecordingsAsync(pass.Room, ct)).Any(r => r.State == MediaRunState.Running))
                {
                    return;
                }

                await provider.StartRecordingAsync(pass.Room, ct);
            },
            cancellationToken);
    }

    /// <summary>
    /// Tells hosts (and the report) that something broke and is being restarted, before the pass's own status, which
    /// says whether the restart worked: a failure that heals within one pass still leaves its trace.
    /// </summary>
    private Task ReportRestartAsync(Pass pass, string message, CancellationToken cancellationToken)
    {
        RestartingAfterFailure(logger, pass.ConferenceId, message);
        return reporter.ReportAsync(
            new MediaStatus(pass.ConferenceId, provider.Name, MediaSyncState.Degraded, message, clock.GetUtcNow(), null, null), live: true, cancellationToken);
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

    private static bool IsProviderFailure(Exception ex, CancellationToken cancellationToken) =>
        ex is MediaProviderException or HttpRequestException or TimeoutException or TaskCanceledException
        && !cancellationToken.IsCancellationRequested;

    private ValueTask Call(Func<CancellationToken, ValueTask> action, CancellationToken cancellationToken) =>
        _calls.ExecuteAsync(action, cancellationToken);

    private Task CallAsync(Func<CancellationToken, Task> action, CancellationToken cancellationToken) =>
        _calls.ExecuteAsync(async ct => await action(ct), cancellationToken).AsTask();

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Media of participant {Identity} in conference {ConferenceId} could not be updated; will try again")]
    private static partial void ParticipantFailed(ILogger logger, Guid conferenceId, string identity, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conference {ConferenceId}: {Message}")]
    private static partial void RestartingAfterFailure(ILogger logger, Guid conferenceId, string message);

    /// <summary>Per conference: the gate that keeps its passes one at a time, and the failures already reported to hosts.</summary>
    private sealed class ConferenceMedia
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public ConcurrentDictionary<string, bool> ReportedFailures { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>One reconcile pass: whether it changed people's rights or tracks (then the call is read back), and what failed without stopping it.</summary>
    private sealed class Pass(Guid conferenceId, string room, ConferenceMedia conference)
    {
        public Guid ConferenceId { get; } = conferenceId;
        public string Room { get; } = room;
        public ConferenceMedia Conference { get; } = conference;
        public bool Changed { get; set; }
        public List<string> Errors { get; } = [];
    }
}
