using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Conference.Client;
using Conference.Server.Features.Appeals;
using Conference.Server.Features.Conferences;
using Conference.Server.Tests.Live;

namespace Conference.Server.Tests.Appeals;

/// <summary>The appeals block on air, with the fake clock: each appeal ends by itself and the next starts, pushed over the hub.</summary>
public class AppealLiveTests(DatabaseKind kind) : LiveTestBase(kind)
{
    [TestCase(LiveProtocol.Json)]
    [TestCase(LiveProtocol.MessagePack)]
    public async Task ThreeAppealBlock_EachStartsWhenThePreviousEnds_AndTheBlockEndsAfterTheLast(LiveProtocol protocol)
    {
        var (conference, appeals) = await BlockWithAppealsAsync();
        var attendee = await ConnectAsync(conference.Id, protocol, (await ParticipantSessionAsync(conference.Id, "attendee")).Token);
        var notices = new ConcurrentQueue<AppealQueueNotice>();
        attendee.AppealQueueChanged += (_, notice) => notices.Enqueue(notice);
        var host = await ConnectAsync(conference.Id, protocol);

        await host.StartShowAsync();
        var blockStart = Host.Clock.GetUtcNow();
        await host.NextAsync();
        await WaitUntilAsync(() => notices.Count == 1);
        foreach (var seconds in new[] { 3, 2, 3 })
        {
            var before = notices.Count;
            Host.Clock.Advance(TimeSpan.FromSeconds(seconds));
            await WaitUntilAsync(() => notices.Count == before + 1);
        }

        var onAir = notices.Take(3).Select(n => (n.NowPlaying!.AppealId, n.NowPlaying.StartedAt, n.NowPlaying.SenderName, n.Next?.AppealId)).ToList();
        Assert.That(onAir, Is.EqualTo(new[]
        {
            (appeals[0].Id, (DateTimeOffset?)blockStart, "Ayşe Kaya", (Guid?)appeals[1].Id),
            (appeals[1].Id, (DateTimeOffset?)blockStart.AddSeconds(3), "Hasan Aliyev", (Guid?)appeals[2].Id),
            (appeals[2].Id, (DateTimeOffset?)blockStart.AddSeconds(5), "Baku Friends", (Guid?)null),
        }));
        Assert.That(notices.First().BlockEndsAt, Is.EqualTo(blockStart.AddSeconds(8)), "time left in the block = 3 + 2 + 3 s");
        Assert.That(notices.Last().NowPlaying, Is.Null, "the block has ended");
        var state = await WaitForAsync(host, s => s.CurrentSegmentTitle == "Closing");
        Assert.That(state.Runs[1].EndedAt, Is.EqualTo(blockStart.AddSeconds(8)));
        var queue = await Read<AppealQueueDto>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/appeals"));
        Assert.That(queue.Appeals.Select(a => a.Status), Is.All.EqualTo("played"));

        var report = await Read<Domain.Reports.PostEventReport>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/report"));
        Assert.That((report.Appeals.Played, report.Appeals.Skipped), Is.EqualTo((3, 0)));
        Assert.That(report.Appeals.Turns.Select(t => (t.SenderName, t.StartedAt, t.EndedAt)), Is.EqualTo(new[]
        {
            ("Ayşe Kaya", (DateTimeOffset?)blockStart, blockStart.AddSeconds(3)),
            ("Hasan Aliyev", (DateTimeOffset?)blockStart.AddSeconds(3), blockStart.AddSeconds(5)),
            ("Baku Friends", (DateTimeOffset?)blockStart.AddSeconds(5), blockStart.AddSeconds(8)),
        }));
        Assert.That(report.Appeals.ByCountry.Single(), Is.EqualTo(new Domain.Reports.CountryAppeals("TR", 3, 0)));
    }

