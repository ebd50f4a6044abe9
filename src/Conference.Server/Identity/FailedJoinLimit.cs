using System.Threading.RateLimiting;

namespace Conference.Server.Identity;

/// <summary>
/// Limits failed join-code redemptions per client address, not successful ones. People at a diaspora
/// centre or a school share one internet address, and 200 of them opening their own links must all get in;
/// someone guessing codes fails almost every time, and is stopped after <c>RateLimits:Join:PermitLimit</c>
/// failures per window. Once an address has used its failures up, every redemption from it waits for the
/// window to end (a guesser cannot slip a lucky guess through).
/// </summary>
public sealed class FailedJoinLimit : IEndpointFilter, IDisposable
{
    private readonly PartitionedRateLimiter<string> _failures;
    private readonly TimeSpan _window;

    public FailedJoinLimit(RateLimitSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _window = TimeSpan.FromSeconds(settings.WindowSeconds);
        _failures = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(
            address,
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = settings.PermitLimit,
                Window = _window,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var address = AccessLimits.AddressOf(context.HttpContext);

        // Asking for no permit only reports whether any is left, spending nothing.
        using (var probe = _failures.AttemptAcquire(address, permitCount: 0))
        {
            if (!probe.IsAcquired)
            {
                await AccessLimits.WriteTooManyAsync(context.HttpContext, probe.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : _window);
                return Results.Empty;
            }
        }

        try
        {
            return await next(context);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A refused code, a malformed body: the answer still goes out through the problem details; it just counts.
            _failures.AttemptAcquire(address).Dispose();
            throw;
        }
    }

    public void Dispose() => _failures.Dispose();
}
