using System.Diagnostics;
using System.Net.Http.Json;
using Conference.Client;
using Conference.Domain.Show;
using Microsoft.AspNetCore.SignalR;

namespace Conference.Server.Tests.Cluster;

/// <summary>
/// Three real server processes on one PostgreSQL database and one Redis (ADR 0009). Real time, no fixed sleeps: every
/// wait is a poll with a deadline. Each test builds its own cluster, so a node killed in one cannot trouble another.
/// </summary>
[NonParallelizable]
public class ClusterTests
{
    private static readonly TimeSpan Late = TimeSpan.FromSeconds(3);

    [Test]
    public async Task CommandsThroughEveryNode_AdvanceOnce_AndParticipantsOnEveryNodeSeeEveryRevision()
    {
        await using var cluster = await TestCluster.StartAsync(3);
        var conference = await cluster.Nodes[0].CreateProgramAsync(
            Enumerable.Range(1, 8).Select(i => (object)new { kind = "custom", title = $"Part {i}", durationSeconds = 600 }).ToArray());
        var hosts = new List<ConferenceLiveClient>();
        for (var node = 0; node < 3; node++)
        {
            hosts.Add(await cluster.ConnectAsync(node, conference.Id));
            await cluster.ConnectAsync(node, conference.Id);
        }

        var state = await hosts[0].StartShowAsync(0);
        for (var i = 1; i <= 4; i++)
        {
            // Each command through the next node, naming the revision the previous node produced.
            state = await hosts[i % 3].NextAsync(state.Revision);
            Assert.That(state.CurrentSegmentTitle, Is.EqualTo($"Part {i + 1}"), cluster.RecentOutput);
        }

        // Three hosts on three nodes press Next on the same revision at once: one advance, two conflicts.
        var pressed = hosts.Select(h => Outcome(h.NextAsync(state.Revision))).ToList();
        var outcomes = await Task.WhenAll(pressed);
        Assert.That(outcomes.Count(o => o is LiveShowState), Is.EqualTo(1), string.Join("; ", outcomes));
        Assert.That(outcomes.OfType<HubException>().Count(), Is.EqualTo(2), string.Join("; ", outcomes));
        var final = outcomes.OfType<LiveShowState>().Single();
        Assert.That(final.CurrentSegmentTitle, Is.EqualTo("Part 6"));

        await cluster.WaitForEveryClientAsync(final.Revision);
        var log = await cluster.LogAsync(conference.Id);
        Assert.That(log.Select(e => e.Revision), Is.EqualTo(Enumerable.Range(1, final.Revision)), "no revision lost or written twice");
        Assert.That(log.Count(e => e.Type == "segmentStarted"), Is.EqualTo(6), "start plus five advances, none doubled");
        foreach (var node in cluster.Nodes)
        {
            var show = await node.Organizer.GetFromJsonAsync<LiveShowState>($"/api/conferences/{conference.Id}/show", ApiTestBase.Json);
            Assert.That(show!.Revision, Is.EqualTo(final.Revision), "every node's cached show was refreshed");
        }
    }

