using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Conference.Server.Features.Appeals;
using Conference.Server.Features.Conferences;

namespace Conference.Server.Tests.Appeals;

/// <summary>Contributors without an account upload (and replace) their own appeal through a personal, expiring, revocable link.</summary>
public class AppealSubmissionLinkTests(DatabaseKind kind) : ApiTestBase(kind)
{
    private const string TokenHeader = "X-Submission-Token";

    protected override IReadOnlyDictionary<string, string?>? HostSettings => new Dictionary<string, string?>
    {
        ["Appeals:MaxAppealDuration"] = "00:00:10",
    };

    [Test]
    public async Task SubmissionLink_HolderUploadsThenReplacesBeforeTheDeadline_TheProducersSeeOneAppealAndTheOldFileIsGone()
    {
        var conference = await AppealsConferenceAsync();
        var issued = await CreateLinkAsync(conference, Host.Clock.GetUtcNow().AddDays(7));
        Assert.That(issued.Token, Has.Length.GreaterThanOrEqualTo(40));

        var view = await Read<SubmissionLinkView>(await SendAsync(HttpMethod.Get, issued.Token));
        Assert.That((view.ConferenceTitle, view.SegmentTitle, view.Label, view.Appeal), Is.EqualTo(("Solidarity Day", "Appeals from abroad", "Berlin society", (SubmittedAppealDto?)null)));

        var first = await Read<SubmittedAppealDto>(await SendAsync(HttpMethod.Post, issued.Token, await TestVideos.ThreeSecondsAsync()));
        Assert.That((first.Status, first.SenderName), Is.EqualTo(("submitted", "Berlin Azerbaijani Society")));
        Assert.That(first.DurationSeconds, Is.EqualTo(3).Within(0.1));
        var queue = await Read<AppealQueueDto>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/appeals"));
        Assert.That(queue.Appeals.Single(), Has.Property(nameof(AppealDto.FromSubmissionLink)).True.And.Property(nameof(AppealDto.Id)).EqualTo(first.Id));
        await Read<AppealQueueDto>(await Organizer.PostAsJsonAsync(
            $"/api/conferences/{conference.Id}/appeals/{first.Id}/approve", new { expectedRevision = queue.Revision }));
        var firstFiles = StoredFiles(conference);

        var second = await Read<SubmittedAppealDto>(await SendAsync(HttpMethod.Post, issued.Token, await TestVideos.TwoSecondsAsync(), "Second take"));

        Assert.That((second.Id, second.Status, second.Title), Is.EqualTo((first.Id, "submitted", "Second take")), "the same appeal, back in review");
        Assert.That(second.DurationSeconds, Is.EqualTo(2).Within(0.1));
        queue = await Read<AppealQueueDto>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/appeals"));
        Assert.That(queue.Appeals.Select(a => (a.Id, a.Video.VideoCodec)), Is.EqualTo(new[] { (first.Id, "vp8") }));
        Assert.That(queue.Appeals.Single().Status, Is.EqualTo("submitted"), "a replaced appeal is reviewed again before it plays");
        var files = StoredFiles(conference);
        Assert.That(files, Has.Count.EqualTo(2));
        Assert.That(files.Intersect(firstFiles), Is.Empty, "the first video and thumbnail were removed once the replacement was saved");
        var links = await Read<List<SubmissionLinkDto>>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/appeals/links"));
        Assert.That(links.Single(), Has.Property(nameof(SubmissionLinkDto.AppealId)).EqualTo(first.Id)
            .And.Property(nameof(SubmissionLinkDto.SubmissionCount)).EqualTo(2)
            .And.Property(nameof(SubmissionLinkDto.Status)).EqualTo(Domain.Appeals.SubmissionLinkStatus.Active));
        var again = await Read<SubmissionLinkView>(await SendAsync(HttpMethod.Get, issued.Token));
        Assert.That(again.Appeal?.Title, Is.EqualTo("Second take"));
    }

