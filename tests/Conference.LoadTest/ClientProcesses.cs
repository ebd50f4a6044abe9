using System.Diagnostics;
using System.Globalization;

namespace Conference.LoadTest;

/// <summary>
/// The participants in P child processes of this same program (<see cref="ClientWorker"/>), on loopback,
/// feeding the parent's recorders: receipt counts while the host presses Next, measured latencies at the end.
/// Children are killed (whole tree) on dispose, so a timeout or a failure leaves none behind.
/// </summary>
internal sealed class ClientProcesses : IAsyncDisposable
{
    private readonly List<Worker> _workers;

    private ClientProcesses(List<Worker> workers) => _workers = workers;

    /// <summary>Bytes the client processes grew by while their participants connected and joined (all workers together).</summary>
    public (long Managed, long WorkingSet) JoinedGrowth { get; private set; }

    public static ClientProcesses Start(int processes, int participants, IReadOnlyList<string> workerArguments, LatencyRecorder live, LatencyRecorder bare)
    {
        var workers = new List<Worker>();
        var result = new ClientProcesses(workers);
        try
        {
            var first = 0;
            for (var i = 0; i < processes; i++)
            {
                var count = participants / processes + (i < participants % processes ? 1 : 0);
                workers.Add(new Worker(i, first, count, workerArguments, live, bare));
                first += count;
            }
        }
        catch
        {
            result.KillAll();
            throw;
        }

        return result;
    }

    /// <summary>Waits until every worker is up, then has all connect and join at once; timed from the "join" command.</summary>
    public async Task<TimeSpan> JoinAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(_workers.Select(w => w.Ready.Task)).WaitAsync(cancellationToken);
        var joining = Stopwatch.StartNew();
        Command("join");
        await Task.WhenAll(_workers.Select(w => w.Joined.Task)).WaitAsync(cancellationToken);
        JoinedGrowth = (_workers.Sum(w => w.Growth.Managed), _workers.Sum(w => w.Growth.WorkingSet));
        return joining.Elapsed;
    }

    /// <summary>CPU time all client processes have used so far (user and system).</summary>
    public TimeSpan ProcessorTime()
    {
        var total = TimeSpan.Zero;
        foreach (var worker in _workers)
        {
            worker.Process.Refresh();
            total += worker.Process.TotalProcessorTime;
        }

        return total;
    }

    public async Task<TimeSpan> BareJoinAsync(CancellationToken cancellationToken)
    {
        var joining = Stopwatch.StartNew();
        Command("bare");
        await Task.WhenAll(_workers.Select(w => w.BareJoined.Task)).WaitAsync(cancellationToken);
        return joining.Elapsed;
    }

    /// <summary>Workers close their connections and send their measured latencies; returns once all have exited.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Command("stop");
        await Task.WhenAll(_workers.Select(w => w.Done.Task)).WaitAsync(cancellationToken);
        await Task.WhenAll(_workers.Select(w => w.Process.WaitForExitAsync(cancellationToken)));
    }

    public ValueTask DisposeAsync()
    {
        KillAll();
        foreach (var worker in _workers)
        {
            worker.Process.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    private void Command(string command)
    {
        foreach (var worker in _workers)
        {
            worker.Process.StandardInput.WriteLine(command);
            worker.Process.StandardInput.Flush();
        }
    }

    private void KillAll()
    {
        foreach (var worker in _workers)
        {
            try
            {
                if (!worker.Process.HasExited)
                {
                    worker.Process.Kill(entireProcessTree: true);
                }
            }
            catch (InvalidOperationException)
            {
                // Never started or already reaped: nothing left to kill.
            }
        }
    }

    private sealed class Worker
    {
        private readonly LatencyRecorder _live;
        private readonly LatencyRecorder _bare;
        private int _liveReceived;
        private int _bareReceived;

        public Worker(int index, int first, int count, IReadOnlyList<string> workerArguments, LatencyRecorder live, LatencyRecorder bare)
        {
            _live = live;
            _bare = bare;
            var info = new ProcessStartInfo(Environment.ProcessPath!)
            {
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
            {
                info.ArgumentList.Add(typeof(ClientWorker).Assembly.Location);
            }

            info.ArgumentList.Add("--client-worker");
            foreach (var argument in workerArguments)
            {
                info.ArgumentList.Add(argument);
            }

            info.ArgumentList.Add("--first");
            info.ArgumentList.Add(first.ToString(CultureInfo.InvariantCulture));
            info.ArgumentList.Add("--count");
            info.ArgumentList.Add(count.ToString(CultureInfo.InvariantCulture));
            // Workstation (concurrent) GC in the workers: server GC would run a heap per core at high priority
            // in each worker, pausing the server's threads on the same two cores.
            info.Environment["DOTNET_gcServer"] = "0";

            Process = new Process { StartInfo = info, EnableRaisingEvents = true };
            Process.OutputDataReceived += (_, e) => OnLine(e.Data);
            Process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is { } line)
                {
                    Console.Error.WriteLine($"[worker {index}] {line}");
                }
            };
            Process.Exited += async (_, _) =>
            {
                // Let the remaining output arrive first, so a normal "@done" is not mistaken for a failure.
                await Process.WaitForExitAsync();
                var failure = new InvalidOperationException($"client worker {index} exited with code {Process.ExitCode}");
                Ready.TrySetException(failure);
                Joined.TrySetException(failure);
                BareJoined.TrySetException(failure);
                Done.TrySetException(failure);
            };
            Process.Start();
            Process.BeginOutputReadLine();
            Process.BeginErrorReadLine();
        }

        public Process Process { get; }

        public TaskCompletionSource Ready { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Joined { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource BareJoined { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public (long Managed, long WorkingSet) Growth { get; private set; }

        /// <summary>Output lines of one process arrive one at a time, in order.</summary>
        private void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            switch (parts.FirstOrDefault())
            {
                case "@ready":
                    Ready.TrySetResult();
                    break;
                case "@joined":
                    Growth = (long.Parse(parts[2], CultureInfo.InvariantCulture), long.Parse(parts[3], CultureInfo.InvariantCulture));
                    Joined.TrySetResult();
                    break;
                case "@bare-joined":
                    BareJoined.TrySetResult();
                    break;
                case "@count":
                    var live = int.Parse(parts[1], CultureInfo.InvariantCulture);
                    var bare = int.Parse(parts[2], CultureInfo.InvariantCulture);
                    _live.AddReceived(live - _liveReceived);
                    _bare.AddReceived(bare - _bareReceived);
                    (_liveReceived, _bareReceived) = (live, bare);
                    break;
                case "@live":
                    foreach (var value in parts.Skip(1))
                    {
                        _live.AddMeasured(double.Parse(value, CultureInfo.InvariantCulture));
                    }

                    break;
                case "@bare":
                    foreach (var value in parts.Skip(1))
                    {
                        _bare.AddMeasured(double.Parse(value, CultureInfo.InvariantCulture));
                    }

                    break;
                case "@done":
                    Done.TrySetResult();
                    break;
                default:
                    Console.Error.WriteLine($"[worker] {line}");
                    break;
            }
        }
    }
}
