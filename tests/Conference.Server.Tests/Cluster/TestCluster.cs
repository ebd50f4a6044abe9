using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Conference.Client;
using Conference.Server.Cluster;
using Conference.Server.Tests.Live;
using Npgsql;

namespace Conference.Server.Tests.Cluster;

/// <summary>
/// Several real server processes on loopback sharing one PostgreSQL database and one Redis: what an operator runs.
/// Redis comes from the test command (CONFERENCE_TEST_REDIS) unless a test brings its own.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    public const string RedisVariable = "CONFERENCE_TEST_REDIS";

    private readonly List<ConferenceLiveClient> _clients = [];

    private TestCluster(TestDatabase database, string redis, int size)
    {
        Database = database;
        var prefix = $"test-{Guid.NewGuid():N}";
        Nodes = [.. Enumerable.Range(0, size).Select(i => new ServerProcess(new Dictionary<string, string>
        {
            ["Database__Provider"] = "PostgreSQL",
            ["ConnectionStrings__Conference"] = database.ConnectionString,
            ["Cluster__Redis"] = $"{redis},channelPrefix={prefix}",
            ["Cluster__NodeId"] = NodeName(i),
            ["Cluster__LeaseCheckInterval"] = "00:00:00.500",
        }))];
    }

    public TestDatabase Database { get; }

    public IReadOnlyList<ServerProcess> Nodes { get; }

    public static string SharedRedis()
    {
        var redis = Environment.GetEnvironmentVariable(RedisVariable);
        if (string.IsNullOrWhiteSpace(redis))
        {
            Assert.Fail($"Cluster tests need {RedisVariable} (host:port of a running Redis). Run ./scripts/test.sh, which starts one on 127.0.0.1.");
        }

        return redis!;
    }

    public static string NodeName(int index) => $"node-{index}";

    /// <summary>Starts the nodes: the first alone (it creates and migrates the database), the others together.</summary>
    public static async Task<TestCluster> StartAsync(int size, string? redis = null)
    {
        var cluster = new TestCluster(TestDatabase.Create(DatabaseKind.Postgres), redis ?? SharedRedis(), size);
        try
        {
            await cluster.Nodes[0].StartAsync();
            await Task.WhenAll(cluster.Nodes.Skip(1).Select(n => n.StartAsync()));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client of one node that reconnects quickly (to the same node, as a browser behind sticky routing does).</summary>
    public async Task<ConferenceLiveClient> ConnectAsync(int node, Guid conferenceId)
    {
        var client = await Nodes[node].ConnectAsync(conferenceId, new ConferenceClientOptions
        {
            ReconnectDelays = [TimeSpan.FromMilliseconds(200)],
            ClockSamples = 3,
        });
        lock (_clients)
        {
            _clients.Add(client);
        }

        return client;
    }

    /// <summary>The node holding a conference's lease, read from PostgreSQL (the node's session names itself).</summary>
    public async Task<int?> LeaseHolderAsync(Guid conferenceId)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted AND l.classid = @space::bigint::oid
              AND l.objid = ((@key::bigint + 4294967296) % 4294967296)::oid AND l.objsubid = 2
              AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
            """, connection);
        command.Parameters.AddWithValue("space", AdvisoryLocks.Lease);
        command.Parameters.AddWithValue("key", AdvisoryLocks.ConferenceKey(conferenceId));
        var name = await command.ExecuteScalarAsync() as string;
        var index = Enumerable.Range(0, Nodes.Count).FirstOrDefault(i => name == $"conference-node:{NodeName(i)}", -1);
        return index < 0 ? null : index;
    }

    public Task<int> WaitForLeaseHolderAsync(Guid conferenceId, int? other = null) =>
        Eventually.Value(async () => await LeaseHolderAsync(conferenceId) ?? -1, holder => holder >= 0 && holder != other, TimeSpan.FromSeconds(20));

    /// <summary>The show log as stored: (revision, type) in order.</summary>
    public async Task<IReadOnlyList<(int Revision, string Type)>> LogAsync(Guid conferenceId)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT \"Revision\", \"Type\" FROM \"ShowEvents\" WHERE \"ConferenceId\" = @id ORDER BY \"Revision\"", connection);
        command.Parameters.AddWithValue("id", conferenceId);
        var log = new List<(int, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            log.Add((reader.GetInt32(0), reader.GetString(1)));
        }

        return log;
    }

    /// <summary>Waits until every client holds <paramref name="revision"/>; fails naming the clients still behind.</summary>
    public async Task WaitForEveryClientAsync(int revision, TimeSpan? patience = null)
    {
        List<ConferenceLiveClient> clients;
        lock (_clients)
        {
            clients = [.. _clients];
        }

        await Eventually.Value(
            () => Task.FromResult(string.Join(", ", clients.Select(c => c.Show?.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"))),
            _ => clients.All(c => c.Show?.Revision == revision),
            patience ?? TimeSpan.FromSeconds(20));
    }

    public string RecentOutput => string.Join("\n", Nodes.Select((n, i) => $"--- {NodeName(i)}:\n{n.RecentOutput}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }

        foreach (var node in Nodes)
        {
            await node.DisposeAsync();
        }

        await Database.DisposeAsync();
    }
}

/// <summary>A Redis server of a test's own, on a free loopback port, that the test may stop and start again.</summary>
public sealed class OwnRedis : IAsyncDisposable
{
    private Process? _process;

    public OwnRedis()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public int Port { get; }

    public string Address => $"127.0.0.1:{Port}";

    public async Task StartAsync()
    {
        var info = new ProcessStartInfo("redis-server", ["--bind", "127.0.0.1", "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        try
        {
            _process = Process.Start(info);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Fail("redis-server is not installed; ./scripts/test.sh installs it (apt-get install redis-server).");
        }

        _process!.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        await Eventually.Until(async () =>
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        });
    }

    /// <summary>Kills the server (SIGKILL): every connection to it breaks at once.</summary>
    public void Stop()
    {
        _process?.Kill();
        _process?.WaitForExit();
        _process?.Dispose();
        _process = null;
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }
}
