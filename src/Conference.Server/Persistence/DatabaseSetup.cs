using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Conference.Server.Persistence;

public static class DatabaseSetup
{
    public const string ProviderSetting = "Database:Provider";
    public const string ConnectionStringName = "Conference";
    public const string DefaultSqlite = "Data Source=data/conference.db";

    public static bool IsPostgres(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var provider = configuration[ProviderSetting];
        return provider is not null
            && (provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase) || provider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase));
    }

    public static WebApplicationBuilder AddConferenceDatabase(this WebApplicationBuilder builder)
    {
        var provider = builder.Configuration[ProviderSetting] ?? "Sqlite";
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        var services = builder.Services;

        if (IsPostgres(builder.Configuration))
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("Database:Provider is PostgreSQL but ConnectionStrings:Conference is empty.");
            }

            services.AddDbContextPool<PostgresConferenceDbContext>(o => o.UseNpgsql(connectionString));
            services.AddScoped<ConferenceDbContext>(sp => sp.GetRequiredService<PostgresConferenceDbContext>());
        }
        else if (provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            var sqlite = PrepareSqlite(connectionString ?? DefaultSqlite, builder.Environment.ContentRootPath);
            services.AddDbContextPool<SqliteConferenceDbContext>(o => o.UseSqlite(sqlite).AddInterceptors(SqliteConnectionSetup.Instance));
            services.AddScoped<ConferenceDbContext>(sp => sp.GetRequiredService<SqliteConferenceDbContext>());
        }
        else
        {
            throw new InvalidOperationException($"Database:Provider '{provider}' is not supported; use Sqlite or PostgreSQL.");
        }

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return builder;
    }

    /// <summary>
    /// Applies pending migrations; the SQLite file and its folder are created on first run.
    /// Returns true when the database was new (no migration had been applied before).
    /// </summary>
    public static async Task<bool> MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ConferenceDbContext>();
        var isNew = !(await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any();
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await SqliteConnectionSetup.UseWriteAheadLogAsync(db, cancellationToken);
        }

        return isNew;
    }

    /// <summary>A relative SQLite path is taken from the content root, and its folder is created.</summary>
    private static string PrepareSqlite(string connectionString, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (csb.DataSource is { Length: > 0 } source && source != ":memory:" && csb.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.GetFullPath(source, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            csb.DataSource = path;
        }

        return csb.ToString();
    }
}
