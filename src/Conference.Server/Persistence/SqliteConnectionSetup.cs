using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

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

    /// <summary>Native connections already set up; weak, so a connection the pool drops is forgotten with it.</summary>
    private static readonly ConditionalWeakTable<sqlite3, object> Configured = new();

    private static readonly object Marker = new();

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

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => SetBusyTimeout(connection);

    /// <remarks>The SQLite driver runs commands synchronously whichever method is called.</remarks>
    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        SetBusyTimeout(connection);
        return Task.CompletedTask;
    }

    /// <summary>
    /// EF opens the connection for every query, but the driver's pool hands back the same native
    /// connection, which keeps the setting: it is set once per native connection, not once per query.
    /// </summary>
    private static void SetBusyTimeout(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var native = (connection as SqliteConnection)?.Handle;
        if (native is not null && Configured.TryGetValue(native, out _))
        {
            return;
        }

        using (var command = connection.CreateCommand())
        {
            command.CommandText = BusyTimeoutPragma;
            command.ExecuteNonQuery();
        }

        if (native is not null)
        {
            Configured.AddOrUpdate(native, Marker);
        }
    }
}
