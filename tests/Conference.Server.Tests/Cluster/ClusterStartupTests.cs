using Conference.Server.Tests.Live;

namespace Conference.Server.Tests.Cluster;

/// <summary>What cannot work is refused at start-up, with a message that says what to change.</summary>
[NonParallelizable]
public class ClusterStartupTests
{
    [Test]
    public async Task SecondNodeOnTheSameSqliteFile_IsRefused()
    {
        await using var first = new ServerProcess();
        await first.StartAsync();
        var file = first.DatabaseFile;
        await using var second = new ServerProcess(new Dictionary<string, string> { ["ConnectionStrings__Conference"] = $"Data Source={file};Pooling=false" });

        var code = await second.StartExpectingExitAsync();

        Assert.That(code, Is.Not.Zero);
        Assert.That(second.RecentOutput, Does.Contain("SQLite serves one node only"));
    }

    [Test]
    public async Task RedisWithSqlite_IsRefused()
    {
        await using var node = new ServerProcess(new Dictionary<string, string> { ["Cluster__Redis"] = "127.0.0.1:1" });

        var code = await node.StartExpectingExitAsync();

        Assert.That(code, Is.Not.Zero);
        Assert.That(node.RecentOutput, Does.Contain("several nodes cannot share SQLite"));
    }

    [Test]
    public async Task SecondPostgresNodeWithoutRedis_IsRefused_AndSoIsAClusterNodeBesideIt()
    {
        await using var database = TestDatabase.Create(DatabaseKind.Postgres);
        var postgres = new Dictionary<string, string>
        {
            ["Database__Provider"] = "PostgreSQL",
            ["ConnectionStrings__Conference"] = database.ConnectionString,
        };
        await using var alone = new ServerProcess(postgres);
        await alone.StartAsync();

        await using var second = new ServerProcess(postgres);
        Assert.That(await second.StartExpectingExitAsync(), Is.Not.Zero);
        Assert.That(second.RecentOutput, Does.Contain("Several nodes need Redis"));

        await using var clustered = new ServerProcess(new Dictionary<string, string>(postgres)
        {
            ["Cluster__Redis"] = TestCluster.SharedRedis(),
            ["Cluster__NodeId"] = "late-joiner",
        });
        Assert.That(await clustered.StartExpectingExitAsync(), Is.Not.Zero);
        Assert.That(clustered.RecentOutput, Does.Contain("runs alone (without Cluster:Redis)"));
        await alone.StopAsync();
    }

    [Test]
    public async Task TwoClusterNodesWithOneName_SecondIsRefused()
    {
        await using var cluster = await TestCluster.StartAsync(1);
        await using var twin = new ServerProcess(new Dictionary<string, string>
        {
            ["Database__Provider"] = "PostgreSQL",
            ["ConnectionStrings__Conference"] = cluster.Database.ConnectionString,
            ["Cluster__Redis"] = TestCluster.SharedRedis(),
            ["Cluster__NodeId"] = TestCluster.NodeName(0),
        });

        Assert.That(await twin.StartExpectingExitAsync(), Is.Not.Zero);
        Assert.That(twin.RecentOutput, Does.Contain("already uses the name 'node-0'"));
    }
}
