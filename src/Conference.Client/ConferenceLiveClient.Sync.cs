using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;

namespace Conference.Client;

/// <summary>Keeping the local state and clock right: revision gaps, reconnects, clock jumps.</summary>
public sealed partial class ConferenceLiveClient
{
    /// <summary>Applies a state pushed by the server (or returned by a command), resyncing when one was missed.</summary>
    internal void Receive(LiveShowState state)
    {
        if (state.ConferenceId != _conferenceId)
        {
            return;
        }

        bool gap;
        lock (_stateLock)
        {
            var current = Show;
            if (current is not null && state.Revision <= current.Revision)
            {
                return;
            }

            // A missed change, or a program edited since the snapshot: either way, take a fresh snapshot.
            // A change that carries only its own runs needs the earlier ones from the revision it follows.
            gap = (current is not null && state.PreviousRevision != current.Revision)
                || (state.RunsFrom > 0 && (current is null || current.Runs.Count < state.RunsFrom))
                || (Snapshot is { } snapshot && snapshot.Program.ProgramRevision != state.ProgramRevision);
            if (!gap)
            {
                state = state.RunsFrom == 0 ? state : state with { Runs = [.. current!.Runs.Take(state.RunsFrom), .. state.Runs], RunsFrom = 0 };
                Show = state;
            }
        }

        if (gap)
        {
            RevisionGap(_logger, Show?.Revision ?? 0, state.PreviousRevision);
            _ = ResyncQuietlyAsync();
            return;
        }

        ShowChanged?.Invoke(this, state);
    }

    /// <summary>Takes a fresh snapshot, replacing the local state whatever revision it held.</summary>
    private async Task<ShowSnapshot> ResyncAsync(CancellationToken cancellationToken)
    {
        var conferenceId = _conferenceId ?? throw new InvalidOperationException("Join a conference first.");
        await _resync.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var snapshot = await Hub(cancellationToken).JoinConference(conferenceId).ConfigureAwait(false);
            lock (_stateLock)
            {
                Snapshot = snapshot;
                if (Show is null || snapshot.Show.Revision >= Show.Revision)
                {
                    Show = snapshot.Show;
                }
            }

            Resynced?.Invoke(this, snapshot);
            ShowChanged?.Invoke(this, Show!);
            return snapshot;
        }
        finally
        {
            _resync.Release();
        }
    }

    private async Task ResyncAfterReconnectAsync()
    {
        // A new connection is in no group yet, and changes may have happened while away.
        lock (_stateLock)
        {
            Show = null;
        }

        await ResyncQuietlyAsync().ConfigureAwait(false);
        await SyncClockQuietlyAsync().ConfigureAwait(false);
    }

    private async Task ResyncQuietlyAsync()
    {
        try
        {
            if (_conferenceId is not null)
            {
                await ResyncAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            ResyncFailed(_logger, exception);
        }
    }

    /// <summary>The clock timer: re-sync when the interval is up or the local clock jumped.</summary>
    private async Task WatchClockAsync()
    {
        if (Connection.State != HubConnectionState.Connected)
        {
            return;
        }

        if (Clock.LocalClockJumped(_options.ClockJumpTolerance) || _options.TimeProvider.GetUtcNow() >= _nextResyncAt)
        {
            await SyncClockQuietlyAsync().ConfigureAwait(false);
        }
    }

    private async Task SyncClockQuietlyAsync()
    {
        try
        {
            await SyncClockAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            ClockSyncFailed(_logger, exception);
        }
    }

    /// <summary>Retries with the configured delays, repeating the last one for as long as the client lives.</summary>
    private sealed class ForeverRetryPolicy(IReadOnlyList<TimeSpan> delays) : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext retryContext) =>
            delays.Count == 0 ? TimeSpan.FromSeconds(5) : delays[(int)Math.Min(retryContext.PreviousRetryCount, delays.Count - 1)];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Missed a show change (held revision {Held}, change was based on {Based}); resyncing")]
    private static partial void RevisionGap(ILogger logger, int held, int based);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Resync with a fresh snapshot failed")]
    private static partial void ResyncFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Clock sync failed")]
    private static partial void ClockSyncFailed(ILogger logger, Exception exception);
}
