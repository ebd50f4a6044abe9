using System.Net.WebSockets;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.Extensions.Logging;

namespace Conference.Client;

/// <summary>How a <see cref="ConferenceLiveClient"/> connects, syncs its clock and reconnects.</summary>
public sealed class ConferenceClientOptions
{
    /// <summary>JSON (default) or MessagePack.</summary>
    public LiveProtocol Protocol { get; set; } = LiveProtocol.Json;

    /// <summary>The local clock; tests inject a skewed or fake one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Samples per clock sync; the one with the smallest round trip wins.</summary>
    public int ClockSamples { get; set; } = 8;

    /// <summary>How often the clock is re-synced while connected.</summary>
    public TimeSpan ClockResyncInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the local clock is checked for jumps (which trigger a re-sync).</summary>
    public TimeSpan ClockJumpCheckInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A difference between wall-clock and monotonic time larger than this counts as a jump.</summary>
    public TimeSpan ClockJumpTolerance { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Waits between reconnect attempts; the last one repeats for as long as the client lives.</summary>
    public IReadOnlyList<TimeSpan> ReconnectDelays { get; set; } =
        [TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)];

    /// <summary>
    /// Opens the WebSocket yourself (for an in-memory test server). When set, the client skips
    /// negotiation and uses WebSockets only.
    /// </summary>
    public Func<WebSocketConnectionContext, CancellationToken, ValueTask<WebSocket>>? WebSocketFactory { get; set; }

    /// <summary>Logging for the underlying SignalR connection and the client.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }
}
