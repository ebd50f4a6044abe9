using System.Net;

namespace Conference.LiveKit.Emulator;

/// <summary>Faults the emulator applies to the next calls, so tests can drive retries, timeouts and auth failures.</summary>
public sealed class EmulatorFaults
{
    private readonly Lock _gate = new();
    private int _failuresLeft;
    private HttpStatusCode _failureStatus = HttpStatusCode.ServiceUnavailable;
    private int _delaysLeft;
    private TimeSpan _delay;
    private bool _forceUnauthorized;

    /// <summary>Answers the next <paramref name="count"/> calls with a Twirp error of this status (503 <c>unavailable</c> by default).</summary>
    /// <param name="count">How many calls fail.</param>
    /// <param name="status">The HTTP status to answer with.</param>
    public void FailNext(int count, HttpStatusCode status = HttpStatusCode.ServiceUnavailable)
    {
        lock (_gate)
        {
            _failuresLeft = count;
            _failureStatus = status;
        }
    }

    /// <summary>Holds the next <paramref name="count"/> responses back by <paramref name="delay"/>.</summary>
    /// <param name="count">How many calls are slow.</param>
    /// <param name="delay">How long each is held.</param>
    public void DelayNext(int count, TimeSpan delay)
    {
        lock (_gate)
        {
            _delaysLeft = count;
            _delay = delay;
        }
    }

    /// <summary>While true, every call is rejected as the auth middleware rejects a bad token: 401 with plain text.</summary>
    /// <param name="value">Whether to reject.</param>
    public void ForceUnauthorized(bool value)
    {
        lock (_gate)
        {
            _forceUnauthorized = value;
        }
    }

    /// <summary>Clears all faults.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _failuresLeft = 0;
            _delaysLeft = 0;
            _forceUnauthorized = false;
        }
    }

    internal (TimeSpan Delay, HttpStatusCode? Failure, bool Unauthorized) Next()
    {
        lock (_gate)
        {
            TimeSpan delay = TimeSpan.Zero;
            if (_delaysLeft > 0)
            {
                _delaysLeft--;
                delay = _delay;
            }

            HttpStatusCode? failure = null;
            if (_failuresLeft > 0)
            {
                _failuresLeft--;
                failure = _failureStatus;
            }

            return (delay, failure, _forceUnauthorized);
        }
    }
}
