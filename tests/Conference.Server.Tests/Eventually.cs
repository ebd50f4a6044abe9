namespace Conference.Server.Tests;

/// <summary>
/// The one way tests wait for work done on another thread (the media director, a background loop): poll a condition,
/// bounded, failing with a message that says what was last seen. It waits for work, never for a timer: timers run on
/// the fake clock, which a test advances itself.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultPatience = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);

    /// <summary>Completes when <paramref name="condition"/> holds; fails after <paramref name="patience"/>.</summary>
    public static Task Until(Func<bool> condition, TimeSpan? patience = null) =>
        Value(() => Task.FromResult(condition()), reached => reached, patience);

    /// <summary>Completes when <paramref name="condition"/> holds; fails after <paramref name="patience"/>.</summary>
    public static Task Until(Func<Task<bool>> condition, TimeSpan? patience = null) =>
        Value(condition, reached => reached, patience);

    /// <summary>Reads <paramref name="read"/> until <paramref name="condition"/> holds for what it returns, and returns that.</summary>
    public static async Task<T> Value<T>(Func<Task<T>> read, Func<T, bool> condition, TimeSpan? patience = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + (patience ?? DefaultPatience);
        while (true)
        {
            var value = await read();
            if (condition(value))
            {
                return value;
            }

            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), $"condition not reached in time; last seen: {value}");
            await Task.Delay(Interval);
        }
    }
}
