using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;

namespace Conference.Server.Identity;

/// <summary>Settings of one rate limit: so many requests per window, per client address.</summary>
public sealed class RateLimitSettings
{
    public int PermitLimit { get; set; }
    public int WindowSeconds { get; set; } = 60;
}

/// <summary>
/// Rate limits for the endpoints strangers can call, partitioned by client address: registrations
/// (every attempt counts), and join codes (only failed redemptions count, see <see cref="FailedJoinLimit"/>);
/// and the CORS origins that may call the API from a browser.
/// </summary>
public static class AccessLimits
{
    public const string Registration = "registration";
    public const string CorsSection = "Cors:AllowedOrigins";

    public static IServiceCollection AddConferenceRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var registration = Read(configuration, "RateLimits:Registration", defaultPermits: 10);
        var join = Read(configuration, "RateLimits:Join", defaultPermits: 30);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Registration, context => PerAddress(context, Registration, registration));
            options.OnRejected = (rejected, cancellationToken) => new ValueTask(WriteTooManyAsync(
                rejected.HttpContext,
                rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(registration.WindowSeconds)));
        });
        services.AddSingleton(new FailedJoinLimit(join));
        return services;
    }

    public static IServiceCollection AddConferenceCors(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = configuration.GetSection(CorsSection).Get<string[]>() ?? [];
        services.AddCors(options =>
        {
            if (origins.Length > 0)
            {
                // Credentials are allowed because the SignalR browser client sends them by default.
                options.AddDefaultPolicy(policy => policy.WithOrigins(origins).AllowAnyHeader().AllowAnyMethod().AllowCredentials());
            }
        });
        return services;
    }

    private static RateLimitSettings Read(IConfiguration configuration, string section, int defaultPermits)
    {
        var settings = configuration.GetSection(section).Get<RateLimitSettings>() ?? new RateLimitSettings();
        if (settings.PermitLimit == 0)
        {
            settings.PermitLimit = defaultPermits;
        }

        if (settings.PermitLimit < 1 || settings.WindowSeconds < 1)
        {
            throw new InvalidOperationException($"{section}: PermitLimit and WindowSeconds must be positive.");
        }

        return settings;
    }

    /// <summary>The 429 problem every limit answers with, with Retry-After.</summary>
    public static async Task WriteTooManyAsync(HttpContext http, TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(http);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"Too many attempts from your address. Try again in {seconds} seconds.",
            },
        });
    }

    public static string AddressOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static RateLimitPartition<string> PerAddress(HttpContext context, string policy, RateLimitSettings settings) =>
        RateLimitPartition.GetFixedWindowLimiter(
            $"{policy}:{AddressOf(context)}",
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = settings.PermitLimit,
                Window = TimeSpan.FromSeconds(settings.WindowSeconds),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
}
