using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Conference.Client;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Conference.LoadTest;

/// <summary>
/// Load benchmark (not a test): N participants over real WebSockets on loopback against an
/// in-process Kestrel server, a host pressing Next; and the same N on a bare hub receiving an equal
/// payload, as the baseline, in the same run. Usage: dotnet run -c Release --project tests/Conference.LoadTest --
/// [--participants 1000] [--changes 20] [--warmup 3] [--protocol json|messagepack] [--baseline hub|group] [--timeout-seconds 300]
/// [--client-processes P]. With P > 0 the participants (and bare connections) live in P child processes
/// (<see cref="ClientWorker"/>), so the server's process does only the server's work.
/// </summary>
internal static class LoadTestProgram
{
    public const string BaselineMethod = "Baseline";
    private static readonly TimeSpan FanOutPatience = TimeSpan.FromSeconds(30);

    public static async Task<int> Main(string[] args)
    {
        if (args.Contains("--client-worker"))
        {
            return await ClientWorker.RunAsync(args);
        }

        var processes = Option(args, "--client-processes", 0);
        var participants = Option(args, "--participants", 1000);
        var changes = Option(args, "--changes", 20);
        var warmUp = Option(args, "--warmup", 3);
        var protocol = Protocol(args);
        var timeoutSeconds = Option(args, "--timeout-seconds", 300);
        using var overall = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));

        // Clients and server share two cores here; without a warm pool the first thousand joins wait for thread injection.
        ThreadPool.SetMinThreads(200, 200);
        Console.WriteLine($"participants {participants}, changes {changes}, protocol {protocol}, cores {Environment.ProcessorCount}, "
            + $"clients {(processes > 0 ? $"in {processes} child processes" : "in the server's process")}, {LoadReport.LoadAverage()}");

        await using var server = await LoadServer.StartAsync();
        var conferenceId = await CreateProgramAsync(server.Address, warmUp + changes + 1, overall.Token);
        await using var host = new ConferenceLiveClient(server.Address, LoadServer.OrganizerKey, new ConferenceClientOptions { Protocol = protocol });
        await host.StartAsync(overall.Token);
        await host.JoinAsync(conferenceId, overall.Token);
        var started = await host.StartShowAsync(cancellationToken: overall.Token);

        // The baseline's connections stay open alongside the participants' and the two kinds of change
        // alternate, so JIT tiering, GC and the machine's other load weigh on both alike. A bare hub needs
        // its own N sockets (two descriptors each in this process); when that exceeds the descriptor limit,
        // the baseline is a bare group send through the same hub to the same N connections instead.
        // Out of process, the server's process holds one descriptor per connection (the workers hold the others).
        var baseline = Text(args, "--baseline", null)
            ?? (participants * (processes > 0 ? 2 : 4) <= 18_000 ? "hub" : "group");
        if (processes > 0)
        {
            return await RunOutOfProcessAsync(server, host, conferenceId, started, participants, changes, warmUp, processes, protocol, baseline, timeoutSeconds, overall.Token);
        }

        var live = new LatencyRecorder(participants * changes);
        var bare = new LatencyRecorder(participants * changes);
        var before = LoadReport.MemoryNow();
        var joining = Stopwatch.StartNew();
        var clients = await ConnectAllAsync(participants, async () =>
        {
            var client = NewParticipant(server.Address, LoadServer.OrganizerKey, protocol);
            client.ShowChanged += (_, state) =>
            {
                if (state.Revision > started.Revision)
                {
                    live.Record(client.Clock.ServerNow - state.ServerTime);
                }
            };
            if (baseline == "group")
            {
                client.Connection.On<LiveShowState>(BaselineMethod, state => bare.Record(client.Clock.ServerNow - state.ServerTime));
            }

            await client.StartAsync(overall.Token);
            await client.JoinAsync(conferenceId, overall.Token);
            return client;
        }, overall.Token);
        var joinTime = joining.Elapsed;
        var joined = LoadReport.MemoryNow();
        Console.WriteLine($"conference hub: {participants} connected, clock-synced and joined in {joinTime.TotalSeconds:0.00} s");

        var bareJoining = Stopwatch.StartNew();
        var bareConnections = baseline != "hub" ? [] : await ConnectAllAsync(participants, async () =>
        {
            var connection = BareConnection(server.Address, protocol);
            connection.On<LiveShowState>(BaselineMethod, state => bare.Record(DateTimeOffset.UtcNow - state.ServerTime));
            await connection.StartAsync(overall.Token);
            return connection;
        }, overall.Token);
        var bareJoinTime = bareJoining.Elapsed;
        var bareJoined = LoadReport.MemoryNow();
        Console.WriteLine(baseline == "hub"
            ? $"baseline: bare hub, {participants} more connections in {bareJoinTime.TotalSeconds:0.00} s"
            : "baseline: bare group send through the conference hub to the same connections");

        var baselineGroup = baseline == "hub" ? server.BareHub.Clients.Group(BareHub.Everyone) : server.ConferenceGroup(conferenceId);
        var (lost, bareLost) = (0, 0);
        LiveShowState last = started;
        for (var i = 0; i < warmUp + changes; i++)
        {
            if (i == warmUp)
            {
                live.StartMeasuring();
                bare.StartMeasuring();
            }

            var received = live.Received;
            last = await host.NextAsync(cancellationToken: overall.Token);
            lost += await live.WaitForAsync(received + participants, FanOutPatience) ? 0 : 1;
            await Task.Delay(50, overall.Token);

            received = bare.Received;
            await baselineGroup.SendAsync(BaselineMethod, last with { ServerTime = DateTimeOffset.UtcNow }, overall.Token);
            bareLost += await bare.WaitForAsync(received + participants, FanOutPatience) ? 0 : 1;
            await Task.Delay(50, overall.Token);
        }

        await Task.WhenAll(clients.Select(c => c.DisposeAsync().AsTask()).Concat(bareConnections.Select(c => c.DisposeAsync().AsTask())));
        Console.WriteLine($"finished, {LoadReport.LoadAverage()}");
        LoadReport.Print(participants, joinTime, live, before, joined, lost, baseline == "hub" ? bareJoinTime : null, bare, joined, bareJoined, bareLost, null);
        return 0;
    }

    /// <summary>The same phases and figures, with the participants in child processes reporting back.</summary>
    private static async Task<int> RunOutOfProcessAsync(
        LoadServer server, ConferenceLiveClient host, Guid conferenceId, LiveShowState started, int participants, int changes, int warmUp,
        int processes, LiveProtocol protocol, string baseline, int timeoutSeconds, CancellationToken cancellationToken)
    {
        var live = new LatencyRecorder(participants * changes);
        var bare = new LatencyRecorder(participants * changes);
        string[] workerArguments =
        [
            "--server", server.Address.ToString(), "--token", LoadServer.OrganizerKey, "--conference", conferenceId.ToString(),
            "--changes", changes.ToString(CultureInfo.InvariantCulture), "--warmup", warmUp.ToString(CultureInfo.InvariantCulture),
            "--after-revision", started.Revision.ToString(CultureInfo.InvariantCulture),
            "--protocol", protocol == LiveProtocol.MessagePack ? "messagepack" : "json", "--baseline", baseline,
            "--timeout-seconds", timeoutSeconds.ToString(CultureInfo.InvariantCulture),
        ];
        await using var workers = ClientProcesses.Start(processes, participants, workerArguments, live, bare);

        var before = LoadReport.MemoryNow();
        var joinTime = await workers.JoinAsync(cancellationToken);
        var joined = LoadReport.MemoryNow();
        Console.WriteLine($"conference hub: {participants} connected, clock-synced and joined in {joinTime.TotalSeconds:0.00} s");

        TimeSpan? bareJoinTime = baseline == "hub" ? await workers.BareJoinAsync(cancellationToken) : null;
        var bareJoined = LoadReport.MemoryNow();
        Console.WriteLine(bareJoinTime is { } t
            ? $"baseline: bare hub, {participants} more connections in {t.TotalSeconds:0.00} s"
            : "baseline: bare group send through the conference hub to the same connections");

        // Warm-up is decided per connection in the workers (its first W changes of each kind), not here.
        var baselineGroup = baseline == "hub" ? server.BareHub.Clients.Group(BareHub.Everyone) : server.ConferenceGroup(conferenceId);
        // The server's own CPU per change (its process now holds nothing else but the host): what the fan-out
        // would cost with the clients on other machines, which the latencies on two shared cores cannot show.
        using var self = Process.GetCurrentProcess();
        var (lost, bareLost) = (0, 0);
        var (liveCpu, bareCpu) = (TimeSpan.Zero, TimeSpan.Zero);
        for (var i = 0; i < warmUp + changes; i++)
        {
            self.Refresh();
            var cpu = self.TotalProcessorTime;
            var received = live.Received;
            var last = await host.NextAsync(cancellationToken: cancellationToken);
            lost += await live.WaitForAsync(received + participants, FanOutPatience) ? 0 : 1;
            self.Refresh();
            liveCpu += i >= warmUp ? self.TotalProcessorTime - cpu : TimeSpan.Zero;
            await Task.Delay(50, cancellationToken);

            self.Refresh();
            cpu = self.TotalProcessorTime;
            received = bare.Received;
            await baselineGroup.SendAsync(BaselineMethod, last with { ServerTime = DateTimeOffset.UtcNow }, cancellationToken);
            bareLost += await bare.WaitForAsync(received + participants, FanOutPatience) ? 0 : 1;
            self.Refresh();
            bareCpu += i >= warmUp ? self.TotalProcessorTime - cpu : TimeSpan.Zero;
            await Task.Delay(50, cancellationToken);
        }

        await workers.StopAsync(cancellationToken);
        Console.WriteLine($"finished, {LoadReport.LoadAverage()}");
        LoadReport.Print(participants, joinTime, live, before, joined, lost, bareJoinTime, bare, joined, bareJoined, bareLost, workers.JoinedGrowth);
        Console.WriteLine($"| server process CPU per change (send until all received) | {liveCpu.TotalMilliseconds / changes:0.0} ms | {bareCpu.TotalMilliseconds / changes:0.0} ms | {liveCpu / bareCpu:0.00} |");
        return 0;
    }

    public static ConferenceLiveClient NewParticipant(Uri server, string token, LiveProtocol protocol) =>
        new(server, token, new ConferenceClientOptions
        {
            Protocol = protocol,
            ClockSamples = 3,
            ClockJumpCheckInterval = TimeSpan.FromMinutes(10),
            ClockResyncInterval = TimeSpan.FromHours(1),
            WebSocketFactory = OpenWebSocketAsync,
        });

    public static async Task<List<T>> ConnectAllAsync<T>(int count, Func<Task<T>> connect, CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(64);
        var tasks = Enumerable.Range(0, count).Select(async _ =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                return await connect();
            }
            finally
            {
                gate.Release();
            }
        });
        return [.. await Task.WhenAll(tasks)];
    }

    public static HubConnection BareConnection(Uri server, LiveProtocol protocol)
    {
        var builder = new HubConnectionBuilder().WithUrl(new Uri(server, LoadServer.BarePath), o =>
        {
            o.SkipNegotiation = true;
            o.Transports = HttpTransportType.WebSockets;
        });
        if (protocol == LiveProtocol.MessagePack)
        {
            builder.AddMessagePackProtocol();
        }
        else
        {
            builder.AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
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

    private static async Task<Guid> CreateProgramAsync(Uri server, int segments, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = server };
        http.DefaultRequestHeaders.Authorization = new("Bearer", LoadServer.OrganizerKey);
        var created = await http.PostAsJsonAsync("/api/conferences", new
        {
            title = "Load", scheduledStart = DateTimeOffset.UtcNow, timeZone = "Asia/Baku", languages = new[] { "az" },
        }, cancellationToken);
        var conference = await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        var id = conference.GetProperty("id").GetGuid();
        var revision = conference.GetProperty("revision").GetInt32();
        for (var i = 0; i < segments; i++)
        {
            var added = await http.PostAsJsonAsync($"/api/conferences/{id}/segments",
                new { expectedRevision = revision, kind = "custom", title = $"Part {i + 1}", durationSeconds = 600 }, cancellationToken);
            revision = (await added.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("revision").GetInt32();
        }

        return id;
    }

    public static LiveProtocol Protocol(string[] args) => Text(args, "--protocol", "json") is "messagepack" ? LiveProtocol.MessagePack : LiveProtocol.Json;

    public static string Text(string[] args, string name) =>
        Text(args, name, null) ?? throw new ArgumentException($"{name} is required");

    public static string? Text(string[] args, string name, string? fallback) =>
        args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;

    public static int Option(string[] args, string name, int fallback) =>
        args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } value && int.TryParse(value, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : fallback;
}
