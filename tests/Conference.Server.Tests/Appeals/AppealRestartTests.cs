using System.Collections.Concurrent;
using System.Net.Http.Json;
using Conference.Client;
using Conference.Server.Features.Appeals;
using Conference.Server.Tests.Live;

namespace Conference.Server.Tests.Appeals;

/// <summary>
/// The real server process killed while an appeal plays and started again on the same database (issue 13, point 6).
/// Real time, bounded: one 40-second appeal that is never waited out, then a 3-second one.
/// </summary>
[NonParallelizable]
public class AppealRestartTests
{
    [Test]
    public async Task KilledMidAppeal_ResumesTheSameAppealAtItsPosition_AndAnAppealDueWhileDownEndsAtItsOwnEnd()
    {
        await using var server = new ServerProcess();
        await server.StartAsync();
        var conference = await server.CreateProgramAsync(
            new { kind = "videoAppeals", title = "Appeals", durationSeconds = 600 },
            new { kind = "custom", title = "Closing", durationSeconds = 600 });
        var block = conference.Segments[0].Id;
        var longOne = await UploadApprovedAsync(server, conference.Id, block, "Ayşe Kaya", await TestVideos.FortySecondsAsync());
        var shortOne = await UploadApprovedAsync(server, conference.Id, block, "Baku Friends", await TestVideos.ThreeSecondsAsync());

        // Part 1: killed while the first appeal plays, the server comes back on it, started at the same instant.
        var (host, notices) = await ConnectAsync(server, conference.Id);
        await host.StartShowAsync();
        var first = await WaitForAsync(notices, n => n.NowPlaying?.AppealId == longOne.Id, server);
        var startedAt = first.NowPlaying!.StartedAt!.Value;
        await host.DisposeAsync();
        server.Kill();
        await server.StartAsync();

        (host, notices) = await ConnectAsync(server, conference.Id);
        var resumed = await WaitForAsync(notices, n => n.NowPlaying is not null, server);
        Assert.That(resumed.NowPlaying!.AppealId, Is.EqualTo(longOne.Id), "the same appeal is on air after the restart");
        Assert.That(resumed.NowPlaying.StartedAt, Is.EqualTo(startedAt), "it goes on from where it was: same start, so the same position");
        Assert.That(resumed.Next?.AppealId, Is.EqualTo(shortOne.Id));
        Assert.That(resumed.BlockEndsAt, Is.EqualTo(startedAt.AddSeconds(43)).Within(TimeSpan.FromMilliseconds(100)), "40 s + 3 s");

        // Part 2: the producer plays the next one now; the server is killed and stays down past that appeal's end.
        var show = (await server.Organizer.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/api/conferences/{conference.Id}/show"))!;
        var next = await server.Organizer.PostAsJsonAsync(
            $"/api/conferences/{conference.Id}/appeals/live/next", new { expectedRevision = show["revision"]!.GetValue<int>() });
        next.EnsureSuccessStatusCode();
        var second = await WaitForAsync(notices, n => n.NowPlaying?.AppealId == shortOne.Id, server);
        var secondEnds = second.NowPlaying!.StartedAt!.Value.AddSeconds(3);
        await host.DisposeAsync();
        server.Kill();
        var wait = secondEnds - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(500);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        await server.StartAsync();
        (host, _) = await ConnectAsync(server, conference.Id);
        await using var last = host;
        Assert.That(host.Show!.CurrentSegmentTitle, Is.EqualTo("Closing"), server.RecentOutput);
        Assert.That(host.Show.Runs.Single(r => r.SegmentId == block).EndedAt, Is.EqualTo(secondEnds), "the block ended when its last appeal did, not at the restart");
        var report = (await server.Organizer.GetFromJsonAsync<Domain.Reports.PostEventReport>($"/api/conferences/{conference.Id}/report", ApiTestBase.Json))!;
        Assert.That(report.Appeals.Turns.Select(t => (t.SenderName, t.StartedAt, t.EndedAt)), Is.EqualTo(new[]
        {
            ("Ayşe Kaya", (DateTimeOffset?)startedAt, second.NowPlaying.StartedAt!.Value),
            ("Baku Friends", second.NowPlaying.StartedAt, secondEnds),
        }), "the played log keeps each appeal once, with the instants it really had on air");
    }

    private static async Task<AppealDto> UploadApprovedAsync(ServerProcess server, Guid conferenceId, Guid segmentId, string sender, string file)
    {
        using var content = new StreamContent(File.OpenRead(file));
        var url = $"/api/conferences/{conferenceId}/appeals?segmentId={segmentId}&senderName={Uri.EscapeDataString(sender)}&country=TR&language=az&title=Hello";
        var uploaded = await server.Organizer.PostAsync(url, content);
        Assert.That(uploaded.IsSuccessStatusCode, Is.True, await uploaded.Content.ReadAsStringAsync());
        var appeal = (await uploaded.Content.ReadFromJsonAsync<AppealDto>(ApiTestBase.Json))!;
        var queue = (await server.Organizer.GetFromJsonAsync<AppealQueueDto>($"/api/conferences/{conferenceId}/appeals", ApiTestBase.Json))!;
        var approved = await server.Organizer.PostAsJsonAsync(
            $"/api/conferences/{conferenceId}/appeals/{appeal.Id}/approve", new { expectedRevision = queue.Revision });
        approved.EnsureSuccessStatusCode();
        return appeal;
    }

    /// <summary>A host connection that hears appeal notices from before it joins, so it also gets the one sent on joining.</summary>
    private static async Task<(ConferenceLiveClient Client, ConcurrentQueue<AppealQueueNotice> Notices)> ConnectAsync(ServerProcess server, Guid conferenceId)
    {
        var notices = new ConcurrentQueue<AppealQueueNotice>();
        var client = new ConferenceLiveClient(server.BaseAddress, ApiHost.OrganizerKey);
        client.AppealQueueChanged += (_, notice) => notices.Enqueue(notice);
        await client.StartAsync();
        await client.JoinAsync(conferenceId);
        return (client, notices);
    }

    private static async Task<AppealQueueNotice> WaitForAsync(
        ConcurrentQueue<AppealQueueNotice> notices, Func<AppealQueueNotice, bool> match, ServerProcess server)
    {
        var notice = await Eventually.Value(() => Task.FromResult(notices.LastOrDefault(match)), n => n is not null);
        Assert.That(notice, Is.Not.Null, server.RecentOutput);
        return notice!;
    }
}
