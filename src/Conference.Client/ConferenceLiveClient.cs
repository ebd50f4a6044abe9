using Conference.Domain.Show;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Conference.Client;

/// <summary>
/// A live connection to one conference: joins it, keeps the show state current (resyncing with a
/// fresh snapshot after a missed revision or a reconnect), syncs the clock so that
/// <see cref="Remaining"/> agrees with the server, and sends host commands.
/// </summary>
public sealed partial class ConferenceLiveClient : IAsyncDisposable
{
    /// <summary>The hub's path on the server.</summary>
    public const string HubPath = LiveWire.HubPath;

    private readonly ConferenceClientOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _resync = new(1, 1);
    private readonly object _stateLock = new();
    private ITimer? _clockTimer;
    private DateTimeOffset _nextResyncAt;
    private Guid? _conferenceId;

    /// <summary>
    /// Creates a client for the server at <paramref name="serverUrl"/>, signing in with <paramref name="accessToken"/>
    /// (organizer key or session token).
    /// </summary>
    public ConferenceLiveClient(Uri serverUrl, string accessToken, ConferenceClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(serverUrl);
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        _options = options ?? new ConferenceClientOptions();
        _logger = (_options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger<ConferenceLiveClient>();
        Clock = new ClockSync(_options.TimeProvider);

        // The token travels as access_token: WebSockets in browsers cannot carry headers, and the server accepts it under /hubs.
        var url = new Uri(serverUrl, $"{HubPath}?access_token={Uri.EscapeDataString(accessToken)}");
        var builder = new HubConnectionBuilder()
            .WithUrl(url, o =>
            {
                if (_options.WebSocketFactory is { } factory)
                {
                    o.SkipNegotiation = true;
                    o.Transports = HttpTransportType.WebSockets;
                    o.WebSocketFactory = factory;
                }
            })
            .WithAutomaticReconnect(new ForeverRetryPolicy(_options.ReconnectDelays));
        if (_options.LoggerFactory is { } loggerFactory)
        {
            builder.Services.AddSingleton(loggerFactory);
        }

        if (_options.Protocol == LiveProtocol.MessagePack)
        {
            builder.AddMessagePackProtocol(o => o.SerializerOptions = LiveWire.MessagePack);
        }
        else
        {
            builder.AddJsonProtocol(o => o.PayloadSerializerOptions = LiveWire.Json);
        }

        Connection = builder.Build();
        Connection.On<LiveShowState>(nameof(IConferenceClient.ShowChanged), Receive);
        Connection.On<HostMessage>(nameof(IConferenceClient.MessageReceived), message => MessageReceived?.Invoke(this, message));
        Connection.On<MediaStatus>(nameof(IConferenceClient.MediaStatusChanged), status => MediaStatusChanged?.Invoke(this, status));
        ListenForAwards();
        ListenForAppeals();

        // An edited program comes as a notice only: the fresh snapshot carries the program and its timelines.
        Connection.On<ProgramChangedNotice>(nameof(IConferenceClient.ProgramChanged), notice =>
        {
            ProgramChanged?.Invoke(this, notice);
            return ResyncQuietlyAsync();
        });
        Connection.On<string>(nameof(IConferenceClient.SessionEnded), OnSessionEndedAsync);
        Connection.Reconnected += _ => ResyncAfterReconnectAsync();
    }

    /// <summary>The underlying SignalR connection (state, connection id, closing events).</summary>
    public HubConnection Connection { get; }

    /// <summary>The server clock estimate.</summary>
    public ClockSync Clock { get; }

    /// <summary>The program of the joined conference, from the latest snapshot.</summary>
    public ShowSnapshot? Snapshot { get; private set; }

    /// <summary>The live show as last received.</summary>
    public LiveShowState? Show { get; private set; }

    /// <summary>Time left on the running segment by the synced clock; null when nothing runs.</summary>
    public TimeSpan? Remaining => Show?.RemainingAt(Clock.ServerNow);

    /// <summary>Planned, expected and actual times per segment now, computed locally with the engine's own projection.</summary>
    public ShowTimelineView? Timeline =>
        Snapshot is { } snapshot && Show is { } show ? ShowTimeline.Compute(show.ToShowState(), snapshot.Program, Clock.ServerNow) : null;

    /// <summary>Raised on every show change applied (after a resync too).</summary>
    public event EventHandler<LiveShowState>? ShowChanged;

    /// <summary>Raised when a host message for this caller's role arrives.</summary>
    public event EventHandler<HostMessage>? MessageReceived;

    /// <summary>Raised after every clock sync (at start, periodically, after a reconnect or a jump of the local clock).</summary>
    public event EventHandler<ClockSync>? ClockSynced;

    /// <summary>Raised for hosts when the media side's status changes (in sync, pending, degraded).</summary>
    public event EventHandler<MediaStatus>? MediaStatusChanged;

    /// <summary>Raised when the server announces a program edit, before the resync it triggers.</summary>
    public event EventHandler<ProgramChangedNotice>? ProgramChanged;

    /// <summary>Raised after a fresh snapshot replaced the local state (join, reconnect, missed revision).</summary>
    public event EventHandler<ShowSnapshot>? Resynced;

    /// <summary>
    /// The server ended this session (revoked, expired, removed) and closes the connection; the argument is the
    /// reason to show. The client stops instead of reconnecting with a token that no longer works.
    /// </summary>
    public event EventHandler<string>? SessionEnded;

    /// <summary>Why the server ended the session, once it has; null while it is good.</summary>
    public string? EndedReason { get; private set; }

    /// <summary>Connects, syncs the clock and starts watching it for drift and jumps.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await Connection.StartAsync(cancellationToken).ConfigureAwait(false);
        await SyncClockAsync(cancellationToken).ConfigureAwait(false);
        _clockTimer ??= _options.TimeProvider.CreateTimer(
            _ => _ = WatchClockAsync(), null, _options.ClockJumpCheckInterval, _options.ClockJumpCheckInterval);
    }

