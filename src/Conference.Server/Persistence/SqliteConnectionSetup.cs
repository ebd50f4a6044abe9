using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Conference.Server.Persistence;

/// <summary>
/// How the server uses a SQLite file under load. SQLite has one writer at a time; when thousands
/// redeem their links and join within a minute, writes collide. Without a busy timeout the driver
/// answers a collision by putting the thread to sleep for 150 ms and trying again, so 64 joins in
/// flight went no faster than one at a time. With it, SQLite waits for the lock itself, in steps of
/// a few milliseconds; and in write-ahead-log mode readers never wait for a writer at all.
/// </summary>
public sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    /// <summary>How long a write waits for another to finish before it fails; the driver's own command timeout.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    public static readonly SqliteConnectionSetup Instance = new();

    private static readonly string BusyTimeoutPragma = $"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds};";

    private SqliteConnectionSetup()
    {
    }

    /// <summary>
    /// The journal mode is stored in the file, so setting it once (after migrating) holds for every
    /// later connection. Committed transactions survive a killed process in this mode as in the default one.
    /// </summary>
    public static async Task UseWriteAheadLogAsync(DbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = BusyTimeoutPragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = BusyTimeoutPragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
