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
