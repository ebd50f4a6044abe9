using System.Collections.Concurrent;
using Conference.Domain;
using Conference.Domain.Programs;
using Conference.Domain.Show;
using Conference.Server.Cluster;
using Conference.Server.Infrastructure;
using Conference.Server.Media;
using Conference.Server.Persistence;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Conference.Server.Live;

/// <summary>
/// The single writer of every conference's show on this node. Commands for one conference run
/// one at a time behind its gate: decide with the pure engine, commit the events, and only then
/// broadcast and re-arm the auto-advance timer at the segment's absolute deadline. Different
/// conferences never wait for each other. In a cluster every node accepts commands (the log's key
/// arbitrates) and only the holder of a conference's lease arms its timer (ShowCoordinator.Cluster.cs).
/// </summary>
public sealed partial class ShowCoordinator(
    IServiceScopeFactory scopes,
    TimeProvider time,
    IHubContext<ConferenceHub, IConferenceClient> hub,
    MediaReconcileRequests media,
    ClusterMembership cluster,
    IEnumerable<IShowCommitObserver> observers,
    ILogger<ShowCoordinator> logger) : IDisposable
{
    private readonly ConcurrentDictionary<Guid, ConferenceShow> _shows = new();

    /// <summary>Decides, commits and broadcasts one host command; returns the new state.</summary>
    public async Task<LiveShowState> ExecuteAsync(Guid conferenceId, ShowCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var name = command.GetType().Name;
        try
        {
            var live = await RunExclusiveAsync(conferenceId, (show, db, program) =>
                CommitAsync(conferenceId, show, db, program, command.ExpectedRevision, (state, now) => RunOfShow.Decide(state, command, program, now)),
                cancellationToken);
            CountCommand(name, "committed");
            return live;
        }
        catch (RevisionConflictException)
        {
            CountCommand(name, "conflict");
            throw;
        }
        catch (Exception exception) when (exception is DomainException or NotFoundException)
        {
            CountCommand(name, "refused");
            throw;
        }
    }

    private static void CountCommand(string command, string outcome) =>
        ServerTelemetry.ShowCommands.Add(1, new("command", command), new("outcome", outcome));

    /// <summary>
    /// Reads a conference (404 if it does not exist), its program as the engine sees it, and its show now.
    /// Thousands join at once, so the program is kept between reads and reloaded only when its revision
    /// (every edit bumps it) differs: one scalar query instead of loading every segment per join. It is
    /// read untracked, whoever calls: the kept copy outlives the context that loaded it.
    /// </summary>
    public async Task<(ConferenceProgram Conference, ShowProgram Program, ShowState State)> ReadAsync(
        ConferenceDbContext db, Guid conferenceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var revision = await db.Conferences.Where(c => c.Id == conferenceId).Select(c => (int?)c.Revision).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("conference", conferenceId);
        var show = _shows.GetOrAdd(conferenceId, _ => new ConferenceShow());
        if (show.Program is not { } cached || cached.Conference.Revision != revision)
        {
            var conference = await db.Conferences.AsNoTracking().SingleOrDefaultAsync(c => c.Id == conferenceId, cancellationToken)
                ?? throw new NotFoundException("conference", conferenceId);
            cached = new ProgramRead(conference, ShowProgram.From(conference));
            show.Program = cached;
        }

        var state = await StateAsync(show, db, conferenceId, cancellationToken);
        return (cached.Conference, cached.Program, state);
    }

    /// <summary>The state of a conference known to exist, replaying its log on first use.</summary>
    private static async Task<ShowState> StateAsync(ConferenceShow show, ConferenceDbContext db, Guid conferenceId, CancellationToken cancellationToken)
    {
        if (show.State is { } known)
        {
            return known;
        }

        await show.Gate.WaitAsync(cancellationToken);
        try
        {
            return show.State ??= await ShowEventStore.ReplayAsync(db, conferenceId, cancellationToken);
        }
        finally
        {
            show.Gate.Release();
        }
    }

    public void Dispose()
    {
        foreach (var show in _shows.Values)
        {
            show.Dispose();
        }
    }

    private async Task<T> RunExclusiveAsync<T>(
        Guid conferenceId, Func<ConferenceShow, ConferenceDbContext, ShowProgram, Task<T>> work, CancellationToken cancellationToken)
    {
        var show = _shows.GetOrAdd(conferenceId, _ => new ConferenceShow());
        await show.Gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ConferenceDbContext>();

            // Read fresh on every command: an edit to the program takes effect at the next decision.
            var conference = await db.Conferences.AsNoTracking().SingleOrDefaultAsync(c => c.Id == conferenceId, cancellationToken);
            if (conference is null)
            {
                Forget(conferenceId, show);
                throw new NotFoundException("conference", conferenceId);
            }

            await CatchUpWithClusterAsync(show, db, conferenceId, cancellationToken);
            show.State ??= await ShowEventStore.ReplayAsync(db, conferenceId, cancellationToken);
            return await work(show, db, ShowProgram.From(conference));
        }
        finally
        {
            show.Gate.Release();
        }
    }

    private async Task<LiveShowState> CommitAsync(
        Guid conferenceId, ConferenceShow show, ConferenceDbContext db, ShowProgram program, int expectedRevision,
        Func<ShowState, DateTimeOffset, IReadOnlyList<ShowEvent>> decide)
    {
        var before = show.State!;
        var now = time.GetUtcNow();
        var events = decide(before, now);
        try
        {
            // Not cancellable: once the database has the events, memory and clients must learn of them too.
            await ShowEventStore.AppendAsync(db, conferenceId, before.Revision, events, expectedRevision, cluster.NodeId, CancellationToken.None);
        }
        catch
        {
            show.State = null;
            throw;
        }

        var after = events.Aggregate(before, RunOfShow.Apply);
        show.State = after;

        // Stamped after the commit, just before sending, so clients can measure fan-out latency from it.
        var live = LiveShowState.From(conferenceId, after, before.Revision, program, time.GetUtcNow());
        await BroadcastAsync(conferenceId, live.ChangedSince(before), events);
        await NotifyObserversAsync(conferenceId, before, after, events, program);

        // The call follows the show in the background; media trouble never holds up a command.
        media.Nudge(conferenceId);
        Arm(conferenceId, show, after, program);
        return live;
    }

    private async Task BroadcastAsync(Guid conferenceId, LiveShowState live, IReadOnlyList<ShowEvent> events)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            foreach (var message in events.OfType<MessageSent>())
            {
                await hub.Clients.Groups(LiveGroups.AudienceOf(conferenceId, message.Audience))
                    .MessageReceived(new HostMessage(conferenceId, message.Audience, message.Text, message.At, live.Revision));
            }

            await hub.Clients.Group(LiveGroups.Conference(conferenceId)).ShowChanged(live);
            ServerTelemetry.FanOutDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The change is committed; a client that missed it resyncs on the next revision gap or reconnect.
            BroadcastFailed(logger, conferenceId, exception);
        }
    }

    private async Task NotifyObserversAsync(Guid conferenceId, ShowState before, ShowState after, IReadOnlyList<ShowEvent> events, ShowProgram program)
    {
        foreach (var observer in observers)
        {
            try
            {
                await observer.ShowCommittedAsync(conferenceId, before, after, events, program);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                ObserverFailed(logger, conferenceId, observer.GetType().Name, exception);
            }
        }
    }

    private void Forget(Guid conferenceId, ConferenceShow show)
    {
        _shows.TryRemove(conferenceId, out _);
        show.Timer?.Dispose();
        show.Timer = null;
    }

    private sealed record ProgramRead(ConferenceProgram Conference, ShowProgram Program);

    private sealed class ConferenceShow : IDisposable
    {
        private volatile ShowState? _state;
        private volatile ProgramRead? _program;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        /// <summary>Null until the log is replayed, or after a failed append (so the next command replays).</summary>
        public ShowState? State { get => _state; set => _state = value; }

        public ITimer? Timer { get; set; }

        /// <summary>The program as last read for joins; replaced when the conference's revision moves on.</summary>
        public ProgramRead? Program { get => _program; set => _program = value; }

        public void Dispose()
        {
            Timer?.Dispose();
            Gate.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Observer} failed after a show change of conference {ConferenceId}")]
    private static partial void ObserverFailed(ILogger logger, Guid conferenceId, string observer, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broadcasting the show of conference {ConferenceId} failed")]
    private static partial void BroadcastFailed(ILogger logger, Guid conferenceId, Exception exception);
}
