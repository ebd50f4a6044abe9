using Conference.Server.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Conference.Server.Tests.Hosting;

/// <summary>
/// The SQLite file is set up for many writers at once: in write-ahead-log mode (readers never wait
/// for a writer) and with a busy timeout on every connection, so a write that meets another waits
/// for SQLite's lock instead of the driver's 150 ms sleep-and-retry.
/// </summary>
public class SqliteSetupTests
{
    [Test]
    public async Task EveryConnection_WaitsForTheWriteLock_InWriteAheadLogMode()
    {
        await using var database = TestDatabase.Create(DatabaseKind.Sqlite);
        await using var host = new ApiHost(database);
        host.CreateClient().Dispose();

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ConferenceDbContext>();
        await db.Database.OpenConnectionAsync();
        try
        {
            Assert.That(await PragmaAsync(db, "journal_mode"), Is.EqualTo("wal"));
            Assert.That(await PragmaAsync(db, "busy_timeout"), Is.EqualTo(ExpectedBusyTimeout));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [Test]
    public async Task APooledConnection_KeepsItsBusyTimeout_WhenOpenedAgain()
    {
        await using var database = TestDatabase.Create(DatabaseKind.Sqlite);
        var pooled = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString) { Pooling = true };
        await using var host = new ApiHost(database, new Dictionary<string, string?> { ["ConnectionStrings:Conference"] = pooled.ToString() });
        host.CreateClient().Dispose();

        // The setting is made once per native connection; the pool hands the same one back.
        for (var open = 0; open < 3; open++)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ConferenceDbContext>();
            await db.Database.OpenConnectionAsync();
            try
            {
                Assert.That(await PragmaAsync(db, "busy_timeout"), Is.EqualTo(ExpectedBusyTimeout));
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Test]
    public async Task TwoWritersAtOnce_BothCommit()
    {
        await using var database = TestDatabase.Create(DatabaseKind.Sqlite);
        await using var host = new ApiHost(database);
        host.CreateClient().Dispose();

        // One writer holds SQLite's write lock while the other tries to write: the second waits, then commits.
        await using var holderScope = host.Services.CreateAsyncScope();
        var holder = holderScope.ServiceProvider.GetRequiredService<ConferenceDbContext>();
        await using (var transaction = await holder.Database.BeginTransactionAsync())
        {
            await holder.Database.ExecuteSqlRawAsync("CREATE TABLE Probe (Id INTEGER PRIMARY KEY)");
            var second = Task.Run(async () =>
            {
                await using var scope = host.Services.CreateAsyncScope();
                var writer = scope.ServiceProvider.GetRequiredService<ConferenceDbContext>();
                await writer.Database.ExecuteSqlRawAsync("CREATE TABLE Waited (Id INTEGER PRIMARY KEY)");
            });
            await Task.Delay(200);
            Assert.That(second.IsCompleted, Is.False, "the second writer should be waiting for the lock");
            await transaction.CommitAsync();
            await second;
        }

        await using var checkScope = host.Services.CreateAsyncScope();
        var check = checkScope.ServiceProvider.GetRequiredService<ConferenceDbContext>();
        var tables = await check.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'table' AND name IN ('Probe', 'Waited')").ToListAsync();
        Assert.That(tables, Is.EquivalentTo(new[] { "Probe", "Waited" }));
    }

    private static readonly string ExpectedBusyTimeout =
        ((int)SqliteConnectionSetup.BusyTimeout.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<string> PragmaAsync(DbContext db, string name)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        await using (command)
        {
            command.CommandText = $"PRAGMA {name};";
            return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
        }
    }
}
