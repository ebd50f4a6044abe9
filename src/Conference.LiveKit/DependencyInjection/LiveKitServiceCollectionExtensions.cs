using System.Net;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Conference.LiveKit;

/// <summary>Registers the LiveKit clients, token verifier and webhook receiver.</summary>
public static class LiveKitServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="IHttpClientFactory"/> client the LiveKit clients use.</summary>
    public const string HttpClientName = "Conference.LiveKit";

    /// <summary>Registers LiveKit with options bound from <c>configuration</c>'s <c>LiveKit</c> section.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration root (or any parent of the <c>LiveKit</c> section).</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddLiveKit(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddLiveKit(options => configuration.GetSection(LiveKitOptions.SectionName).Bind(options));
    }

    /// <summary>Registers LiveKit with options set in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddLiveKit(this IServiceCollection services, Action<LiveKitOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<LiveKitOptions>().Configure(configure).ValidateDataAnnotations().ValidateOnStart();
        if (services.Any(static d => d.ServiceType == typeof(RoomServiceClient)))
        {
            // A second call only adds configuration; a second resilience handler would nest the retries.
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(HttpClientName, static http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("livekit", static (pipeline, context) =>
                ConfigurePipeline(pipeline, context.ServiceProvider.GetRequiredService<IOptions<LiveKitOptions>>().Value));

        services.TryAddSingleton<RoomServiceClient>();
        services.TryAddSingleton<IngressClient>();
        services.TryAddSingleton<EgressClient>();
        services.TryAddSingleton(static sp => Verifier(sp));
        services.TryAddSingleton(static sp =>
        {
            LiveKitOptions o = sp.GetRequiredService<IOptions<LiveKitOptions>>().Value;
            return new WebhookReceiver(o.ApiKey, o.ApiSecret, sp.GetRequiredService<TimeProvider>()) { Leeway = o.ClockLeeway };
        });
        return services;
    }

    /// <summary>
    /// Total timeout, then retry, then circuit breaker, then per-attempt timeout: each attempt is
    /// bounded, the breaker counts attempts, and the whole call (retries included) is bounded.
    /// </summary>
    private static void ConfigurePipeline(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, LiveKitOptions options)
    {
        pipeline.AddTimeout(options.RequestTimeout);
        pipeline.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = Math.Max(options.MaxRetryAttempts, 1),
            Delay = options.RetryBaseDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = args => ValueTask.FromResult(
                options.MaxRetryAttempts > 0
                && LiveKitRequestPolicy.IsMarkedIdempotent(args.Context.GetRequestMessage())
                && IsTransientFailure(args.Outcome)),
        });
        pipeline.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            FailureRatio = options.CircuitBreakerFailureRatio,
            MinimumThroughput = options.CircuitBreakerMinimumThroughput,
            SamplingDuration = TimeSpan.FromSeconds(30),
            BreakDuration = options.CircuitBreakerBreakDuration,
            ShouldHandle = args => ValueTask.FromResult(IsTransientFailure(args.Outcome)),
        });
        pipeline.AddTimeout(options.AttemptTimeout);
    }

    /// <summary>
    /// Transport errors, attempt timeouts and 5xx are worth another try. 4xx never is; that includes
    /// 429, because LiveKit's resource_exhausted signals a limit (rooms, participants) rather than a
    /// short-lived throttle, and LiveKit's own SDKs do not retry it either.
    /// </summary>
    internal static bool IsTransientFailure(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => (int)response.StatusCode >= (int)HttpStatusCode.InternalServerError,
        _ => false,
    };

    private static TokenVerifier Verifier(IServiceProvider services)
    {
        LiveKitOptions options = services.GetRequiredService<IOptions<LiveKitOptions>>().Value;
        return new TokenVerifier(options.ApiKey, options.ApiSecret, services.GetRequiredService<TimeProvider>()) { Leeway = options.ClockLeeway };
    }
}