    [Test]
    public async Task SubmissionLink_MissingWrongRevokedOrExpired_IsRefusedWithAClearReason_AndNothingIsKept()
    {
        var conference = await AppealsConferenceAsync();
        var revoked = await CreateLinkAsync(conference, Host.Clock.GetUtcNow().AddDays(7));
        var expiring = await CreateLinkAsync(conference, Host.Clock.GetUtcNow().AddHours(1));
        var video = await TestVideos.ThreeSecondsAsync();

        var missing = await Problem(await SendAsync(HttpMethod.Post, null, video), HttpStatusCode.Unauthorized);
        Assert.That((string?)missing["detail"], Does.Contain(TokenHeader));
        var wrong = await Problem(await SendAsync(HttpMethod.Post, revoked.Token + "x", video), HttpStatusCode.Unauthorized);
        Assert.That((string?)wrong["detail"], Does.Contain("not valid"));
        await Problem(await SendAsync(HttpMethod.Get, "not-a-token"), HttpStatusCode.Unauthorized);

        var revoke = await Organizer.DeleteAsync($"/api/conferences/{conference.Id}/appeals/links/{revoked.Id}");
        Assert.That(revoke.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var withdrawn = await Problem(await SendAsync(HttpMethod.Post, revoked.Token, video), HttpStatusCode.Forbidden);
        Assert.That((string?)withdrawn["detail"], Does.Contain("withdrawn"));
        await Problem(await SendAsync(HttpMethod.Get, revoked.Token), HttpStatusCode.Forbidden);

        Host.Clock.Advance(TimeSpan.FromHours(2));
        var late = await Problem(await SendAsync(HttpMethod.Post, expiring.Token, video), HttpStatusCode.Forbidden);
        Assert.That((string?)late["detail"], Does.Contain("deadline").And.Contain(expiring.Deadline.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)));

        Assert.That(StoredFiles(conference), Is.Empty);
        var queue = await Read<AppealQueueDto>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/appeals"));
        Assert.That(queue.Appeals, Is.Empty);
        var links = await Read<List<SubmissionLinkDto>>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/appeals/links"));
        Assert.That(links.Select(l => (l.Id, l.Status)), Is.EquivalentTo(new[]
        {
            (revoked.Id, Domain.Appeals.SubmissionLinkStatus.Revoked), (expiring.Id, Domain.Appeals.SubmissionLinkStatus.Expired),
        }));
        await Problem(await Organizer.DeleteAsync($"/api/conferences/{conference.Id}/appeals/links/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task CreateSubmissionLink_BadInput_Is400OnTheField()
    {
        var conference = await AppealsConferenceAsync();
        string Links() => $"/api/conferences/{conference.Id}/appeals/links";

        await ValidationProblem(await Organizer.PostAsJsonAsync(Links(), new { segmentId = conference.Segments[0].Id }), "label", "deadline");
        await ValidationProblem(await Organizer.PostAsJsonAsync(Links(), new
        {
            segmentId = conference.Segments[0].Id, label = "Late", deadline = Host.Clock.GetUtcNow().AddMinutes(-1),
        }), "deadline");
        await ValidationProblem(await Organizer.PostAsJsonAsync(Links(), new
        {
            segmentId = conference.Segments[1].Id, label = "Wrong block", deadline = Host.Clock.GetUtcNow().AddDays(1),
        }), "segmentId");
        var bad = await SendAsync(HttpMethod.Post, (await CreateLinkAsync(conference, Host.Clock.GetUtcNow().AddDays(1))).Token, await TestVideos.CorruptAsync());
        var refused = await Problem(bad, HttpStatusCode.UnprocessableEntity);
        Assert.That((string?)refused["problem"], Is.EqualTo("notVideo"));
        Assert.That(StoredFiles(conference), Is.Empty);
    }

    [Test]
    public async Task SubmissionUpload_BegunBeforeTheDeadline_ResumesAndCompletesAfterIt_AsTheLinksAppeal()
    {
        var conference = await AppealsConferenceAsync();
        var link = await CreateLinkAsync(conference, Host.Clock.GetUtcNow().AddHours(1));
        var video = await File.ReadAllBytesAsync(await TestVideos.ThreeSecondsAsync());
        var started = await UploadRequestAsync(HttpMethod.Post, link.Token, null, null, JsonContent.Create(UploadDetails(video.Length)));
        Assert.That(started.StatusCode, Is.EqualTo(HttpStatusCode.Created), await started.Content.ReadAsStringAsync());
        var upload = await Read<AppealUploadDto>(started);
        Assert.That(started.Headers.Location?.ToString(), Is.EqualTo($"/api/appeal-submissions/uploads/{upload.UploadId}"));
        var half = video.Length / 2;
        Assert.That((await Read<AppealUploadDto>(await UploadRequestAsync(HttpMethod.Patch, link.Token, upload.UploadId, 0, Chunk(video[..half])))).Offset,
            Is.EqualTo(half));

        // The connection drops and the deadline passes: what was begun before it is still taken, a new start is not.
        Host.Clock.Advance(TimeSpan.FromHours(2));
        var state = await Read<AppealUploadDto>(await UploadRequestAsync(HttpMethod.Get, link.Token, upload.UploadId));
        Assert.That(state.Offset, Is.EqualTo(half));
        var late = await Problem(await UploadRequestAsync(HttpMethod.Post, link.Token, null, null, JsonContent.Create(UploadDetails(video.Length))),
            HttpStatusCode.Forbidden);
        Assert.That((string?)late["detail"], Does.Contain("deadline"));
        var last = await UploadRequestAsync(HttpMethod.Patch, link.Token, upload.UploadId, half, Chunk(video[half..]));

        Assert.That(last.StatusCode, Is.EqualTo(HttpStatusCode.Created), await last.Content.ReadAsStringAsync());
        var appeal = await Read<SubmittedAppealDto>(last);
        Assert.That((appeal.SenderName, appeal.Status), Is.EqualTo(("Berlin Azerbaijani Society", "submitted")));
        Assert.That(appeal.DurationSeconds, Is.EqualTo(3).Within(0.1));
        var queue = await Read<AppealQueueDto>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/appeals"));
        Assert.That(queue.Appeals.Single(), Has.Property(nameof(AppealDto.FromSubmissionLink)).True.And.Property(nameof(AppealDto.Id)).EqualTo(appeal.Id));
        var links = await Read<List<SubmissionLinkDto>>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/appeals/links"));
        Assert.That(links.Single(), Has.Property(nameof(SubmissionLinkDto.AppealId)).EqualTo(appeal.Id)
            .And.Property(nameof(SubmissionLinkDto.SubmissionCount)).EqualTo(1));
        Assert.That(StoredFiles(conference).Select(Path.GetFileName), Is.EquivalentTo(new[] { $"{appeal.Id:N}.mp4", $"{appeal.Id:N}.jpg" }),
            "the video and its thumbnail, no partial file or state left");
    }

    [Test]
    public async Task SubmissionUpload_IsTheContributorsOwn_StopsWhenRevoked_AndRefusesBadInput()
    {
        var conference = await AppealsConferenceAsync();
        var mine = await CreateLinkAsync(conference, Host.Clock.GetUtcNow().AddDays(7));
        var other = await CreateLinkAsync(conference, Host.Clock.GetUtcNow().AddDays(7));
        var video = await File.ReadAllBytesAsync(await TestVideos.ThreeSecondsAsync());
        await ValidationProblem(await UploadRequestAsync(HttpMethod.Post, mine.Token, null, null, JsonContent.Create(UploadDetails(null))), "size");
        var tooLarge = await Problem(await UploadRequestAsync(HttpMethod.Post, mine.Token, null, null, JsonContent.Create(UploadDetails(3L << 30))),
            HttpStatusCode.RequestEntityTooLarge);
        Assert.That((string?)tooLarge["problem"], Is.EqualTo("tooLarge"));
        var upload = await Read<AppealUploadDto>(await UploadRequestAsync(HttpMethod.Post, mine.Token, null, null, JsonContent.Create(UploadDetails(video.Length))));
        await Read<AppealUploadDto>(await UploadRequestAsync(HttpMethod.Patch, mine.Token, upload.UploadId, 0, Chunk(video[..1000])));

        // Nobody else reaches it: not another link's holder, not a producer's upload routes, not without a token.
        await Problem(await UploadRequestAsync(HttpMethod.Get, other.Token, upload.UploadId), HttpStatusCode.NotFound);
        await Problem(await UploadRequestAsync(HttpMethod.Patch, other.Token, upload.UploadId, 1000, Chunk(video[1000..2000])), HttpStatusCode.NotFound);
        await Problem(await Organizer.GetAsync($"/api/conferences/{conference.Id}/appeals/uploads/{upload.UploadId}"), HttpStatusCode.NotFound);
        await Problem(await UploadRequestAsync(HttpMethod.Get, null, upload.UploadId), HttpStatusCode.Unauthorized);
        await Problem(await UploadRequestAsync(HttpMethod.Patch, null, upload.UploadId, 1000, Chunk(video[1000..2000])), HttpStatusCode.Unauthorized);
        await ValidationProblem(await UploadRequestAsync(HttpMethod.Patch, mine.Token, upload.UploadId, null, Chunk(video[1000..2000])), "uploadOffset");
        var behind = await Problem(await UploadRequestAsync(HttpMethod.Patch, mine.Token, upload.UploadId, 0, Chunk(video[..1000])), HttpStatusCode.Conflict);
        Assert.That((long)behind["offset"]!, Is.EqualTo(1000));

        await Organizer.DeleteAsync($"/api/conferences/{conference.Id}/appeals/links/{mine.Id}");
        var withdrawn = await Problem(await UploadRequestAsync(HttpMethod.Patch, mine.Token, upload.UploadId, 1000, Chunk(video[1000..])), HttpStatusCode.Forbidden);
        Assert.That((string?)withdrawn["detail"], Does.Contain("withdrawn"));
        Assert.That(StoredFiles(conference), Has.Count.EqualTo(2), "the partial file and its state, until cancelled or swept");
        var cancelled = await UploadRequestAsync(HttpMethod.Delete, mine.Token, upload.UploadId);
        Assert.That(cancelled.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(StoredFiles(conference), Is.Empty);
        var queue = await Read<AppealQueueDto>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/appeals"));
        Assert.That(queue.Appeals, Is.Empty);
    }

    private static object UploadDetails(long? size) => new
    {
        senderKind = "organization", senderName = "Berlin Azerbaijani Society", country = "DE", language = "az", title = "Congratulations", size,
    };

    private static ByteArrayContent Chunk(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/offset+octet-stream");
        return content;
    }

    /// <summary>A contributor's resumable-upload request: the token in its header, no session, the offset when given.</summary>
    private async Task<HttpResponseMessage> UploadRequestAsync(HttpMethod method, string? token, Guid? uploadId, long? offset = null, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, "/api/appeal-submissions/uploads" + (uploadId is { } id ? $"/{id}" : string.Empty)) { Content = content };
        if (token is not null)
        {
            request.Headers.Add(TokenHeader, token);
        }

        if (offset is { } at)
        {
            request.Headers.Add("Upload-Offset", at.ToString(CultureInfo.InvariantCulture));
        }

        return await Anonymous.SendAsync(request);
    }

    private async Task<ConferenceDto> AppealsConferenceAsync()
    {
        var conference = await AddSegmentAsync(await CreateConferenceAsync(), new { kind = "videoAppeals", title = "Appeals from abroad", durationSeconds = 600 });
        return await AddSegmentAsync(conference, new { kind = "minuteOfSilence", title = "Silence" });
    }

    private async Task<SubmissionLinkIssued> CreateLinkAsync(ConferenceDto conference, DateTimeOffset deadline)
    {
        var response = await Organizer.PostAsJsonAsync(
            $"/api/conferences/{conference.Id}/appeals/links", new { segmentId = conference.Segments[0].Id, label = "Berlin society", deadline });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return await Read<SubmissionLinkIssued>(response);
    }

    /// <summary>As a contributor's browser or curl would: no session, the token in its header, the video as the body.</summary>
    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string? token, string? video = null, string title = "Congratulations")
    {
        var query = $"?senderKind=organization&senderName={Uri.EscapeDataString("Berlin Azerbaijani Society")}&country=DE&language=az&title={Uri.EscapeDataString(title)}";
        using var request = new HttpRequestMessage(method, "/api/appeal-submissions" + (video is null ? string.Empty : query));
        if (token is not null)
        {
            request.Headers.Add(TokenHeader, token);
        }

        if (video is not null)
        {
            request.Content = new StreamContent(File.OpenRead(video));
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
        }

        return await Anonymous.SendAsync(request);
    }

    private List<string> StoredFiles(ConferenceDto conference)
    {
        var folders = new[] { Path.Combine(Host.MediaFolder, conference.Id.ToString("N")), Path.Combine(Host.MediaFolder, ".staging") };
        return [.. folders.Where(Directory.Exists).SelectMany(f => Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories))];
    }
}
