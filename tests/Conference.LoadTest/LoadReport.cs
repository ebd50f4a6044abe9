using System.Diagnostics;
using System.Globalization;

namespace Conference.LoadTest;

/// <summary>Measuring the process and printing the results as a Markdown table.</summary>
internal static class LoadReport
{
    public static (long Managed, long WorkingSet) MemoryNow()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        return (GC.GetTotalMemory(forceFullCollection: true), process.WorkingSet64);
    }

    public static void Print(
        int participants, TimeSpan signInTime, TimeSpan joinTime, LatencyRecorder live, (long Managed, long WorkingSet) before, (long Managed, long WorkingSet) joined, int lost,
        TimeSpan? bareJoinTime, LatencyRecorder bare, (long Managed, long WorkingSet) bareBefore, (long Managed, long WorkingSet) bareJoined, int bareLost,
        (long Managed, long WorkingSet)? clientProcesses)
    {
        // In process, the growth is both ends of each connection; with the clients in child processes it is the server's share.
        var scope = clientProcesses is null ? "both ends" : "server process";
        var l = live.Percentiles();
        var b = bare.Percentiles();
        static string Kb(long bytes, int n) => (bytes / 1024.0 / n).ToString("0.0", CultureInfo.InvariantCulture);
        Console.WriteLine();
        Console.WriteLine("| | conference hub | baseline (bare SignalR send) | ratio |");
        Console.WriteLine("|---|---|---|---|");
        if (signInTime > TimeSpan.Zero)
        {
            Console.WriteLine($"| all {participants} redeemed their invitation links | {signInTime.TotalSeconds:0.00} s | | |");
        }

        Console.WriteLine($"| all {participants} connected (and joined) | {joinTime.TotalSeconds:0.00} s | {(bareJoinTime is { } t ? $"{t.TotalSeconds:0.00} s" : "same connections")} | |");
        Console.WriteLine($"| fan-out p50 | {l.P50:0.0} ms | {b.P50:0.0} ms | {l.P50 / b.P50:0.00} |");
        Console.WriteLine($"| fan-out p95 | {l.P95:0.0} ms | {b.P95:0.0} ms | {l.P95 / b.P95:0.00} |");
        Console.WriteLine($"| fan-out p99 | {l.P99:0.0} ms | {b.P99:0.0} ms | {l.P99 / b.P99:0.00} |");
        Console.WriteLine($"| fan-out max | {l.Max:0.0} ms | {b.Max:0.0} ms | |");
        Console.WriteLine($"| deliveries (changes not fully delivered in 30 s) | {l.Count} ({lost}) | {b.Count} ({bareLost}) | |");
        var bareMemory = bareJoinTime is null ? "" : $"{Kb(bareJoined.Managed - bareBefore.Managed, participants)} KB";
        var bareWorkingSet = bareJoinTime is null ? "" : $"{Kb(bareJoined.WorkingSet - bareBefore.WorkingSet, participants)} KB";
        Console.WriteLine($"| managed heap per connection, {scope} | {Kb(joined.Managed - before.Managed, participants)} KB | {bareMemory} | |");
        Console.WriteLine($"| working set per connection, {scope} | {Kb(joined.WorkingSet - before.WorkingSet, participants)} KB | {bareWorkingSet} | |");
        if (clientProcesses is { } clients)
        {
            Console.WriteLine($"| managed heap / working set per connection, client processes | {Kb(clients.Managed, participants)} / {Kb(clients.WorkingSet, participants)} KB | | |");
        }
    }

    /// <summary>Other work on the machine shares the cores with both ends of every connection; the figures mean little without it.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? $"load average {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))}" : "load average unknown";
}
