using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Conference.Client;
using Microsoft.AspNetCore.SignalR;

namespace Conference.LoadTest;

/// <summary>
/// Load benchmark (not a test): N participants over real WebSockets on loopback against an
/// in-process Kestrel server, a host pressing Next; and the same N on a bare hub receiving an equal
/// payload, as the baseline, in the same run. Usage: dotnet run -c Release --project tests/Conference.LoadTest --
/// [--participants 1000] [--changes 20] [--warmup 3] [--protocol json|messagepack] [--participant lean|sdk] [--baseline hub|group]
/// [--sign-in invited|organizer] [--timeout-seconds 300] [--client-processes P] [--min-threads T]. With P > 0 the participants (and bare connections) live in P child
/// processes (<see cref="ClientWorker"/>), so the server's process does only the server's work. See <see cref="ParticipantKind"/>.
/// With --nodes 2 --postgres CS --redis HOST:PORT it compares one node with two (<see cref="ClusterFanOut"/>).
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

        if (Option(args, "--nodes", 1) > 1)
        {
            return await ClusterFanOut.RunAsync(args);
        }

        var processes = Option(args, "--client-processes", 0);
        var participants = Option(args, "--participants", 1000);
        var changes = Option(args, "--changes", 20);
        var warmUp = Option(args, "--warmup", 3);
        var protocol = Protocol(args);
        var kind = Participants.Kind(args);
        var timeoutSeconds = Option(args, "--timeout-seconds", 300);
        using var overall = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));

        // The runtime's own thread-pool minimum unless asked: 200 eager threads on two cores spent more time
        // spinning for work than sending it (about 50 ms more at p99 for 5,000).
        var minThreads = Option(args, "--min-threads", 0);
        if (minThreads > 0)
        {
            ThreadPool.SetMinThreads(minThreads, minThreads);
        }

        Console.WriteLine($"participants {participants} ({kind.Name()} clients), changes {changes}, protocol {protocol}, cores {Environment.ProcessorCount}, "
            + $"clients {(processes > 0 ? $"in {processes} child processes" : "in the server's process")}, {LoadReport.LoadAverage()}");

        await using var server = await LoadServer.StartAsync();
        var conferenceId = await CreateProgramAsync(server.Address, warmUp + changes + 1, overall.Token);
        await using var host = new ConferenceLiveClient(server.Address, LoadServer.OrganizerKey, new ConferenceClientOptions { Protocol = protocol });
        var pushed = new PushedShowChanges(host.Connection);
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
            return await RunOutOfProcessAsync(args, server, host, pushed, conferenceId, started, participants, changes, warmUp, processes, protocol, kind, baseline, timeoutSeconds, overall.Token);
        }

        var live = new LatencyRecorder(participants * changes);
        var bare = new LatencyRecorder(participants * changes);
        var signIn = await SignInAsync(args, server.Address, conferenceId, participants, overall.Token);
        PrintSignIn(participants, signIn);
        var before = LoadReport.MemoryNow();
        var joining = Stopwatch.StartNew();
        var clients = await ConnectAllAsync(participants, i => Participants.JoinAsync(
            kind, server.Address, signIn.Tokens[i], conferenceId, protocol,
            (state, latency) =>
            {
                if (state.Revision > started.Revision)
                {
                    live.Record(latency);
                }
            },
            bare.Record, overall.Token), overall.Token);
        var joinTime = joining.Elapsed;
        var joined = LoadReport.MemoryNow();
        Console.WriteLine($"conference hub: {participants} connected, clock-synced and joined in {joinTime.TotalSeconds:0.00} s");

        var bareJoining = Stopwatch.StartNew();
        var bareConnections = baseline != "hub"
            ? []
            : await ConnectAllAsync(participants, _ => Participants.ConnectBareAsync(kind, server.Address, protocol, bare.Record, overall.Token), overall.Token);
        var bareJoinTime = bareJoining.Elapsed;
        var bareJoined = LoadReport.MemoryNow();
        Console.WriteLine(baseline == "hub"
            ? $"baseline: bare hub, {participants} more connections in {bareJoinTime.TotalSeconds:0.00} s"
            : "baseline: bare group send through the conference hub to the same connections");

        var baselineGroup = baseline == "hub" ? server.BareHub.Clients.Group(BareHub.Everyone) : server.ConferenceGroup(conferenceId);
        var (lost, bareLost) = (0, 0);
        for (var i = 0; i < warmUp + changes; i++)
        {
            if (i == warmUp)
            {
                live.StartMeasuring();
                bare.StartMeasuring();
            }

            var received = live.Received;
            var next = await host.NextAsync(cancellationToken: overall.Token);
            lost += await live.WaitForAsync(received + participants, FanOutPatience) ? 0 : 1;
            await Task.Delay(50, overall.Token);

            received = bare.Received;
            var payload = await pushed.OfRevisionAsync(next.Revision, overall.Token);
            await baselineGroup.SendAsync(BaselineMethod, payload with { ServerTime = DateTimeOffset.UtcNow }, overall.Token);
            bareLost += await bare.WaitForAsync(received + participants, FanOutPatience) ? 0 : 1;
            await Task.Delay(50, overall.Token);
        }

        await Task.WhenAll(clients.Concat(bareConnections).Select(c => c.DisposeAsync().AsTask()));
        Console.WriteLine($"finished, {LoadReport.LoadAverage()}");
        LoadReport.Print(participants, signIn.Time, joinTime, live, before, joined, lost, baseline == "hub" ? bareJoinTime : null, bare, joined, bareJoined, bareLost, null);
        return 0;
    }

    /// <summary>The same phases and figures, with the participants in child processes reporting back.</summary>
    private static async Task<int> RunOutOfProcessAsync(
        string[] args, LoadServer server, ConferenceLiveClient host, PushedShowChanges pushed, Guid conferenceId, LiveShowState started, int participants, int changes, int warmUp,
        int processes, LiveProtocol protocol, ParticipantKind kind, string baseline, int timeoutSeconds, CancellationToken cancellationToken)
    {
        var live = new LatencyRecorder(participants * changes);
        var bare = new LatencyRecorder(participants * changes);
        var tokensFile = Path.Combine(Path.GetTempPath(), $"conference-load-tokens-{Guid.NewGuid():N}.txt");
        var signIn = await SignInAsync(args, server.Address, conferenceId, participants, cancellationToken);
        PrintSignIn(participants, signIn);
        await File.WriteAllLinesAsync(tokensFile, signIn.Tokens, cancellationToken);
        using var deleteTokens = new TokensFile(tokensFile);
        string[] workerArguments =
        [
            "--server", server.Address.ToString(), "--tokens-file", tokensFile, "--conference", conferenceId.ToString(),
            "--changes", changes.ToString(CultureInfo.InvariantCulture), "--warmup", warmUp.ToString(CultureInfo.InvariantCulture),
            "--after-revision", started.Revision.ToString(CultureInfo.InvariantCulture),
            "--protocol", protocol == LiveProtocol.MessagePack ? "messagepack" : "json", "--participant", kind.Name(), "--baseline", baseline,
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
        var (liveCpu, bareCpu, liveClientCpu, bareClientCpu) = (TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);
        for (var i = 0; i < warmUp + changes; i++)
        {
            var counted = i >= warmUp;
            var (cpu, clientCpu) = (ServerCpu(self), workers.ProcessorTime());
            var received = live.Received;
            var next = await host.NextAsync(cancellationToken: cancellationToken);
            lost += await live.WaitForAsync(received + participants, FanOutPatience) ? 0 : 1;
            liveCpu += counted ? ServerCpu(self) - cpu : TimeSpan.Zero;
            liveClientCpu += counted ? workers.ProcessorTime() - clientCpu : TimeSpan.Zero;
            await Task.Delay(50, cancellationToken);

            (cpu, clientCpu) = (ServerCpu(self), workers.ProcessorTime());
            received = bare.Received;
            var payload = await pushed.OfRevisionAsync(next.Revision, cancellationToken);
            await baselineGroup.SendAsync(BaselineMethod, payload with { ServerTime = DateTimeOffset.UtcNow }, cancellationToken);
            bareLost += await bare.WaitForAsync(received + participants, FanOutPatience) ? 0 : 1;
            bareCpu += counted ? ServerCpu(self) - cpu : TimeSpan.Zero;
            bareClientCpu += counted ? workers.ProcessorTime() - clientCpu : TimeSpan.Zero;
            await Task.Delay(50, cancellationToken);
        }

        await workers.StopAsync(cancellationToken);
        Console.WriteLine($"finished, {LoadReport.LoadAverage()}");
        LoadReport.Print(participants, signIn.Time, joinTime, live, before, joined, lost, bareJoinTime, bare, joined, bareJoined, bareLost, workers.JoinedGrowth);
        Console.WriteLine($"| server process CPU per change (send until all received) | {liveCpu.TotalMilliseconds / changes:0.0} ms "
            + $"| {bareCpu.TotalMilliseconds / changes:0.0} ms | {liveCpu / bareCpu:0.00} |");
        Console.WriteLine($"| client processes CPU per change (same span) | {liveClientCpu.TotalMilliseconds / changes:0.0} ms "
            + $"| {bareClientCpu.TotalMilliseconds / changes:0.0} ms | {liveClientCpu / bareClientCpu:0.00} |");
        return 0;
    }

    private static TimeSpan ServerCpu(Process self)
    {
        self.Refresh();
        return self.TotalProcessorTime;
    }

    /// <summary>Runs <paramref name="connect"/> for 0 … count − 1, 64 at a time.</summary>
    public static async Task<List<T>> ConnectAllAsync<T>(int count, Func<int, Task<T>> connect, CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(64);
        var tasks = Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                return await connect(i);
            }
            finally
            {
                gate.Release();
            }
        });
        return [.. await Task.WhenAll(tasks)];
    }

    /// <summary>
    /// Each participant's access token: <c>--sign-in invited</c> (the default) invites real attendees,
    /// <c>--sign-in organizer</c> lets all use the organizer key (faster joins, but every participant is then
    /// also in the hosts' group and receives the media status hosts get after each change).
    /// The organizer's part (import and invitations) happens days before an event and is not timed; the
    /// participants' part (each redeems their link) is, as <see cref="SignIn.Time"/>.
    /// </summary>
    internal static async Task<SignIn> SignInAsync(string[] args, Uri server, Guid conferenceId, int count, CancellationToken cancellationToken)
    {
        switch (Text(args, "--sign-in", "invited"))
        {
            case "invited":
                var codes = await InviteAttendeesAsync(server, conferenceId, count, cancellationToken);
                var redeeming = Stopwatch.StartNew();
                var tokens = await RedeemAsync(server, codes, cancellationToken);
                return new SignIn(tokens, redeeming.Elapsed);
            case "organizer":
                return new SignIn(Enumerable.Repeat(LoadServer.OrganizerKey, count).ToArray(), TimeSpan.Zero);
            case var other:
                throw new ArgumentException($"--sign-in is invited or organizer, not '{other}'");
        }
    }

    /// <summary>The participants' access tokens, and how long it took all of them to redeem their links.</summary>
    internal sealed record SignIn(string[] Tokens, TimeSpan Time);

    /// <summary>
    /// Real participants, as an organizer would invite them: N attendees imported from one CSV and an invitation
    /// each. So they join as attendees, in the conference's group but not the hosts' (which also gets the media
    /// status after each change), and each join is checked like anyone's.
    /// </summary>
    private static async Task<string[]> InviteAttendeesAsync(Uri server, Guid conferenceId, int count, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = server };
        http.DefaultRequestHeaders.Authorization = new("Bearer", LoadServer.OrganizerKey);
        var csv = new StringBuilder("displayName,country,roles\n");
        for (var i = 0; i < count; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"Participant {i + 1},{ParticipantCountries[i % ParticipantCountries.Length]},attendee\n");
        }

        using var roster = new StringContent(csv.ToString(), Encoding.UTF8, "text/csv");
        (await http.PostAsync($"/api/conferences/{conferenceId}/participants/import", roster, cancellationToken)).EnsureSuccessStatusCode();
        var issued = await http.PostAsJsonAsync($"/api/conferences/{conferenceId}/invitations", new { role = "attendee" }, cancellationToken);
        var links = await issued.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement[]>(cancellationToken);
        return links!.Select(l => l.GetProperty("code").GetString()!).ToArray();
    }

    /// <summary>Every participant opens their link: the code is redeemed for a session token.</summary>
    private static async Task<string[]> RedeemAsync(Uri server, string[] codes, CancellationToken cancellationToken)
    {
        using var anonymous = new HttpClient { BaseAddress = server };
        var sessions = await ConnectAllAsync(codes.Length, async i =>
        {
            var redeemed = await anonymous.PostAsJsonAsync("/api/join", new { code = codes[i] }, cancellationToken);
            return (await redeemed.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("token").GetString()!;
        }, cancellationToken);
        return [.. sessions];
    }

    internal static void PrintSignIn(int participants, SignIn signIn) =>
        Console.WriteLine(signIn.Time == TimeSpan.Zero
            ? $"sign-in: all {participants} use the organizer key"
            : $"sign-in: {participants} invited attendees redeemed their links in {signIn.Time.TotalSeconds:0.00} s");

    private static readonly string[] ParticipantCountries = ["AZ", "TR", "DE", "US", "GE", "RU", "UA", "FR", "GB", "IL", "CA", "KZ"];

    /// <summary>The workers' session tokens hold until the run ends, then the file goes.</summary>
    private sealed class TokensFile(string path) : IDisposable
    {
        public void Dispose() => File.Delete(path);
    }

    internal static async Task<Guid> CreateProgramAsync(Uri server, int segments, CancellationToken cancellationToken)
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
