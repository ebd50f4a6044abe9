using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Threading.Channels;

namespace Conference.LoadTest;

/// <summary>
/// A child process holding M participants (and, for the bare-hub baseline, M bare connections), so that
/// client-side parsing, GC and thread-pool work do not run inside the server's process. Driven by the
/// parent over stdin ("join", "bare", "stop") and reporting over stdout, one "@"-prefixed line each:
/// "@ready", "@joined ms managed workingSet", "@bare-joined ms", "@count live bare" (receipts so far),
/// then the measured latencies in chunks ("@live ms ms …", "@bare ms ms …") and "@done".
/// Latencies are already clock-corrected; each connection skips its own first W changes (warm-up).
/// </summary>
internal static class ClientWorker
{
    public static async Task<int> RunAsync(string[] args)
    {
        var server = new Uri(LoadTestProgram.Text(args, "--server"));
        var first = LoadTestProgram.Option(args, "--first", 0);
        var conferenceId = Guid.Parse(LoadTestProgram.Text(args, "--conference"), CultureInfo.InvariantCulture);
        var count = LoadTestProgram.Option(args, "--count", 0);
        var tokens = File.ReadLines(LoadTestProgram.Text(args, "--tokens-file")).Skip(first).Take(count).ToArray();
        var changes = LoadTestProgram.Option(args, "--changes", 20);
        var warmUp = LoadTestProgram.Option(args, "--warmup", 3);
        var afterRevision = LoadTestProgram.Option(args, "--after-revision", 0);
        var protocol = LoadTestProgram.Protocol(args);
        var kind = Participants.Kind(args);
        var baseline = LoadTestProgram.Text(args, "--baseline");

        // Bounded in time on its own too: the parent may be gone without having closed our stdin.
        using var overall = new CancellationTokenSource(TimeSpan.FromSeconds(LoadTestProgram.Option(args, "--timeout-seconds", 300)));
        overall.Token.Register(() => Environment.Exit(3));
        var commands = StartCommandPump();

        var live = new LatencyRecorder(count * changes);
        var bare = new LatencyRecorder(count * changes);
        Send("@ready");
        await ExpectAsync(commands, "join", overall.Token);

        var before = LoadReport.MemoryNow();
        var joining = Stopwatch.StartNew();
        var clients = await LoadTestProgram.ConnectAllAsync(count, i =>
        {
            var (seen, bareSeen) = (0, 0);
            return Participants.JoinAsync(kind, server, tokens[i], conferenceId, protocol,
                (state, latency) =>
                {
                    if (state.Revision > afterRevision)
                    {
                        live.Record(latency, Interlocked.Increment(ref seen) > warmUp);
                    }
                },
                latency => bare.Record(latency, Interlocked.Increment(ref bareSeen) > warmUp),
                overall.Token);
        }, overall.Token);
        var joinTime = joining.Elapsed;
        var joined = LoadReport.MemoryNow();
        Send(string.Create(CultureInfo.InvariantCulture,
            $"@joined {joinTime.TotalMilliseconds:0.0} {joined.Managed - before.Managed} {joined.WorkingSet - before.WorkingSet}"));

        List<IAsyncDisposable> bareConnections = [];
        if (baseline == "hub")
        {
            await ExpectAsync(commands, "bare", overall.Token);
            var bareJoining = Stopwatch.StartNew();
            bareConnections = await LoadTestProgram.ConnectAllAsync(count, _ =>
            {
                var bareSeen = 0;
                return Participants.ConnectBareAsync(kind, server, protocol,
                    latency => bare.Record(latency, Interlocked.Increment(ref bareSeen) > warmUp), overall.Token);
            }, overall.Token);
            Send(string.Create(CultureInfo.InvariantCulture, $"@bare-joined {bareJoining.Elapsed.TotalMilliseconds:0.0}"));
        }

        // The parent waits for each change to reach all N; counts go up every few milliseconds, not per receipt.
        using var stopCounting = new CancellationTokenSource();
        var counting = Task.Run(async () =>
        {
            var (reportedLive, reportedBare) = (-1, -1);
            while (!stopCounting.IsCancellationRequested)
            {
                var (l, b) = (live.Received, bare.Received);
                if (l != reportedLive || b != reportedBare)
                {
                    Send(string.Create(CultureInfo.InvariantCulture, $"@count {l} {b}"));
                    (reportedLive, reportedBare) = (l, b);
                }

                await Task.Delay(10, CancellationToken.None);
            }
        }, CancellationToken.None);

        await ExpectAsync(commands, "stop", overall.Token);
        await stopCounting.CancelAsync();
        await counting;
        await Task.WhenAll(clients.Concat(bareConnections).Select(c => c.DisposeAsync().AsTask()));
        SendChunks("@live", live.Measured());
        SendChunks("@bare", bare.Measured());
        Send("@done");
        return 0;
    }

    private static readonly Lock Output = new();

    private static void Send(string line)
    {
        lock (Output)
        {
            Console.Out.WriteLine(line);
            Console.Out.Flush();
        }
    }

    private static void SendChunks(string prefix, double[] milliseconds)
    {
        foreach (var chunk in milliseconds.Chunk(2000))
        {
            var line = new StringBuilder(prefix);
            foreach (var value in chunk)
            {
                line.Append(' ').Append(value.ToString("0.###", CultureInfo.InvariantCulture));
            }

            Send(line.ToString());
        }
    }

    /// <summary>Commands from the parent; when stdin closes (the parent is gone), the worker exits.</summary>
    private static ChannelReader<string> StartCommandPump()
    {
        var channel = Channel.CreateUnbounded<string>();
        var pump = new Thread(() =>
        {
            while (Console.In.ReadLine() is { } line)
            {
                channel.Writer.TryWrite(line.Trim());
            }

            Environment.Exit(4);
        }) { IsBackground = true, Name = "parent commands" };
        pump.Start();
        return channel.Reader;
    }

    private static async Task ExpectAsync(ChannelReader<string> commands, string expected, CancellationToken cancellationToken)
    {
        var command = await commands.ReadAsync(cancellationToken);
        if (command != expected)
        {
            throw new InvalidOperationException($"client worker expected '{expected}' from the parent, got '{command}'");
        }
    }
}
