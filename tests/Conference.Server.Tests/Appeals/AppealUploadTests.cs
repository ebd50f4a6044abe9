using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Conference.Server.Features.Appeals;
using Conference.Server.Features.Conferences;

namespace Conference.Server.Tests.Appeals;

/// <summary>Resumable uploads (start, chunks at the server's offset, resume after a cut, cancel, expiry) with real ffmpeg videos.</summary>
public class AppealUploadTests(DatabaseKind kind) : ApiTestBase(kind)
{
    protected override IReadOnlyDictionary<string, string?>? HostSettings => new Dictionary<string, string?>
    {
        ["Appeals:MaxAppealDuration"] = "00:00:10",
        ["Appeals:MaxUploadBytes"] = (4 * 1024 * 1024).ToString(CultureInfo.InvariantCulture),
        ["Appeals:ResumableUploadLifetime"] = "02:00:00",
    };

    [Test]
    public async Task Upload_InThreeChunks_CreatesTheAppealWithTheFilesDuration()
    {
        var conference = await AppealsConferenceAsync();
        var video = await File.ReadAllBytesAsync(await TestVideos.ThreeSecondsAsync());
        var upload = await StartAsync(conference, video.Length);
        Assert.That((upload.Offset, upload.Size, upload.ExpiresAt), Is.EqualTo((0L, (long)video.Length, Host.Clock.GetUtcNow().AddHours(2))));

        var third = video.Length / 3;
        var first = await Read<AppealUploadDto>(await PatchAsync(conference, upload, 0, video[..third]));
        Assert.That(first.Offset, Is.EqualTo(third));
        var second = await Read<AppealUploadDto>(await PatchAsync(conference, upload, third, video[third..(2 * third)]));
        Assert.That(second.Offset, Is.EqualTo(2 * third));
        Assert.That(StoredFiles(conference), Has.Count.EqualTo(2), "only the partial file and its state before the last byte");
        var last = await PatchAsync(conference, upload, 2 * third, video[(2 * third)..]);

        Assert.That(last.StatusCode, Is.EqualTo(HttpStatusCode.Created), await last.Content.ReadAsStringAsync());
        var appeal = await Read<AppealDto>(last);
        Assert.That(last.Headers.Location?.ToString(), Is.EqualTo($"/api/conferences/{conference.Id}/appeals/{appeal.Id}"));
        Assert.That((appeal.DurationSeconds, appeal.Video.VideoCodec, appeal.SenderName, appeal.Status), Is.EqualTo((3.0, "h264", "Ayşe Kaya", "submitted")).Using<(double, string, string, string)>(
            (a, b) => Math.Abs(a.Item1 - b.Item1) < 0.1 && (a.Item2, a.Item3, a.Item4) == (b.Item2, b.Item3, b.Item4)));
        Assert.That(StoredFiles(conference).Select(Path.GetFileName), Is.EquivalentTo(new[] { $"{appeal.Id:N}.mp4", $"{appeal.Id:N}.jpg" }),
            "the video and thumbnail kept, nothing left in staging");
        await Problem(await Organizer.GetAsync(UploadUrl(conference, upload)), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Chunk_AtTheWrongOffset_Is409WithTheCurrentOffset()
    {
        var conference = await AppealsConferenceAsync();
        var video = await File.ReadAllBytesAsync(await TestVideos.ThreeSecondsAsync());
        var upload = await StartAsync(conference, video.Length);
        await Read<AppealUploadDto>(await PatchAsync(conference, upload, 0, video[..1000]));

        var behind = await Problem(await PatchAsync(conference, upload, 0, video[..1000]), HttpStatusCode.Conflict);
        var ahead = await Problem(await PatchAsync(conference, upload, 5000, video[5000..6000]), HttpStatusCode.Conflict);

        Assert.That(((long)behind["offset"]!, (long)ahead["offset"]!), Is.EqualTo((1000L, 1000L)));
        Assert.That((string?)behind["detail"], Does.Contain("offset 1000"));
        var state = await Read<AppealUploadDto>(await Organizer.GetAsync(UploadUrl(conference, upload)));
        Assert.That(state.Offset, Is.EqualTo(1000), "a refused chunk writes nothing");
        await ValidationProblem(await PatchAsync(conference, upload, null, video[1000..2000]), "uploadOffset");
        await ValidationProblem(await PatchAsync(conference, upload, 1000, new byte[video.Length]), "body");
        Assert.That((await Read<AppealUploadDto>(await Organizer.GetAsync(UploadUrl(conference, upload)))).Offset, Is.EqualTo(1000),
            "a chunk past the declared size is dropped whole");
    }

    [Test]
    public async Task Chunk_CutOffMidBody_KeepsWhatArrived_AndTheUploadResumesFromTheReportedOffset()
    {
        var conference = await AppealsConferenceAsync();
        var source = await TestVideos.ThreeSecondsAsync();
        var video = await File.ReadAllBytesAsync(source);
        var upload = await StartAsync(conference, video.Length);
        var sent = video.Length / 2;

        using (var request = new HttpRequestMessage(HttpMethod.Patch, UploadUrl(conference, upload)))
        {
            request.Headers.Add("Upload-Offset", "0");
            using var abort = new CancellationTokenSource();
            request.Content = new StreamContent(new BreakingStream(video, sent, abort));
            using var streaming = StreamingClient();
            Assert.That(async () => await streaming.SendAsync(request, abort.Token), Throws.InstanceOf<OperationCanceledException>(), "the request was aborted");
        }

        // The cut request may still be finishing on the server: the client asks until it gets the offset and may write.
        var resumed = await Eventually.Value(
            async () =>
            {
                var state = await Read<AppealUploadDto>(await Organizer.GetAsync(UploadUrl(conference, upload)));
                return (state, response: await PatchAsync(conference, upload, state.Offset, video[(int)state.Offset..]));
            },
            r => r.response.StatusCode != HttpStatusCode.Conflict);

        Assert.That(resumed.state.Offset, Is.GreaterThan(0).And.LessThanOrEqualTo(sent), "the bytes that arrived were kept");
        Assert.That(resumed.response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await resumed.response.Content.ReadAsStringAsync());
        var appeal = await Read<AppealDto>(resumed.response);
        var stored = Directory.EnumerateFiles(Path.Combine(Host.MediaFolder, conference.Id.ToString("N")), $"{appeal.Id:N}.mp4").Single();
        Assert.That(await File.ReadAllBytesAsync(stored), Is.EqualTo(video), "the stored file is byte for byte the source");
    }

    [Test]
    public async Task TwoChunksAtOnce_TheSecondIs409_AndTheFirstCompletes()
    {
        var conference = await AppealsConferenceAsync();
        var video = await File.ReadAllBytesAsync(await TestVideos.ThreeSecondsAsync());
        var upload = await StartAsync(conference, video.Length);
        var slow = new HeldStream(video, video.Length / 2);
        using var request = new HttpRequestMessage(HttpMethod.Patch, UploadUrl(conference, upload)) { Content = new StreamContent(slow) };
        request.Headers.Add("Upload-Offset", "0");
        using var streaming = StreamingClient();
        var first = streaming.SendAsync(request);
        await slow.Holding.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Eventually.Value(
            async () => (await Read<AppealUploadDto>(await Organizer.GetAsync(UploadUrl(conference, upload)))).Offset, offset => offset == video.Length / 2);

        // At the right offset, but while the first chunk is still being written: without the lock it would write into the same file.
        var second = await Problem(await PatchAsync(conference, upload, video.Length / 2, video[(video.Length / 2)..]), HttpStatusCode.Conflict);
        slow.Release.SetResult();
        var done = await first;

        Assert.That((string?)second["detail"], Does.Contain("being written"));
        Assert.That((long)second["offset"]!, Is.EqualTo(video.Length / 2));
        Assert.That(done.StatusCode, Is.EqualTo(HttpStatusCode.Created), await done.Content.ReadAsStringAsync());
        Assert.That((await Read<AppealDto>(done)).DurationSeconds, Is.EqualTo(3).Within(0.1));
    }

    [Test]
    public async Task CorruptFile_Completed_Is422_AndLeavesNothingBehind()
    {
        var conference = await AppealsConferenceAsync();
        var corrupt = await File.ReadAllBytesAsync(await TestVideos.CorruptAsync());
        var upload = await StartAsync(conference, corrupt.Length);
        await Read<AppealUploadDto>(await PatchAsync(conference, upload, 0, corrupt[..1024]));

        var refused = await Problem(await PatchAsync(conference, upload, 1024, corrupt[1024..]), HttpStatusCode.UnprocessableEntity);

        Assert.That((string?)refused["problem"], Is.EqualTo("notVideo"));
        Assert.That(StoredFiles(conference), Is.Empty, "no partial file, state, staged video or thumbnail left");
        await Problem(await Organizer.GetAsync(UploadUrl(conference, upload)), HttpStatusCode.NotFound);
        var queue = await Read<AppealQueueDto>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/appeals"));
        Assert.That(queue.Appeals, Is.Empty);
    }

    [Test]
    public async Task Cancel_RemovesThePartialFile()
    {
        var conference = await AppealsConferenceAsync();
        var video = await File.ReadAllBytesAsync(await TestVideos.ThreeSecondsAsync());
        var upload = await StartAsync(conference, video.Length);
        await Read<AppealUploadDto>(await PatchAsync(conference, upload, 0, video[..4096]));
        Assert.That(StoredFiles(conference), Has.Count.EqualTo(2), "the partial file and its state");

        var cancelled = await Organizer.DeleteAsync(UploadUrl(conference, upload));

        Assert.That(cancelled.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(StoredFiles(conference), Is.Empty);
        await Problem(await PatchAsync(conference, upload, 4096, video[4096..]), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Upload_PastItsLifetime_Is410_AndTheSweepRemovesIt()
    {
        var conference = await AppealsConferenceAsync();
        var video = await File.ReadAllBytesAsync(await TestVideos.ThreeSecondsAsync());
        var upload = await StartAsync(conference, video.Length);
        await Read<AppealUploadDto>(await PatchAsync(conference, upload, 0, video[..4096]));

        Host.Clock.Advance(TimeSpan.FromHours(2));

        var gone = await Problem(await Organizer.GetAsync(UploadUrl(conference, upload)), HttpStatusCode.Gone);
        Assert.That((string?)gone["detail"], Does.Contain("expired").And.Contain("start a new upload"));
        await Problem(await PatchAsync(conference, upload, 4096, video[4096..]), HttpStatusCode.Gone);
        Assert.That(StoredFiles(conference), Has.Count.EqualTo(2), "a GET or a refused PATCH never deletes");

        Host.Clock.Advance(AppealUploadSweep.Interval);
        await Eventually.Value(() => Task.FromResult(StoredFiles(conference).Count), count => count == 0);
        await Problem(await Organizer.GetAsync(UploadUrl(conference, upload)), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Start_WithBadInput_Is400_AndOverTheLimitIs413_WithNothingKept()
    {
        var conference = await AppealsConferenceAsync();
        var segment = conference.Segments[0].Id;
        var url = $"/api/conferences/{conference.Id}/appeals/uploads";

        await ValidationProblem(await Organizer.PostAsJsonAsync(url, new { segmentId = segment, country = "XX" }),
            "size", "senderName", "country", "language", "title");
        await ValidationProblem(await Organizer.PostAsJsonAsync(url, Details(conference.Segments[1].Id, 1000)), "segmentId");
        await ValidationProblem(await Organizer.PostAsJsonAsync(url, Details(segment, 0)), "size");
        await ValidationProblem(await Organizer.PostAsJsonAsync(url, new { segmentId = segment, senderKind = "robot", senderName = "A", country = "TR", language = "az", title = "T", size = 10 }),
            "senderKind");
        var tooLarge = await Problem(await Organizer.PostAsJsonAsync(url, Details(segment, 5 * 1024 * 1024)), HttpStatusCode.RequestEntityTooLarge);
        Assert.That((string?)tooLarge["problem"], Is.EqualTo("tooLarge"));
        await Problem(await Organizer.GetAsync($"{url}/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        await Problem(await Organizer.PostAsJsonAsync($"/api/conferences/{Guid.NewGuid()}/appeals/uploads", Details(segment, 1000)), HttpStatusCode.NotFound);
        Assert.That(StoredFiles(conference), Is.Empty);
    }

    [Test]
    public async Task Upload_OfAnotherConference_IsNotFound()
    {
        var conference = await AppealsConferenceAsync();
        var other = await AppealsConferenceAsync();
        var upload = await StartAsync(conference, 1000);

        await Problem(await Organizer.GetAsync($"/api/conferences/{other.Id}/appeals/uploads/{upload.UploadId}"), HttpStatusCode.NotFound);
        await Problem(await Organizer.DeleteAsync($"/api/conferences/{other.Id}/appeals/uploads/{upload.UploadId}"), HttpStatusCode.NotFound);
        Assert.That((await Read<AppealUploadDto>(await Organizer.GetAsync(UploadUrl(conference, upload)))).Offset, Is.Zero);
    }

    /// <summary>
    /// The organizer without the test client's redirect handler, which reads a request body whole before sending it:
    /// these tests need the body to go out as it is read.
    /// </summary>
    private HttpClient StreamingClient()
    {
        var client = Host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", ApiHost.OrganizerKey);
        return client;
    }

    private static object Details(Guid segmentId, long size) => new
    {
        segmentId, senderKind = "person", senderName = "Ayşe Kaya", country = "TR", language = "az", title = "Congratulations", size,
    };

    private async Task<AppealUploadDto> StartAsync(ConferenceDto conference, long size)
    {
        var response = await Organizer.PostAsJsonAsync($"/api/conferences/{conference.Id}/appeals/uploads", Details(conference.Segments[0].Id, size));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var upload = await Read<AppealUploadDto>(response);
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo(UploadUrl(conference, upload)));
        return upload;
    }

    private async Task<HttpResponseMessage> PatchAsync(ConferenceDto conference, AppealUploadDto upload, long? offset, byte[] chunk)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, UploadUrl(conference, upload)) { Content = new ByteArrayContent(chunk) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/offset+octet-stream");
        if (offset is { } at)
        {
            request.Headers.Add("Upload-Offset", at.ToString(CultureInfo.InvariantCulture));
        }

        return await Organizer.SendAsync(request);
    }

    private static string UploadUrl(ConferenceDto conference, AppealUploadDto upload) =>
        $"/api/conferences/{conference.Id}/appeals/uploads/{upload.UploadId}";

    private async Task<ConferenceDto> AppealsConferenceAsync()
    {
        var conference = await AddSegmentAsync(await CreateConferenceAsync(), new { kind = "videoAppeals", title = "Appeals from abroad", durationSeconds = 600 });
        return await AddSegmentAsync(conference, new { kind = "minuteOfSilence", title = "Silence" });
    }

    /// <summary>The conference's stored files, its partial uploads, and any staged video or thumbnail (tests of a fixture run one at a time).</summary>
    private List<string> StoredFiles(ConferenceDto conference)
    {
        var folder = Path.Combine(Host.MediaFolder, conference.Id.ToString("N"));
        var staging = Path.Combine(Host.MediaFolder, ".staging");
        var uploads = Path.Combine(staging, "uploads", conference.Id.ToString("N"));
        return
        [
            .. new[] { folder, uploads }.Where(Directory.Exists).SelectMany(f => Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories)),
            .. Directory.Exists(staging) ? Directory.EnumerateFiles(staging) : [],
        ];
    }

    /// <summary>A request body that gives its first bytes, lets the server take them, then aborts the request like a dropped connection.</summary>
    private sealed class BreakingStream(byte[] data, int breakAt, CancellationTokenSource abort) : Stream
    {
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_position >= breakAt)
            {
                await Task.Delay(300, CancellationToken.None);
                await abort.CancelAsync();
                throw new OperationCanceledException(abort.Token);
            }

            var count = Math.Min(buffer.Length, breakAt - _position);
            data.AsMemory(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A request body that stops at a point until released: a slow chunk still being written.</summary>
    private sealed class HeldStream(byte[] data, int holdAt) : Stream
    {
        private int _position;

        public TaskCompletionSource Holding { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_position == holdAt)
            {
                Holding.TrySetResult();
                await Release.Task.WaitAsync(cancellationToken);
            }

            var end = _position < holdAt ? holdAt : data.Length;
            var count = Math.Min(buffer.Length, end - _position);
            data.AsMemory(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
