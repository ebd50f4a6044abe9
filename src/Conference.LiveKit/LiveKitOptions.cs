using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Conference.LiveKit;

/// <summary>Settings for the LiveKit clients, bound from the <c>LiveKit</c> configuration section.</summary>
public sealed class LiveKitOptions
{
    /// <summary>
    /// The configuration section <see cref="LiveKitServiceCollectionExtensions.AddLiveKit(IServiceCollection, IConfiguration)"/> reads.
    /// </summary>
    public const string SectionName = "LiveKit";

    /// <summary>The server URL; <c>ws(s)://</c> is accepted and turned into <c>http(s)://</c>.</summary>
    [Required]
    public string Url { get; set; } = "";

    /// <summary>The API key.</summary>
    [Required]
    public string ApiKey { get; set; } = "";

    /// <summary>The API secret.</summary>
    [Required]
    public string ApiSecret { get; set; } = "";

    /// <summary>The limit for a whole call including retries.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The limit for one HTTP attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many times an idempotent call is retried after a transport error or a 5xx.</summary>
    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first retry delay; later ones grow exponentially with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The share of failed calls within the sampling window that opens the circuit.</summary>
    [Range(0.01, 1.0)]
    public double CircuitBreakerFailureRatio { get; set; } = 0.5;

    /// <summary>The minimum number of calls in the window before the circuit may open.</summary>
    [Range(2, int.MaxValue)]
    public int CircuitBreakerMinimumThroughput { get; set; } = 20;

    /// <summary>How long an open circuit rejects calls before trying again.</summary>
    [Range(typeof(TimeSpan), "00:00:00.5", "00:10:00")]
    public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The clock skew allowed when verifying tokens and webhooks.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ClockLeeway { get; set; } = TokenVerifier.DefaultLeeway;

    /// <summary>The lifetime of the token minted for each API call.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan CallTokenTimeToLive { get; set; } = TimeSpan.FromMinutes(10);
}
