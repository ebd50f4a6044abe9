using Microsoft.Data.Sqlite;
using Npgsql;

namespace Conference.Server.Tests;

public enum DatabaseKind
{
    Sqlite,
    Postgres,
}

/// <summary>
/// A throwaway database for one fixture: a SQLite file, or a PostgreSQL database created on the
/// server the test command started (its address comes in CONFERENCE_TEST_POSTGRES).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "CONFERENCE_TEST_POSTGRES";

    private TestDatabase(DatabaseKind kind, string connectionString)
    {
        Kind = kind;
        ConnectionString = connectionString;
    }

    public DatabaseKind Kind { get; }
    public string ConnectionString { get; }
    public string Provider => Kind == DatabaseKind.Postgres ? "PostgreSQL" : "Sqlite";

    public static TestDatabase Create(DatabaseKind kind)
    {
        if (kind == DatabaseKind.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"conference-test-{Guid.NewGuid():N}.db");
            return new TestDatabase(kind, new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        }

        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            Assert.Fail($"PostgreSQL tests need {PostgresVariable} (a connection string to a running server). " +
                        "Run ./scripts/test.sh, which starts a throwaway PostgreSQL on 127.0.0.1.");
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { Database = $"conference_test_{Guid.NewGuid():N}" };
        return new TestDatabase(kind, builder.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        if (Kind == DatabaseKind.Sqlite)
        {
            // In write-ahead-log mode the log and its index sit beside the file.
            var file = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }

            return;
        }

        var target = new NpgsqlConnectionStringBuilder(ConnectionString);
        var admin = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false };
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(admin.ToString());
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{target.Database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
