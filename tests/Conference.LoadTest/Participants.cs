using System.Net.WebSockets;
using Conference.Client;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Options;

namespace Conference.LoadTest;

/// <summary>
/// How a simulated participant connects. <see cref="Lean"/> (the default) is a <see cref="LeanConnection"/>: a
/// WebSocket speaking the hub protocol, parsing every message in full, clock-synced like the SDK; it costs
/// the shared machine as little as a client can, so the figures are the server's. <see cref="Sdk"/> is the
/// real <see cref="ConferenceLiveClient"/> on <c>HubConnection</c>, what an application uses: end to end,
/// but on two shared cores its own receive path costs more CPU than the server's send.
/// </summary>
internal enum ParticipantKind
{
    Lean,
    Sdk,
}

internal static class Participants
{
    private const int ClockSamples = 3;

    public static ParticipantKind Kind(string[] args) =>
        LoadTestProgram.Text(args, "--participant", "lean") switch
        {
            "lean" => ParticipantKind.Lean,
            "sdk" => ParticipantKind.Sdk,
            var other => throw new ArgumentException($"--participant is lean or sdk, not '{other}'"),
        };

    public static string Name(this ParticipantKind kind) => kind == ParticipantKind.Sdk ? "sdk" : "lean";

    /// <summary>
    /// One participant of the conference: connected, clock-synced (3 samples, smallest round trip) and joined.
    /// <paramref name="onShow"/> gets each <c>ShowChanged</c> with its fan-out latency by the participant's synced
    /// clock; <paramref name="onBaseline"/> the same for a bare group send through the same connection.
    /// </summary>
    public static async Task<IAsyncDisposable> JoinAsync(
        ParticipantKind kind, Uri server, string token, Guid conferenceId, LiveProtocol protocol,
        Action<LiveShowState, TimeSpan> onShow, Action<TimeSpan> onBaseline, CancellationToken cancellationToken)
    {
        if (kind == ParticipantKind.Sdk)
        {
            var client = NewSdkClient(server, token, protocol);
            client.ShowChanged += (_, state) => onShow(state, client.Clock.ServerNow - state.ServerTime);
            client.Connection.On<LiveShowState>(LoadTestProgram.BaselineMethod, state => onBaseline(client.Clock.ServerNow - state.ServerTime));
            await client.StartAsync(cancellationToken);
            await client.JoinAsync(conferenceId, cancellationToken);
            return client;
        }

        var clock = new ClockSync(TimeProvider.System);
        var hubUrl = new Uri(server, $"{ConferenceLiveClient.HubPath}?access_token={Uri.EscapeDataString(token)}");
        var connection = await LeanConnection.ConnectAsync(hubUrl, HubProtocol(protocol), ShowTargets, (target, argument) =>
        {
            var state = (LiveShowState)argument!;
            var latency = clock.ServerNow - state.ServerTime;
            if (target == "ShowChanged")
            {
                onShow(state, latency);
            }
            else
            {
                onBaseline(latency);
            }
        }, cancellationToken);
        try
        {
            await clock.SyncAsync((ticks, ct) => connection.InvokeAsync<ClockSample>("SyncClock", [ticks], ct), ClockSamples, cancellationToken);
            await connection.InvokeAsync<ShowSnapshot>("JoinConference", [conferenceId], cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>A connection to the bare baseline hub (same machine, same clock: no correction).</summary>
    public static async Task<IAsyncDisposable> ConnectBareAsync(
        ParticipantKind kind, Uri server, LiveProtocol protocol, Action<TimeSpan> onBaseline, CancellationToken cancellationToken)
    {
        if (kind == ParticipantKind.Sdk)
        {
            var connection = BareSdkConnection(server, protocol);
            connection.On<LiveShowState>(LoadTestProgram.BaselineMethod, state => onBaseline(DateTimeOffset.UtcNow - state.ServerTime));
            await connection.StartAsync(cancellationToken);
            return connection;
        }

        return await LeanConnection.ConnectAsync(new Uri(server, LoadServer.BarePath), HubProtocol(protocol), BaselineTargets,
            (_, argument) => onBaseline(DateTimeOffset.UtcNow - ((LiveShowState)argument!).ServerTime), cancellationToken);
    }

    private static readonly Dictionary<string, Type> ShowTargets = new()
    {
        ["ShowChanged"] = typeof(LiveShowState),
        [LoadTestProgram.BaselineMethod] = typeof(LiveShowState),
    };

    private static readonly Dictionary<string, Type> BaselineTargets = new() { [LoadTestProgram.BaselineMethod] = typeof(LiveShowState) };

    /// <summary>The protocols as the SDK configures them: one dialect, <see cref="LiveWire"/>.</summary>
    private static IHubProtocol HubProtocol(LiveProtocol protocol) =>
        protocol == LiveProtocol.MessagePack
            ? new MessagePackHubProtocol(Options.Create(new MessagePackHubProtocolOptions { SerializerOptions = LiveWire.MessagePack }))
            : new JsonHubProtocol(Options.Create(new JsonHubProtocolOptions { PayloadSerializerOptions = LiveWire.Json }));

    private static ConferenceLiveClient NewSdkClient(Uri server, string token, LiveProtocol protocol) =>
        new(server, token, new ConferenceClientOptions
        {
            Protocol = protocol,
            ClockSamples = ClockSamples,
            ClockJumpCheckInterval = TimeSpan.FromMinutes(10),
            ClockResyncInterval = TimeSpan.FromHours(1),
            WebSocketFactory = OpenWebSocketAsync,
        });

    private static HubConnection BareSdkConnection(Uri server, LiveProtocol protocol)
    {
        var builder = new HubConnectionBuilder().WithUrl(new Uri(server, LoadServer.BarePath), o =>
        {
            o.SkipNegotiation = true;
            o.Transports = HttpTransportType.WebSockets;
        });
        if (protocol == LiveProtocol.MessagePack)
        {
            builder.AddMessagePackProtocol(o => o.SerializerOptions = LiveWire.MessagePack);
        }
        else
        {
            builder.AddJsonProtocol(o => o.PayloadSerializerOptions = LiveWire.Json);
        }

        return builder.Build();
    }

    /// <summary>WebSockets straight away, no negotiate request: one socket per participant instead of two.</summary>
    private static async ValueTask<WebSocket> OpenWebSocketAsync(WebSocketConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(context.Uri, cancellationToken);
        return socket;
    }
}
