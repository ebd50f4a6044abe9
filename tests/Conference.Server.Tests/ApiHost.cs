using Conference.Server.Cluster;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Conference.Server.Tests;

/// <summary>The real server (all middleware, real database) in process, with a known organizer key and a fake clock.</summary>
public sealed class ApiHost(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public const string OrganizerKey = "test-organizer-key-0123456789";
    public const string SigningKey = "test-session-signing-key-0123456789-abcdefghijklmnop";

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    /// <summary>Where this host keeps appeal videos: a fresh temp folder, never the source tree.</summary>
    public string MediaFolder { get; } = Path.Combine(Path.GetTempPath(), $"conference-media-{Guid.NewGuid():N}");

    /// <summary>Every warning and error the server logged, for tests of what lands in the log.</summary>
    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", database.Provider);
        builder.UseSetting("ConnectionStrings:Conference", database.ConnectionString);
        builder.UseSetting("Auth:OrganizerKey", OrganizerKey);
        builder.UseSetting("Auth:SessionSigningKey", SigningKey);
        builder.UseSetting("Demo:SeedOnFirstRun", "false");
        builder.UseSetting("Appeals:StoragePath", MediaFolder);

        // Every test client shares one address; fixtures that test the limits set their own.
        builder.UseSetting("RateLimits:Join:PermitLimit", "100000");
        builder.UseSetting("RateLimits:Registration:PermitLimit", "100000");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddProvider(Logs));
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);

            // Tests here "restart" by starting a second host on the database while the first still runs, which a real
            // restart cannot do; the guard against a second node is tested with real processes (ClusterStartupTests).
            foreach (var guard in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(SingleNodeGuard)).ToList())
            {
                services.Remove(guard);
            }
        });
    }

    /// <summary>A client that sends a participant's session token, as a participant's browser would.</summary>
    public HttpClient CreateSessionClient(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(MediaFolder))
        {
            Directory.Delete(MediaFolder, recursive: true);
        }
    }

    public HttpClient CreateOrganizerClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", OrganizerKey);
        return client;
    }
}

/// <summary>Keeps what the server logs at warning level and above, in memory.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly List<CapturedLog> _entries = [];

    public IReadOnlyList<CapturedLog> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            lock (owner._entries)
            {
                owner._entries.Add(new CapturedLog(logLevel, category, formatter(state, exception), exception));
            }
        }
    }
}

public sealed record CapturedLog(LogLevel Level, string Category, string Message, Exception? Exception);