    [Test]
    public async Task LeaseHolderKilledDuringMinuteOfSilence_SilenceStillEndsAtItsDeadline_NothingLostOrDoubled()
    {
        await using var cluster = await TestCluster.StartAsync(3);
        var conference = await cluster.Nodes[0].CreateProgramAsync(
            new { kind = "custom", title = "Opening", durationSeconds = 600 },
            new { kind = "minuteOfSilence", title = "Minute of silence", durationSeconds = 2, endMode = "autoAdvance" },
            new { kind = "custom", title = "Address", durationSeconds = 600 });
        for (var node = 0; node < 3; node++)
        {
            await cluster.ConnectAsync(node, conference.Id);
        }

        var host = await cluster.ConnectAsync(0, conference.Id);
        var started = await host.StartShowAsync(0);
        var holder = await cluster.WaitForLeaseHolderAsync(conference.Id);

        // The silence starts through a node that does not hold the lease: the holder learns of it and arms its timer.
        var commander = await cluster.ConnectAsync((holder + 1) % 3, conference.Id);
        var silence = await commander.NextAsync(started.Revision);
        Assert.That(silence.CurrentSegmentTitle, Is.EqualTo("Minute of silence"));
        var deadline = silence.SegmentStartedAt!.Value + TimeSpan.FromSeconds(2);
        cluster.Nodes[holder].Kill();

        var survivor = await cluster.ConnectAsync((holder + 2) % 3, conference.Id);
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var after = await survivor.WaitForAsync(s => s.CurrentSegmentTitle == "Address", patience.Token);
        var seenAt = DateTimeOffset.UtcNow;
        Assert.That(seenAt - deadline, Is.LessThanOrEqualTo(Late), $"the silence ended {seenAt - deadline} after its deadline\n{cluster.RecentOutput}");
        var newHolder = await cluster.WaitForLeaseHolderAsync(conference.Id, other: holder);
        Assert.That(newHolder, Is.Not.EqualTo(holder));

        var show = await cluster.Nodes[newHolder].Organizer.GetFromJsonAsync<LiveShowState>($"/api/conferences/{conference.Id}/show", ApiTestBase.Json);
        var closed = show!.Runs.Single(r => r.SegmentId == silence.CurrentSegmentId);
        Assert.That(closed.EndReason, Is.EqualTo(SegmentEndReason.Deadline));
        Assert.That(closed.EndedAt, Is.EqualTo(deadline), "closed at its deadline, not when the new holder got to it");
        Assert.That(show.Revision, Is.EqualTo(after.Revision));

        var log = await cluster.LogAsync(conference.Id);
        Assert.That(log.Select(e => e.Revision), Is.EqualTo(Enumerable.Range(1, show.Revision)));
        Assert.That(log.Count(e => e.Type == "segmentEnded"), Is.EqualTo(2), "opening and silence, each ended once");

        // The killed node comes back; its clients reconnect to it and converge with everybody else.
        await cluster.Nodes[holder].StartAsync();
        await cluster.WaitForEveryClientAsync(show.Revision);
    }

