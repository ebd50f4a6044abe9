using Conference.Domain;
using Conference.Domain.Show;
using Conference.Server.Persistence;

namespace Conference.Server.Live;

/// <summary>
/// Auto-advance: one timer per conference, armed at the absolute deadline of its running segment
/// (from <see cref="RunOfShow.NextDeadline"/>). When it fires, or at start-up, the deadline is
/// checked again under the conference's gate, so a stale timer can never advance the show.
/// </summary>
public sealed partial class ShowCoordinator
{
    /// <summary>
    /// Closes the running auto-advance segment (and any that follow it) if its deadline has passed,
    /// at its deadline, then arms the timer for the next one. Called by the timer, by recovery at
    /// start-up, and whenever the program changes (a new duration moves the deadline).
    /// </summary>
    public async Task CheckDeadlineAsync(Guid conferenceId, CancellationToken cancellationToken = default)
    {
        // A second look when another node committed first: this node's copy was stale, and the failed append
        // dropped it, so the log is read afresh and the deadline decided again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await CloseDueSegmentAsync(conferenceId, cancellationToken);
                return;
            }
            catch (RevisionConflictException) when (attempt == 1)
            {
            }
            catch (NotFoundException)
            {
                // The conference was deleted; its show went with it.
                return;
            }
        }
    }

    private Task<LiveShowState?> CloseDueSegmentAsync(Guid conferenceId, CancellationToken cancellationToken) =>
        RunExclusiveAsync<LiveShowState?>(conferenceId, async (show, db, program) =>
        {
            var state = show.State!;
            var now = time.GetUtcNow();

            // Only the owner of the conference closes segments at their deadline; elsewhere the owner's commit arrives as a notice.
            if (cluster.Holds(conferenceId) && RunOfShow.NextDeadline(state, program) is { } deadline && deadline <= now)
            {
                var live = await CommitAsync(conferenceId, show, db, program, state.Revision,
                    (current, at) => RunOfShow.Decide(current, new AutoAdvance(current.Revision, deadline), program, at));
                CountCommand(nameof(AutoAdvance), "committed");
                return live;
            }

            Arm(conferenceId, show, state, program);
            return null;
        }, cancellationToken);

    /// <summary>Replays every show still on air, closes what fell due while the server was down, and re-arms timers.</summary>
    public async Task RecoverAsync(CancellationToken cancellationToken)
    {
        List<Guid> onAir;
        await using (var scope = scopes.CreateAsyncScope())
        {
            onAir = await ShowEventStore.OnAirConferencesAsync(scope.ServiceProvider.GetRequiredService<ConferenceDbContext>(), cancellationToken);
        }

        foreach (var conferenceId in onAir)
        {
            try
            {
                await CheckDeadlineAsync(conferenceId, cancellationToken);
                Recovered(logger, conferenceId, _shows.TryGetValue(conferenceId, out var show) ? show.State?.Revision ?? 0 : 0);
            }
            catch (Exception exception) when (exception is not OperationCanceledException and not OutOfMemoryException)
            {
                // One unreadable show must not keep the server, and every other show, down.
                RecoveryFailed(logger, conferenceId, exception);
            }
        }
    }

    /// <summary>Arms the one timer of a conference at the absolute deadline of its running auto-advance segment.</summary>
    private void Arm(Guid conferenceId, ConferenceShow show, ShowState state, ShowProgram program)
    {
        show.Timer?.Dispose();
        show.Timer = null;
        if (!cluster.Holds(conferenceId) || RunOfShow.NextDeadline(state, program) is not { } deadline)
        {
            return;
        }

        // Measured when the timer is created, so the time spent committing does not make it fire late.
        var due = deadline - time.GetUtcNow();
        show.Timer = time.CreateTimer(
            _ => _ = FireAsync(conferenceId), null, due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The timer's callback: nobody awaits it, so every failure is logged here.</summary>
    private async Task FireAsync(Guid conferenceId)
    {
        try
        {
            await CheckDeadlineAsync(conferenceId);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            DeadlineFailed(logger, conferenceId, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Advancing the show of conference {ConferenceId} at its deadline failed")]
    private static partial void DeadlineFailed(ILogger logger, Guid conferenceId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recovering the show of conference {ConferenceId} failed")]
    private static partial void RecoveryFailed(ILogger logger, Guid conferenceId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recovered the show of conference {ConferenceId} at revision {Revision}")]
    private static partial void Recovered(ILogger logger, Guid conferenceId, int revision);
}