    /// <summary>Joins a conference and loads its snapshot; afterwards <see cref="Show"/> follows every change.</summary>
    public async Task<ShowSnapshot> JoinAsync(Guid conferenceId, CancellationToken cancellationToken = default)
    {
        _conferenceId = conferenceId;
        return await ResyncAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Re-syncs the clock now (several samples, smallest round trip wins).</summary>
    public async Task SyncClockAsync(CancellationToken cancellationToken = default)
    {
        await Clock.SyncAsync(
            (ticks, ct) => Hub(ct).SyncClock(ticks), _options.ClockSamples, cancellationToken).ConfigureAwait(false);
        _nextResyncAt = _options.TimeProvider.GetUtcNow() + _options.ClockResyncInterval;
        ClockSynced?.Invoke(this, Clock);
    }

    /// <summary>Completes with the first state (current or coming) that satisfies <paramref name="condition"/>.</summary>
    public async Task<LiveShowState> WaitForAsync(Func<LiveShowState, bool> condition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var reached = new TaskCompletionSource<LiveShowState>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check(object? sender, LiveShowState state)
        {
            if (condition(state))
            {
                reached.TrySetResult(state);
            }
        }

        ShowChanged += Check;
        try
        {
            if (Show is { } current)
            {
                Check(this, current);
            }

            await using var registration = cancellationToken.Register(() => reached.TrySetCanceled(cancellationToken));
            return await reached.Task.ConfigureAwait(false);
        }
        finally
        {
            ShowChanged -= Check;
        }
    }

    /// <summary>Stops watching the clock and closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        _clockTimer?.Dispose();
        await Connection.DisposeAsync().ConfigureAwait(false);
        _resync.Dispose();
    }

    private Task OnSessionEndedAsync(string reason)
    {
        EndedReason = reason;
        SessionEnded?.Invoke(this, reason);

        // Not awaited: stopping waits for the receive loop, which is running this handler.
        _ = Task.Run(() => Connection.StopAsync());
        return Task.CompletedTask;
    }
}