    [Test]
    public async Task RedisStoppedAndStartedMidShow_ClientsOnEveryNodeConverge()
    {
        await using var redis = new OwnRedis();
        await redis.StartAsync();
        await using var cluster = await TestCluster.StartAsync(3, redis.Address);
        var conference = await cluster.Nodes[0].CreateProgramAsync(
            Enumerable.Range(1, 5).Select(i => (object)new { kind = "custom", title = $"Part {i}", durationSeconds = 600 }).ToArray());
        var hosts = new List<ConferenceLiveClient>();
        for (var node = 0; node < 3; node++)
        {
            hosts.Add(await cluster.ConnectAsync(node, conference.Id));
        }

        var state = await hosts[0].StartShowAsync(0);
        await cluster.WaitForEveryClientAsync(state.Revision);

        // Without Redis the nodes cannot fan out, but they still commit: PostgreSQL is the arbiter, not Redis.
        redis.Stop();
        state = await hosts[1].NextAsync(state.Revision);
        state = await hosts[2].NextAsync(state.Revision);
        Assert.That(state.CurrentSegmentTitle, Is.EqualTo("Part 3"), cluster.RecentOutput);

        await redis.StartAsync();

        // The backplane reconnects by itself. Until every node has subscribed again a change may still be lost, so host
        // messages keep coming (as a live show's changes do) until every client holds the last one: a client that missed
        // a change sees the revision gap on the next and takes a fresh snapshot.
        var final = await hosts[0].NextAsync(state.Revision);
        Assert.That(final.CurrentSegmentTitle, Is.EqualTo("Part 4"));
        var patience = Stopwatch.StartNew();
        while (!hosts.All(h => h.Show?.Revision == final.Revision))
        {
            Assert.That(patience.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)),
                $"clients still at {string.Join(", ", hosts.Select(h => h.Show?.Revision))}, server at {final.Revision}\n{cluster.RecentOutput}");
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await Task.WhenAll(hosts.Select(h => h.WaitForAsync(s => s.Revision == final.Revision, wait.Token)));
            }
            catch (OperationCanceledException)
            {
                final = await hosts[0].SendMessageAsync(MessageAudience.Everyone, "Still with us", final.Revision);
            }
        }

        Assert.That(hosts.Select(h => h.Show!.CurrentSegmentTitle), Is.All.EqualTo("Part 4"));
    }

    [Test]
    public async Task RollingRestartOfEveryNode_DuringTheShow_NeverStopsIt()
    {
        await using var cluster = await TestCluster.StartAsync(3);
        var segments = new List<object> { new { kind = "custom", title = "Opening", durationSeconds = 600 } };
        segments.AddRange(Enumerable.Range(1, 8).Select(i => (object)new { kind = "custom", title = $"Auto {i}", durationSeconds = 3, endMode = "autoAdvance" }));
        segments.Add(new { kind = "custom", title = "Closing", durationSeconds = 600 });
        var conference = await cluster.Nodes[0].CreateProgramAsync([.. segments]);
        for (var node = 0; node < 3; node++)
        {
            await cluster.ConnectAsync(node, conference.Id);
        }

        var host = await cluster.ConnectAsync(0, conference.Id);
        var started = await host.StartShowAsync(0);
        await host.NextAsync(started.Revision);
        var clock = Stopwatch.StartNew();

        for (var node = 0; node < 3; node++)
        {
            await cluster.Nodes[node].StopAsync();

            // While a node is down the show goes on through the others: a host message through a live node commits.
            var live = cluster.Nodes[(node + 1) % 3];
            await SendUntilCommittedAsync(live, conference.Id, $"Node {node} restarting");

            await cluster.Nodes[node].StartAsync();
        }

        var observer = await cluster.ConnectAsync(1, conference.Id);
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        var closing = await observer.WaitForAsync(s => s.CurrentSegmentTitle == "Closing", patience.Token);
        TestContext.Out.WriteLine($"Rolling restart and eight 3-s segments took {clock.Elapsed}");

        var show = await cluster.Nodes[2].Organizer.GetFromJsonAsync<LiveShowState>($"/api/conferences/{conference.Id}/show", ApiTestBase.Json);
        var autos = show!.Runs.Skip(1).Take(8).ToList();
        Assert.That(autos, Has.Count.EqualTo(8));
        foreach (var run in autos)
        {
            Assert.That(run.EndReason, Is.EqualTo(SegmentEndReason.Deadline), cluster.RecentOutput);
            Assert.That(run.EndedAt, Is.EqualTo(run.StartedAt + TimeSpan.FromSeconds(3)), "each closed at its deadline, through every restart");
        }

        var log = await cluster.LogAsync(conference.Id);
        Assert.That(log.Select(e => e.Revision), Is.EqualTo(Enumerable.Range(1, show.Revision)));
        Assert.That(log.Count(e => e.Type == "messageSent"), Is.EqualTo(3));
        Assert.That(log.Count(e => e.Type == "segmentStarted"), Is.EqualTo(10), "every segment started once");
        await cluster.WaitForEveryClientAsync(Math.Max(show.Revision, closing.Revision));
    }

    /// <summary>A segment may close by itself between reading the revision and sending: then send again on the new one.</summary>
    private static async Task SendUntilCommittedAsync(Live.ServerProcess node, Guid conferenceId, string text)
    {
        var patience = Stopwatch.StartNew();
        while (true)
        {
            var show = await node.Organizer.GetFromJsonAsync<LiveShowState>($"/api/conferences/{conferenceId}/show", ApiTestBase.Json);
            using var sent = await node.Organizer.PostAsJsonAsync(
                $"/api/conferences/{conferenceId}/show/message", new { expectedRevision = show!.Revision, audience = "everyone", text });
            if (sent.IsSuccessStatusCode)
            {
                return;
            }

            Assert.That(patience.Elapsed, Is.LessThan(TimeSpan.FromSeconds(15)), await sent.Content.ReadAsStringAsync());
        }
    }

    private static async Task<object> Outcome(Task<LiveShowState> command)
    {
        try
        {
            return await command;
        }
        catch (HubException exception)
        {
            return exception;
        }
    }
}
