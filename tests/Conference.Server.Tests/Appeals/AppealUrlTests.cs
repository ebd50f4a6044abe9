using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Conference.Server.Features.Appeals;
using Conference.Server.Features.Conferences;

namespace Conference.Server.Tests.Appeals;

/// <summary>Shared steps of the "add by URL" fixtures.</summary>
public abstract class AppealUrlTestBase(DatabaseKind kind) : ApiTestBase(kind)
{
    protected VideoFileServer Files { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartFileServer() => Files = await VideoFileServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopFileServer()
    {
        if (Files is not null)
        {
            await Files.DisposeAsync();
        }
    }

    protected async Task<ConferenceDto> AppealsConferenceAsync() =>
        await AddSegmentAsync(await CreateConferenceAsync(), new { kind = "videoAppeals", title = "Appeals from abroad", durationSeconds = 600 });

    protected Task<HttpResponseMessage> AddFromUrlAsync(ConferenceDto conference, string url) =>
        Organizer.PostAsJsonAsync($"/api/conferences/{conference.Id}/appeals/from-url", new
        {
            segmentId = conference.Segments[0].Id,
            url,
            senderKind = "organization",
            senderName = "Berlin Azerbaijani Society",
            country = "DE",
            language = "az",
            title = "Happy Solidarity Day",
        });

    /// <summary>The conference's stored files and anything left in staging (no other test runs at the same time).</summary>
    protected List<string> MediaFiles(ConferenceDto conference)
    {
        var folders = new[] { Path.Combine(Host.MediaFolder, conference.Id.ToString("N")), Path.Combine(Host.MediaFolder, ".staging") };
        return [.. folders.Where(Directory.Exists).SelectMany(f => Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories))];
    }

    protected async Task<JsonObject> RefusedAsync(ConferenceDto conference, string url, string problem)
    {
        var refused = await Problem(await AddFromUrlAsync(conference, url), HttpStatusCode.UnprocessableEntity);
        Assert.That((string?)refused["problem"], Is.EqualTo(problem), refused.ToJsonString());
        Assert.That(MediaFiles(conference), Is.Empty, "a refused URL leaves nothing behind");
        var queue = await Read<AppealQueueDto>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/appeals"));
        Assert.That(queue.Appeals, Is.Empty);
        return refused;
    }
}

/// <summary>"Add by URL" as deployed: the server fetches from public addresses only (server-side request forgery).</summary>
public class AppealUrlTests(DatabaseKind kind) : AppealUrlTestBase(kind)
{
    [Test]
    public async Task AddFromUrl_LoopbackOrOtherPrivateAddress_IsRefusedByDefault_AndNothingIsFetched()
    {
        var conference = await AppealsConferenceAsync();

        var loopback = await RefusedAsync(conference, Files.Url("/video.mp4"), "forbiddenAddress");
        Assert.That((string?)loopback["detail"], Does.Contain("127.0.0.1").And.Contain("loopback"));
        var named = await RefusedAsync(conference, $"http://localhost:{Files.Port}/video.mp4", "forbiddenAddress");
        Assert.That((string?)named["detail"], Does.Contain("loopback"));
        await RefusedAsync(conference, $"http://[::ffff:127.0.0.1]:{Files.Port}/video.mp4", "forbiddenAddress");
        var metadata = await RefusedAsync(conference, "http://169.254.169.254/latest/meta-data/", "forbiddenAddress");
        Assert.That((string?)metadata["detail"], Does.Contain("link-local"));
        await RefusedAsync(conference, "http://10.1.2.3/appeal.mp4", "forbiddenAddress");
    }

    [TestCase("ftp://example.org/appeal.mp4")]
    [TestCase("not an address")]
    [TestCase("http://producer:secret@example.org/appeal.mp4")]
    [TestCase("")]
    public async Task AddFromUrl_NotAWebAddress_Is400OnUrl(string url)
    {
        var conference = await AppealsConferenceAsync();

        await ValidationProblem(await AddFromUrlAsync(conference, url), "url");
        Assert.That(MediaFiles(conference), Is.Empty);
    }
}

/// <summary>"Add by URL" with Appeals:AllowPrivateUrls on (development, tests), against a real HTTP server on loopback.</summary>
public class AppealUrlFetchTests(DatabaseKind kind) : AppealUrlTestBase(kind)
{
    protected override IReadOnlyDictionary<string, string?>? HostSettings => new Dictionary<string, string?>
    {
        ["Appeals:AllowPrivateUrls"] = "true",
        ["Appeals:MaxAppealDuration"] = "00:00:10",
    };

    [TestCase("/video.mp4")]
    [TestCase("/video")]
    [TestCase("/moved")]
    public async Task AddFromUrl_RealVideoServedOnLoopback_IsCheckedAndQueuedWithItsSource(string path)
    {
        var conference = await AppealsConferenceAsync();

        var response = await AddFromUrlAsync(conference, Files.Url(path));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var appeal = await Read<AppealDto>(response);
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/conferences/{conference.Id}/appeals/{appeal.Id}"));
        Assert.That((appeal.Status, appeal.Video.VideoCodec, appeal.SourceUrl?.ToString()), Is.EqualTo(("submitted", "h264", Files.Url(path))));
        Assert.That(appeal.DurationSeconds, Is.EqualTo(3).Within(0.1));
        var preview = await Organizer.GetAsync($"/api/conferences/{conference.Id}/appeals/{appeal.Id}/video");
        Assert.That(await preview.Content.ReadAsByteArrayAsync(), Is.EqualTo(await File.ReadAllBytesAsync(await TestVideos.ThreeSecondsAsync())));
    }

    [TestCase("/missing.mp4", "unreachable", "404")]
    [TestCase("/page.html", "notVideo", "text/html")]
    [TestCase("/noise.mp4", "notVideo", "not a playable video")]
    public async Task AddFromUrl_AddressWithoutAVideo_Is422NamingWhy_AndLeavesNothingBehind(string path, string problem, string said)
    {
        var conference = await AppealsConferenceAsync();

        var refused = await RefusedAsync(conference, Files.Url(path), problem);

        Assert.That((string?)refused["detail"], Does.Contain(said));
    }

    [Test]
    public async Task AddFromUrl_NothingListening_IsUnreachable()
    {
        var conference = await AppealsConferenceAsync();
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var closedPort = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        var refused = await RefusedAsync(conference, $"http://127.0.0.1:{closedPort}/appeal.mp4", "unreachable");

        Assert.That((string?)refused["detail"], Does.Contain("does not answer"));
    }
}
