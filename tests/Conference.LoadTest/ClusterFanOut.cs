using System.Diagnostics;
using System.Security.Cryptography;
using Conference.Client;
using Npgsql;

namespace Conference.LoadTest;

/// <summary>
/// One node against two, in one run (issue 17): N invited participants on a node that runs alone (SQLite, no Redis),
/// then N on a cluster of two nodes (PostgreSQL, Redis backplane) with the participants spread over both and the host
/// on the first. The same host commands, the same lean participants, the same fan-out latency (receipt by the
/// participant's synced clock minus the state's server time); the ratio is two nodes over one.
/// Usage: --nodes 2 --postgres "Host=127.0.0.1;Port=5432;Username=conference;Database=postgres" --redis 127.0.0.1:6379
/// [--participants 5000] [--changes 20] [--warmup 3] [--protocol json|messagepack].
/// </summary>
internal static class ClusterFanOut
{
    private static readonly TimeSpan FanOutPatience = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(string[] args)
    {
        var participants = LoadTestProgram.Option(args, "--participants", 5000);
        var changes = LoadTestProgram.Option(args, "--changes", 20);
        var warmUp = LoadTestProgram.Option(args, "--warmup", 3);
        var protocol = LoadTestProgram.Protocol(args);
        var postgres = LoadTestProgram.Text(args, "--postgres");
        var redis = LoadTestProgram.Text(args, "--redis");
        using var overall = new CancellationTokenSource(TimeSpan.FromSeconds(LoadTestProgram.Option(args, "--timeout-seconds", 900)));
        Console.WriteLine($"participants {participants}, changes {changes}, protocol {protocol}, cores {Environment.ProcessorCount}, {LoadReport.LoadAverage()}");

        LatencyRecorder alone;
        await using (var node = await LoadServer.StartAsync())
        {
            alone = await MeasureAsync("one node (SQLite, no Redis)", [node], participants, changes, warmUp, protocol, args, overall.Token);
        }

        var database = new NpgsqlConnectionStringBuilder(postgres) { Database = $"conference_bench_{Guid.NewGuid():N}" }.ToString();
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));

        // One prefix for the run, shared by both nodes: a backplane is shared only by nodes on the same channels.
        var backplane = $"{redis},channelPrefix=bench-{Guid.NewGuid():N}";
        Dictionary<string, string?> Node(string name) => new()
        {
            ["Database:Provider"] = "PostgreSQL",
            ["ConnectionStrings:Conference"] = database,
            ["Cluster:Redis"] = backplane,
            ["Cluster:NodeId"] = name,
            ["Auth:SessionSigningKey"] = key,
        };

        LatencyRecorder two;
        try
        {
            await using var first = await LoadServer.StartAsync(Node("bench-a"));
            await using var second = await LoadServer.StartAsync(Node("bench-b"));
            two = await MeasureAsync("two nodes (PostgreSQL, Redis)", [first, second], participants, changes, warmUp, protocol, args, overall.Token);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database) { Database = "postgres", Pooling = false }.ToString());
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(database).Database}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        var a = alone.Percentiles();
        var b = two.Percentiles();
        Console.WriteLine($"finished, {LoadReport.LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine("| | one node | two nodes | ratio |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine($"| fan-out p50 | {a.P50:0.0} ms | {b.P50:0.0} ms | {b.P50 / a.P50:0.00} |");
        Console.WriteLine($"| fan-out p95 | {a.P95:0.0} ms | {b.P95:0.0} ms | {b.P95 / a.P95:0.00} |");
        Console.WriteLine($"| fan-out p99 | {a.P99:0.0} ms | {b.P99:0.0} ms | {b.P99 / a.P99:0.00} |");
        Console.WriteLine($"| fan-out max | {a.Max:0.0} ms | {b.Max:0.0} ms | |");
        Console.WriteLine($"| deliveries | {a.Count} | {b.Count} | |");
        return 0;
    }

    /// <summary>Invites and joins N participants spread over <paramref name="nodes"/> (round robin), then the host on the first node presses Next.</summary>
    private static async Task<LatencyRecorder> MeasureAsync(
        string name, IReadOnlyList<LoadServer> nodes, int participants, int changes, int warmUp, LiveProtocol protocol, string[] args,
        CancellationToken cancellationToken)
    {
        var entry = nodes[0].Address;
        var conferenceId = await LoadTestProgram.CreateProgramAsync(entry, warmUp + changes + 1, cancellationToken);
        await using var host = new ConferenceLiveClient(entry, LoadServer.OrganizerKey, new ConferenceClientOptions { Protocol = protocol });
        await host.StartAsync(cancellationToken);
        await host.JoinAsync(conferenceId, cancellationToken);
        var started = await host.StartShowAsync(cancellationToken: cancellationToken);

        var signIn = await LoadTestProgram.SignInAsync(args, entry, conferenceId, participants, cancellationToken);
        LoadTestProgram.PrintSignIn(participants, signIn);
        var live = new LatencyRecorder(participants * changes);
        var joining = Stopwatch.StartNew();
        var clients = await LoadTestProgram.ConnectAllAsync(participants, i => Participants.JoinAsync(
            ParticipantKind.Lean, nodes[i % nodes.Count].Address, signIn.Tokens[i], conferenceId, protocol,
            (state, latency) =>
            {
                if (state.Revision > started.Revision)
                {
                    live.Record(latency);
                }
            },
            _ => { }, cancellationToken), cancellationToken);
        Console.WriteLine($"{name}: {participants} connected, clock-synced and joined in {joining.Elapsed.TotalSeconds:0.00} s");

        var lost = 0;
        for (var i = 0; i < warmUp + changes; i++)
        {
            if (i == warmUp)
            {
                live.StartMeasuring();
            }

            var received = live.Received;
            await host.NextAsync(cancellationToken: cancellationToken);
            lost += await live.WaitForAsync(received + participants, FanOutPatience) ? 0 : 1;
            await Task.Delay(100, cancellationToken);
        }

        var p = live.Percentiles();
        Console.WriteLine($"{name}: p50 {p.P50:0.0} ms, p95 {p.P95:0.0} ms, p99 {p.P99:0.0} ms, max {p.Max:0.0} ms, {p.Count} deliveries, {lost} changes not fully delivered in 30 s");
        await Task.WhenAll(clients.Select(c => c.DisposeAsync().AsTask()));
        return live;
    }
}
