using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Conference.Server.Features.Appeals;
using Conference.Server.Features.Conferences;

namespace Conference.Server.Tests.Appeals;

/// <summary>Appeals over the API with real video files checked by the real ffprobe/ffmpeg.</summary>
public class AppealApiTests(DatabaseKind kind) : ApiTestBase(kind)
{
    private static readonly object AppealsBlock = new { kind = "videoAppeals", title = "Appeals from abroad", durationSeconds = 600 };

    protected override IReadOnlyDictionary<string, string?>? HostSettings => new Dictionary<string, string?>
    {
        ["Appeals:MaxAppealDuration"] = "00:00:10",
        ["Appeals:MaxUploadBytes"] = (4 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Test]
    public async Task Upload_PlayableVideo_IsQueuedWithDurationThumbnailAndCodecFromTheFile()
    {
        var conference = await AppealsConferenceAsync();

        var appeal = await UploadAsync(conference, await TestVideos.ThreeSecondsAsync(), "Ayşe Kaya");

        Assert.That(appeal.Status, Is.EqualTo("submitted"));
        Assert.That(appeal.DurationSeconds, Is.EqualTo(3).Within(0.1));
        Assert.That(appeal.Video.VideoCodec, Is.EqualTo("h264"));
        Assert.That((appeal.Video.Width, appeal.Video.Height), Is.EqualTo((320, 240)));
        Assert.That(appeal.Video.AudioCodec, Is.EqualTo("aac"));
        Assert.That(appeal.SenderName, Is.EqualTo("Ayşe Kaya"));
        Assert.That(appeal.Country, Is.EqualTo("TR"));
        var thumbnail = await Organizer.GetAsync(appeal.ThumbnailUrl);
        Assert.That(thumbnail.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(thumbnail.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/jpeg"));
        var jpeg = await thumbnail.Content.ReadAsByteArrayAsync();
        Assert.That(jpeg[..2], Is.EqualTo(new byte[] { 0xFF, 0xD8 }), "a JPEG starts with FF D8");
        var webm = await UploadAsync(conference, await TestVideos.TwoSecondsAsync(), "Berlin Azerbaijani Society", "organization");
        Assert.That((webm.Video.VideoCodec, webm.Position), Is.EqualTo(("vp8", 1)));
    }

    [TestCase("corrupt", "notVideo")]
    [TestCase("audioOnly", "noVideoStream")]
    [TestCase("unsupported", "unsupportedCodec")]
    [TestCase("tooLong", "tooLong")]
    [TestCase("truncated", "truncated")]
    public async Task Upload_BadFile_Is422NamingTheProblem_AndLeavesNothingBehind(string file, string problem)
    {
        var conference = await AppealsConferenceAsync();
        var path = file switch
        {
            "corrupt" => await TestVideos.CorruptAsync(),
            "audioOnly" => await TestVideos.AudioOnlyAsync(),
            "unsupported" => await TestVideos.UnsupportedCodecAsync(),
            "tooLong" => await TestVideos.TwelveSecondsAsync(),
            _ => await TestVideos.TruncatedAsync(),
        };

        var refused = await Problem(await PostVideoAsync(conference, path, "Ali Aliyev"), HttpStatusCode.UnprocessableEntity);

        Assert.That((string?)refused["problem"], Is.EqualTo(problem), refused.ToJsonString());
        Assert.That(StoredFiles(conference), Is.Empty, "a refused video leaves no file behind");
        var queue = await Read<AppealQueueDto>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/appeals"));
        Assert.That(queue.Appeals, Is.Empty);
    }

    [Test]
    public async Task Intakes_AreCountedByOutcome_OnThePrometheusEndpoint()
    {
        var conference = await AppealsConferenceAsync();
        await UploadAsync(conference, await TestVideos.ThreeSecondsAsync(), "Ayşe Kaya");
        await Problem(await PostVideoAsync(conference, await TestVideos.CorruptAsync(), "Ali Aliyev"), HttpStatusCode.UnprocessableEntity);

        // The exporter caches a scrape for a moment: poll until it shows both outcomes.
        var metrics = await Eventually.Value(
            () => Organizer.GetStringAsync("/metrics"),
            text => text.Contains("outcome=\"NotVideo\"", StringComparison.Ordinal) && text.Contains("outcome=\"accepted\"", StringComparison.Ordinal));
        Assert.That(metrics, Does.Contain("conference_appeals_intakes_total{").And.Contain("conference_appeals_intake_size_bytes"));
    }

    [Test]
    public async Task Upload_LargerThanTheLimit_Is413_AndEmptyOrMissingDetailsAre400()
    {
        var conference = await AppealsConferenceAsync();
        using var big = new ByteArrayContent(new byte[5 * 1024 * 1024]);
        big.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
        var tooLarge = await Problem(await Organizer.PostAsync(UploadUrl(conference, "Ali Aliyev"), big), HttpStatusCode.RequestEntityTooLarge);
        Assert.That((string?)tooLarge["problem"], Is.EqualTo("tooLarge"));
        Assert.That(StoredFiles(conference), Is.Empty);

        using var video = new StreamContent(File.OpenRead(await TestVideos.ThreeSecondsAsync()));
        await ValidationProblem(
            await Organizer.PostAsync($"/api/conferences/{conference.Id}/appeals?segmentId={conference.Segments[0].Id}&country=XX", video),
            "senderName", "country", "language", "title");
        using var again = new StreamContent(File.OpenRead(await TestVideos.ThreeSecondsAsync()));
        await ValidationProblem(
            await Organizer.PostAsync(UploadUrl(conference, "Ali Aliyev").Replace(conference.Segments[0].Id.ToString(), conference.Segments[1].Id.ToString(), StringComparison.Ordinal), again),
            "segmentId");
        Assert.That(StoredFiles(conference), Is.Empty);
    }

    [Test]
    public async Task Review_ApproveRejectReorderMove_WithRevisions_AndThePlanFollowsTheApprovedDurations()
    {
        var conference = await AppealsConferenceAsync(second: true);
        var block = conference.Segments[0].Id;
        var first = await UploadAsync(conference, await TestVideos.ThreeSecondsAsync(), "Ayşe Kaya");
        var second = await UploadAsync(conference, await TestVideos.TwoSecondsAsync(), "Hasan Aliyev");
        var third = await UploadAsync(conference, await TestVideos.ThreeSecondsAsync(), "Baku Friends", "organization");
        var queue = await Read<AppealQueueDto>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/appeals"));
        Assert.That(queue.Revision, Is.EqualTo(4));

        queue = await Read<AppealQueueDto>(await Organizer.PostAsJsonAsync(Url(conference, first, "approve"), new { expectedRevision = 4 }));
        queue = await Read<AppealQueueDto>(await Organizer.PostAsJsonAsync(Url(conference, second, "approve"), new { expectedRevision = 5 }));
        var stale = await Problem(await Organizer.PostAsJsonAsync(Url(conference, third, "approve"), new { expectedRevision = 5 }), HttpStatusCode.Conflict);
        Assert.That((int)stale["currentRevision"]!, Is.EqualTo(6));
        queue = await Read<AppealQueueDto>(await Organizer.PostAsJsonAsync(Url(conference, third, "reject"), new { expectedRevision = 6, reason = "Sound is missing" }));

        var program = await Read<ConferenceDto>(await Organizer.GetAsync($"/api/conferences/{conference.Id}"));
        Assert.That(program.Segments[0].DurationSeconds, Is.EqualTo(5).Within(0.2), "3 s + 2 s approved; the rejected one does not count");
        var timeline = await Read<JsonObject>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/timeline"));
        Assert.That(timeline.ToJsonString(), Does.Contain("11:00:05"), "the next segment starts after the approved appeals");
        Assert.That(queue.Appeals.Single(a => a.Id == third.Id),
            Has.Property(nameof(AppealDto.Status)).EqualTo("rejected").And.Property(nameof(AppealDto.RejectionReason)).EqualTo("Sound is missing"));

        queue = await Read<AppealQueueDto>(await Organizer.PostAsJsonAsync(
            $"/api/conferences/{conference.Id}/appeals/reorder", new { expectedRevision = 7, segmentId = block, appealIds = new[] { third.Id, second.Id, first.Id } }));
        Assert.That(queue.Appeals.OrderBy(a => a.Position).Select(a => a.Id), Is.EqualTo(new[] { third.Id, second.Id, first.Id }));
        await ValidationProblem(await Organizer.PostAsJsonAsync(
            $"/api/conferences/{conference.Id}/appeals/reorder", new { expectedRevision = 8, segmentId = block, appealIds = new[] { third.Id, second.Id } }), "appealIds");

        queue = await Read<AppealQueueDto>(await Organizer.PostAsJsonAsync(Url(conference, second, "move"), new { expectedRevision = 8, segmentId = conference.Segments[2].Id }));
        Assert.That(queue.Appeals.Single(a => a.Id == second.Id).SegmentId, Is.EqualTo(conference.Segments[2].Id));
        program = await Read<ConferenceDto>(await Organizer.GetAsync($"/api/conferences/{conference.Id}"));
        Assert.That((program.Segments[0].DurationSeconds, program.Segments[2].DurationSeconds), Is.EqualTo((3, 2)));

        queue = await Read<AppealQueueDto>(await Organizer.DeleteAsync($"/api/conferences/{conference.Id}/appeals/{third.Id}?expectedRevision=9"));
        Assert.That(queue.Appeals.Select(a => a.Id), Is.EquivalentTo(new[] { first.Id, second.Id }));
        Assert.That(StoredFiles(conference), Has.Count.EqualTo(4), "the removed appeal's video and thumbnail are gone");
    }

    [Test]
    public async Task DeleteConference_WithAppeals_RemovesTheirFiles_AndLeavesOtherConferencesAlone()
    {
        var doomed = await AppealsConferenceAsync();
        var kept = await AppealsConferenceAsync();
        await UploadAsync(doomed, await TestVideos.ThreeSecondsAsync(), "Ayşe Kaya");
        await UploadAsync(doomed, await TestVideos.TwoSecondsAsync(), "Hasan Aliyev");
        await UploadAsync(kept, await TestVideos.TwoSecondsAsync(), "Baku Friends");
        Assert.That(StoredFiles(doomed), Has.Count.EqualTo(4));

        var deleted = await Organizer.DeleteAsync($"/api/conferences/{doomed.Id}");

        Assert.That(deleted.IsSuccessStatusCode, Is.True, await deleted.Content.ReadAsStringAsync());
        Assert.That(StoredFiles(doomed), Is.Empty, "the deleted conference's videos and thumbnails are gone");
        Assert.That(Directory.Exists(Path.Combine(Host.MediaFolder, doomed.Id.ToString("N"))), Is.False);
        Assert.That(StoredFiles(kept), Has.Count.EqualTo(2), "another conference keeps its files");
    }

    private async Task<ConferenceDto> AppealsConferenceAsync(bool second = false)
    {
        var conference = await AddSegmentAsync(await CreateConferenceAsync(), AppealsBlock);
        conference = await AddSegmentAsync(conference, new { kind = "minuteOfSilence", title = "Silence" });
        return second ? await AddSegmentAsync(conference, new { kind = "videoAppeals", title = "Appeals, part two", durationSeconds = 300 }) : conference;
    }

    private static string Url(ConferenceDto conference, AppealDto appeal, string action) => $"/api/conferences/{conference.Id}/appeals/{appeal.Id}/{action}";

    private static string UploadUrl(ConferenceDto conference, string sender, string kind = "person") =>
        $"/api/conferences/{conference.Id}/appeals?segmentId={conference.Segments[0].Id}&senderKind={kind}&senderName={Uri.EscapeDataString(sender)}"
        + "&country=TR&language=az&title=Congratulations";

    private async Task<HttpResponseMessage> PostVideoAsync(ConferenceDto conference, string path, string sender, string kind = "person")
    {
        using var content = new StreamContent(File.OpenRead(path));
        content.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
        return await Organizer.PostAsync(UploadUrl(conference, sender, kind), content);
    }

    private async Task<AppealDto> UploadAsync(ConferenceDto conference, string path, string sender, string kind = "person")
    {
        var response = await PostVideoAsync(conference, path, sender, kind);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return await Read<AppealDto>(response);
    }

    /// <summary>The conference's stored files, and anything left in staging (no other test runs at the same time).</summary>
    private List<string> StoredFiles(ConferenceDto conference)
    {
        var folder = Path.Combine(Host.MediaFolder, conference.Id.ToString("N"));
        var staging = Path.Combine(Host.MediaFolder, ".staging");
        return [.. new[] { folder, staging }.Where(Directory.Exists).SelectMany(f => Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories))];
    }
}