    [Test]
    public async Task SignedVideoAddress_ServesRangesToAnyone_AndATamperedOrExpiredOneIs403()
    {
        var (conference, appeals) = await BlockWithAppealsAsync();
        var host = await ConnectAsync(conference.Id);
        var notices = new ConcurrentQueue<AppealQueueNotice>();
        host.AppealQueueChanged += (_, notice) => notices.Enqueue(notice);
        await host.StartShowAsync();
        await host.NextAsync();
        await WaitUntilAsync(() => !notices.IsEmpty);
        var url = notices.First().NowPlaying!.VideoUrl!;

        using var range = new HttpRequestMessage(HttpMethod.Get, url);
        range.Headers.Range = new RangeHeaderValue(0, 99);
        var partial = await Anonymous.SendAsync(range);
        Assert.That(partial.StatusCode, Is.EqualTo(HttpStatusCode.PartialContent));
        Assert.That((await partial.Content.ReadAsByteArrayAsync()).Length, Is.EqualTo(100));
        Assert.That(partial.Content.Headers.ContentRange?.Length, Is.EqualTo(appeals[0].Video.SizeBytes));

        await Problem(await Anonymous.GetAsync(url.Replace("signature=", "signature=x", StringComparison.Ordinal)), HttpStatusCode.Forbidden);
        await Problem(await Anonymous.GetAsync(url.Replace(appeals[0].Id.ToString(), appeals[1].Id.ToString(), StringComparison.Ordinal)), HttpStatusCode.Forbidden);
        Host.Clock.Advance(TimeSpan.FromHours(7));
        await Problem(await Anonymous.GetAsync(url), HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task PreviewLink_StreamsTheVideoWithoutASession_UntilItExpires_AndNamesOnlyAnAppealOfTheConference()
    {
        var (conference, appeals) = await BlockWithAppealsAsync();

        var link = await Read<AppealPreviewLink>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/appeals/{appeals[1].Id}/preview-link"));
        Assert.That(link.ExpiresAt, Is.EqualTo(Host.Clock.GetUtcNow().AddMinutes(30)).Within(TimeSpan.FromSeconds(1)));
        using var range = new HttpRequestMessage(HttpMethod.Get, link.Url);
        range.Headers.Range = new RangeHeaderValue(100, 199);
        var partial = await Anonymous.SendAsync(range);
        Assert.That(partial.StatusCode, Is.EqualTo(HttpStatusCode.PartialContent), "a player seeks with ranges");
        Assert.That(partial.Content.Headers.ContentRange?.Length, Is.EqualTo(appeals[1].Video.SizeBytes));
        Assert.That(partial.Content.Headers.ContentType?.MediaType, Is.EqualTo("video/webm"));

        await Problem(await Organizer.GetAsync($"/api/conferences/{conference.Id}/appeals/{Guid.NewGuid()}/preview-link"), HttpStatusCode.NotFound);
        Host.Clock.Advance(TimeSpan.FromMinutes(31));
        await Problem(await Anonymous.GetAsync(link.Url), HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task ProducerSkipsPausesAndPlaysNext_AndRejectingTheOneOnAirPullsItOut()
    {
        var (conference, appeals) = await BlockWithAppealsAsync();
        using var producer = await ParticipantClientAsync(conference.Id, "producer");
        var host = await ConnectAsync(conference.Id);
        await host.StartShowAsync();
        var next = await host.NextAsync();
        string Live(string action) => $"/api/conferences/{conference.Id}/appeals/live/{action}";

        var held = await Read<LiveShowState>(await producer.PostAsJsonAsync(Live("pause"), new { expectedRevision = next.Revision }));
        Host.Clock.Advance(TimeSpan.FromSeconds(3));
        var waiting = await WaitForAsync(host, s => s.Revision == held.Revision + 1);
        Assert.That(waiting.AutoAdvanceAt, Is.Null, "a paused queue starts nothing after the appeal on air");

        var second = await Read<LiveShowState>(await producer.PostAsJsonAsync(Live("next"), new { expectedRevision = waiting.Revision }));
        Assert.That(second.AutoAdvanceAt, Is.EqualTo(Host.Clock.GetUtcNow().AddSeconds(2)));
        await Problem(await producer.PostAsJsonAsync(Live("next"), new { expectedRevision = waiting.Revision }), HttpStatusCode.Conflict);
        await ValidationProblem(await producer.PostAsJsonAsync(Live("skip"), new { expectedRevision = second.Revision }), "appealId");
        var resumed = await Read<LiveShowState>(await producer.PostAsJsonAsync(Live("resume"), new { expectedRevision = second.Revision }));
        Assert.That(resumed.AutoAdvanceAt, Is.EqualTo(second.AutoAdvanceAt), "resuming a queue with an appeal on air changes nothing now");

        var queue = await Read<AppealQueueDto>(await producer.GetAsync($"/api/conferences/{conference.Id}/appeals"));
        await Read<AppealQueueDto>(await producer.PostAsJsonAsync(
            $"/api/conferences/{conference.Id}/appeals/{appeals[1].Id}/reject", new { expectedRevision = queue.Revision, reason = "Wrong file" }));
        var pulled = await WaitForAsync(host, s => s.Revision > resumed.Revision);
        queue = await Read<AppealQueueDto>(await producer.GetAsync($"/api/conferences/{conference.Id}/appeals"));
        Assert.That(queue.Appeals.Select(a => (a.Id, a.Status)), Is.EquivalentTo(new[]
        {
            (appeals[0].Id, "played"), (appeals[1].Id, "skipped"), (appeals[2].Id, "playing"),
        }), "the rejected appeal stopped at once and the third one plays");
        Assert.That(pulled.AutoAdvanceAt, Is.EqualTo(Host.Clock.GetUtcNow().AddSeconds(3)));
    }

    [TestCase(LiveProtocol.Json)]
    [TestCase(LiveProtocol.MessagePack)]
    public async Task QueueEdited_ThroughASubmissionLink_TellsHostsAndProducers_NotAttendees(LiveProtocol protocol)
    {
        var conference = await CreateProgramAsync(new { kind = "videoAppeals", title = "Appeals", durationSeconds = 600 });
        var producer = await ConnectAsync(conference.Id, protocol, (await ParticipantSessionAsync(conference.Id, "producer")).Token);
        var attendee = await ConnectAsync(conference.Id, protocol, (await ParticipantSessionAsync(conference.Id, "attendee")).Token);
        var host = await ConnectAsync(conference.Id, protocol);
        var edits = new ConcurrentQueue<AppealsEditedNotice>();
        producer.AppealsEdited += (_, notice) => edits.Enqueue(notice);
        var hostEdits = 0;
        host.AppealsEdited += (_, _) => Interlocked.Increment(ref hostEdits);
        var attendeeEdits = 0;
        attendee.AppealsEdited += (_, _) => Interlocked.Increment(ref attendeeEdits);
        var link = await Read<SubmissionLinkIssued>(await Organizer.PostAsJsonAsync($"/api/conferences/{conference.Id}/appeals/links",
            new { segmentId = conference.Segments[0].Id, label = "Berlin society", deadline = Host.Clock.GetUtcNow().AddDays(7) }));

        using var request = new HttpRequestMessage(HttpMethod.Post,
            "/api/appeal-submissions?senderKind=organization&senderName=Berlin%20society&country=DE&language=az&title=Hello")
        {
            Content = new StreamContent(File.OpenRead(await TestVideos.ThreeSecondsAsync())),
        };
        request.Headers.Add("X-Submission-Token", link.Token);
        var submitted = await Read<SubmittedAppealDto>(await Anonymous.SendAsync(request));
        var queue = await Read<AppealQueueDto>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/appeals"));
        await WaitUntilAsync(() => !edits.IsEmpty && hostEdits > 0);
        Assert.That(edits.Single(), Is.EqualTo(new AppealsEditedNotice(conference.Id, queue.Revision)));

        await Read<AppealQueueDto>(await Organizer.PostAsJsonAsync(
            $"/api/conferences/{conference.Id}/appeals/{submitted.Id}/approve", new { expectedRevision = queue.Revision }));
        await WaitUntilAsync(() => edits.Count == 2);
        Assert.That(edits.Last().Revision, Is.EqualTo(queue.Revision + 1));
        Assert.That(attendeeEdits, Is.Zero, "attendees are not told about the queue under review");
    }

    private async Task<(ConferenceDto Conference, List<AppealDto> Appeals)> BlockWithAppealsAsync()
    {
        var conference = await CreateProgramAsync(Custom("Welcome", 60), new { kind = "videoAppeals", title = "Appeals", durationSeconds = 600 }, Custom("Closing"));
        var appeals = new List<AppealDto>();
        var videos = new[]
        {
            ("Ayşe Kaya", await TestVideos.ThreeSecondsAsync()),
            ("Hasan Aliyev", await TestVideos.TwoSecondsAsync()),
            ("Baku Friends", await TestVideos.ThreeSecondsAsync()),
        };
        foreach (var (sender, file) in videos)
        {
            using var content = new StreamContent(File.OpenRead(file));
            var url = $"/api/conferences/{conference.Id}/appeals?segmentId={conference.Segments[1].Id}&senderName={Uri.EscapeDataString(sender)}&country=TR&language=az&title=Hello";
            appeals.Add(await Read<AppealDto>(await Organizer.PostAsync(url, content)));
        }

        foreach (var appeal in appeals)
        {
            var queue = await Read<AppealQueueDto>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/appeals"));
            await Read<AppealQueueDto>(await Organizer.PostAsJsonAsync($"/api/conferences/{conference.Id}/appeals/{appeal.Id}/approve", new { expectedRevision = queue.Revision }));
        }

        return (conference, appeals);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "timed out waiting for a pushed message");
            await Task.Delay(20);
        }
    }
}
