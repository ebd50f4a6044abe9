using Conference.Server.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Conference.Server.Cluster;

/// <summary>
/// A node without Redis runs alone: it owns every show, and at start-up it closes every hub stay left open
/// (ADR 0005). A second node on the same database would break both, so the first one holds a lock for its
/// lifetime and the second is refused at start-up: an exclusive advisory lock on PostgreSQL, an exclusive lock
/// on a file beside the database on SQLite (which serves one node in any case). The operating system and
/// PostgreSQL drop these locks when the process dies, however it dies.
/// </summary>
public sealed class SingleNodeGuard(IConfiguration configuration, IHostEnvironment environment) : IHostedService, IAsyncDisposable
{
    private NpgsqlConnection? _connection;
    private FileStream? _file;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var connectionString = configuration.GetConnectionString(DatabaseSetup.ConnectionStringName);
        if (DatabaseSetup.IsPostgres(configuration))
        {
            var session = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, ApplicationName = "conference-node" };
            var connection = new NpgsqlConnection(session.ToString());
            await connection.OpenAsync(cancellationToken);
            if (!await AdvisoryLocks.TryLockAsync(connection, AdvisoryLocks.Presence, 0, cancellationToken))
            {
                await connection.DisposeAsync();
                throw new NodeRefusedException(
                    "Another server node is running on this database. Several nodes need Redis for their live channel: " +
                    "set Cluster:Redis (and a distinct Cluster:NodeId) on every node.");
            }

            _connection = connection;
            return;
        }

        var source = new SqliteConnectionStringBuilder(connectionString ?? DatabaseSetup.DefaultSqlite).DataSource;
        if (string.IsNullOrEmpty(source) || source == ":memory:")
        {
            return;
        }

        var lockFile = Path.GetFullPath(source, environment.ContentRootPath) + ".node-lock";
        try
        {
            // FileShare.None is an exclusive lock (flock) on Linux too: a second process, or a second host in this one, is refused.
            _file = new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new NodeRefusedException(
                $"Another server node is using the SQLite database {source}. SQLite serves one node only: " +
                "run several nodes on PostgreSQL with Redis (Database:Provider=PostgreSQL, Cluster:Redis).");
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (_connection is { } connection)
        {
            _connection = null;
            await connection.DisposeAsync();
        }

        if (_file is { } file)
        {
            _file = null;
            await file.DisposeAsync();
        }
    }
}
