namespace Conference.LoadTest;

/// <summary>Fan-out latencies of one phase (server send instant to client receipt), lock-free and preallocated.</summary>
internal sealed class LatencyRecorder(int capacity)
{
    private readonly double[] _milliseconds = new double[capacity];
    private int _count;
    private int _received;

    private volatile bool _measuring;

    public int Received => Volatile.Read(ref _received);

    /// <summary>Warm-up changes (JIT, first GCs) are delivered and counted as received, but not measured.</summary>
    public void StartMeasuring() => _measuring = true;

    public void Record(TimeSpan latency) => Record(latency, _measuring);

    /// <summary>A receipt whose warm-up status the caller knows (a client worker counts each connection's changes itself).</summary>
    public void Record(TimeSpan latency, bool measured)
    {
        Interlocked.Increment(ref _received);
        if (measured)
        {
            AddMeasured(latency.TotalMilliseconds);
        }
    }

    /// <summary>Receipts counted in a client worker process, so that the parent can wait for each change's delivery.</summary>
    public void AddReceived(int receipts) => Interlocked.Add(ref _received, receipts);

    /// <summary>A measured latency reported by a client worker process (its receipt was already counted).</summary>
    public void AddMeasured(double milliseconds)
    {
        var index = Interlocked.Increment(ref _count) - 1;
        if (index < _milliseconds.Length)
        {
            _milliseconds[index] = milliseconds;
        }
    }

    public double[] Measured() => _milliseconds[..Math.Min(Volatile.Read(ref _count), _milliseconds.Length)];

    /// <summary>Waits until <paramref name="expected"/> receipts have arrived (or the phase's patience runs out).</summary>
    public async Task<bool> WaitForAsync(int expected, TimeSpan patience)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (Received < expected)
        {
            if (waited.Elapsed > patience)
            {
                return false;
            }

            await Task.Delay(5);
        }

        return true;
    }

    public (double P50, double P95, double P99, double Max, int Count) Percentiles()
    {
        var count = Math.Min(Volatile.Read(ref _count), _milliseconds.Length);
        var sorted = _milliseconds[..count];
        Array.Sort(sorted);
        double At(double q) => count == 0 ? double.NaN : sorted[Math.Min(count - 1, (int)Math.Ceiling(q * count) - 1)];
        return (At(0.50), At(0.95), At(0.99), count == 0 ? double.NaN : sorted[^1], count);
    }
}
