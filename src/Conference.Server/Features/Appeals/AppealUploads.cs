using System.Collections.Concurrent;
using System.Text.Json;
using Conference.Domain;
using Conference.Domain.Appeals;
using Microsoft.Extensions.Options;

namespace Conference.Server.Features.Appeals;

/// <summary>
/// What a resumable upload was started with, kept in a JSON file beside its partial video. It never changes after
/// the start; the offset is the partial file's length, so the bytes on disk are the only record of progress and a
/// crash can never leave the two disagreeing. <see cref="SubmissionLinkId"/> names the contributor's link an upload
/// came through (null for a producer's): each side sees only its own uploads.
/// </summary>
public sealed record AppealUploadState(
    Guid Id, Guid ConferenceId, Guid SegmentId, SenderKind SenderKind, string SenderName, string Country, string Language, string Title,
    string? Message, long Size, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, Guid? SubmissionLinkId = null) : IAppealDetails
{
    SenderKind? IAppealDetails.SenderKind => SenderKind;
}

/// <summary>
/// Unfinished resumable uploads on the staging disk: <c>uploads/{conference}/{upload}.part</c> (the bytes so far)
/// and <c>{upload}.json</c> (<see cref="AppealUploadState"/>). A JSON file instead of a table: the state belongs to a
/// local file, lives and dies with it, needs no migration, and a deleted conference's folder takes both along.
/// </summary>
public sealed class AppealUploads(IAppealStorage storage, IOptions<AppealOptions> options)
{
    private const int BufferSize = 128 * 1024;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Uploads a chunk is being written to right now: a second writer is refused, never queued behind the first.
    private readonly ConcurrentDictionary<Guid, byte> _busy = new();

    public TimeSpan Lifetime => options.Value.ResumableUploadLifetime;

    public void Create(AppealUploadState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var folder = storage.UploadsFolder(state.ConferenceId);
        Directory.CreateDirectory(folder);

        // The state first, written whole then renamed into place: an upload is either fully known or absent.
        var temporary = Path.Combine(folder, $"{state.Id:N}.json.tmp");
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(state, Json));
        File.Move(temporary, StatePath(state.ConferenceId, state.Id));
        using (new FileStream(PartPath(state.ConferenceId, state.Id), FileMode.CreateNew, FileAccess.Write))
        {
        }
    }

    /// <summary>
    /// The upload's state; 404 when unknown (or finished, or cancelled, or started through another submission link
    /// than <paramref name="submissionLinkId"/>: null for a producer's), 410 once expired. Never writes.
    /// </summary>
    public AppealUploadState Find(Guid conferenceId, Guid uploadId, DateTimeOffset now, Guid? submissionLinkId = null)
    {
        var state = Read(StatePath(conferenceId, uploadId));
        if (state is null || state.ConferenceId != conferenceId || state.SubmissionLinkId != submissionLinkId)
        {
            throw new NotFoundException("upload", uploadId);
        }

        if (state.ExpiresAt <= now)
        {
            throw new AppealUploadExpiredException(uploadId, state.ExpiresAt);
        }

        return state;
    }

    /// <summary>How many bytes have arrived: the partial file's length.</summary>
    public long OffsetOf(AppealUploadState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var part = new FileInfo(PartPath(state.ConferenceId, state.Id));
        return part.Exists ? part.Length : 0;
    }

    /// <summary>Claims the upload for one writer; null when another request holds it.</summary>
    private IDisposable? TryClaim(Guid uploadId) => _busy.TryAdd(uploadId, 0) ? new Claim(this, uploadId) : null;

    /// <summary>
    /// Appends a chunk at the end of the partial file, streamed, never past the declared size. A chunk cut off
    /// keeps the bytes that arrived (flushed to disk), so the offset the client asks for next is the truth.
    /// </summary>
    private async Task<long> AppendAsync(AppealUploadState state, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(content);
        // Unbuffered (the chunks are buffer-sized already): the file's length tells the progress the moment bytes are written.
        await using var file = new FileStream(
            PartPath(state.ConferenceId, state.Id), FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0, FileOptions.Asynchronous);
        var start = file.Length;
        var buffer = new byte[BufferSize];
        while (true)
        {
            int read;
            try
            {
                read = await content.ReadAsync(buffer, cancellationToken);
            }
            catch (Exception cut) when (cut is not OutOfMemoryException)
            {
                // The client's body broke off (dropped connection, aborted request): what arrived stays.
                file.Flush(flushToDisk: true);
                throw new BadHttpRequestException(
                    $"The chunk was cut off at offset {file.Length}; ask for the upload's offset (GET) and send the rest from there.", cut);
            }

            if (read == 0)
            {
                break;
            }

            if (file.Length + read > state.Size)
            {
                file.SetLength(start);
                throw new ProgramRuleException("body",
                    $"The chunk goes past the upload's size of {state.Size} bytes: {state.Size - start} bytes are left from offset {start}.");
            }

            // Not cancelled once read: what arrived is written whole, so the partial file ends on a byte the client sent.
            await file.WriteAsync(buffer.AsMemory(0, read), CancellationToken.None);
        }

        file.Flush(flushToDisk: true);
        return file.Length;
    }

    /// <summary>
    /// Writes one chunk: claims the upload (409 while another request writes to it), checks the chunk starts where the
    /// upload stands (409 with the offset otherwise) and appends it. The claim lasts until the answer is disposed, so
    /// the chunk that completes the file keeps it through the checks that follow.
    /// </summary>
    public async Task<WrittenChunk> WriteChunkAsync(AppealUploadState state, long offset, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var claim = TryClaim(state.Id)
            ?? throw new AppealUploadConflictException(
                "Another chunk of this upload is being written right now; wait for it, then ask for the offset.", OffsetOf(state));
        try
        {
            var current = OffsetOf(state);
            if (offset != current)
            {
                throw new AppealUploadConflictException(
                    $"The upload stands at offset {current}, not {offset}; send the chunk from offset {current}.", current);
            }

            return new WrittenChunk(await AppendAsync(state, content, cancellationToken), state.Size, claim);
        }
        catch
        {
            claim.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Hands the complete file to the intake's checks and the checked video to <paramref name="admit"/>; a refusal at
    /// either step leaves no file behind (the intake and the admissions delete what they refuse, this what came before).
    /// </summary>
    public async Task<T> CompleteAsync<T>(AppealUploadState state, AppealIntake intake, Func<StagedVideo, Task<T>> admit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intake);
        ArgumentNullException.ThrowIfNull(admit);
        var videoPath = Complete(state);
        try
        {
            return await admit(await intake.CheckAsync(videoPath, cancellationToken));
        }
        finally
        {
            AppealIntake.DeleteQuietly(videoPath);
        }
    }

    /// <summary>Hands the complete file over to the intake as a staged video and forgets the upload.</summary>
    private string Complete(AppealUploadState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var staged = storage.NewStagingPath(".video");
        File.Move(PartPath(state.ConferenceId, state.Id), staged);
        File.Delete(StatePath(state.ConferenceId, state.Id));
        return staged;
    }

    /// <summary>
    /// Gives up an upload (404 when unknown or another side's, 409 while a chunk is being written): its partial file
    /// and state are removed, an expired one's too.
    /// </summary>
    public void Cancel(Guid conferenceId, Guid uploadId, DateTimeOffset now, Guid? submissionLinkId = null)
    {
        AppealUploadState state;
        try
        {
            state = Find(conferenceId, uploadId, now, submissionLinkId);
        }
        catch (AppealUploadExpiredException)
        {
            Remove(conferenceId, uploadId);
            return;
        }

        using var claim = TryClaim(state.Id)
            ?? throw new AppealUploadConflictException(
                "A chunk of this upload is being written right now; cancel it once that request ended.", OffsetOf(state));
        Remove(conferenceId, state.Id);
    }

    private void Remove(Guid conferenceId, Guid uploadId)
    {
        AppealIntake.DeleteQuietly(PartPath(conferenceId, uploadId));
        AppealIntake.DeleteQuietly(StatePath(conferenceId, uploadId));
    }

    /// <summary>
    /// Removes every upload expired for a while (<paramref name="grace"/>, so a client asking just after the expiry
    /// reads a clear 410 rather than a 404) that no request is writing to; answers how many went.
    /// </summary>
    public int SweepExpired(DateTimeOffset now, TimeSpan grace)
    {
        var root = Path.GetDirectoryName(storage.UploadsFolder(Guid.Empty))!;
        if (!Directory.Exists(root))
        {
            return 0;
        }

        var removed = 0;
        foreach (var path in Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories))
        {
            if (Read(path) is not { } state || state.ExpiresAt + grace > now)
            {
                continue;
            }

            using var claim = TryClaim(state.Id);
            if (claim is not null)
            {
                Remove(state.ConferenceId, state.Id);
                removed++;
            }
        }

        return removed;
    }

    private static AppealUploadState? Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<AppealUploadState>(File.ReadAllBytes(path), Json);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private string StatePath(Guid conferenceId, Guid uploadId) => Path.Combine(storage.UploadsFolder(conferenceId), $"{uploadId:N}.json");

    private string PartPath(Guid conferenceId, Guid uploadId) => Path.Combine(storage.UploadsFolder(conferenceId), $"{uploadId:N}.part");

    /// <summary>A chunk written: where the upload now stands, and the claim on it, held until disposed.</summary>
    public sealed class WrittenChunk(long offset, long size, IDisposable claim) : IDisposable
    {
        public long Offset { get; } = offset;

        public bool Completes => Offset >= size;

        public void Dispose() => claim.Dispose();
    }

    private sealed class Claim(AppealUploads owner, Guid uploadId) : IDisposable
    {
        public void Dispose() => owner._busy.TryRemove(uploadId, out _);
    }
}

/// <summary>Removes expired partial uploads now and then, so an abandoned one does not hold its disk space past its lifetime.</summary>
public sealed partial class AppealUploadSweep(AppealUploads uploads, TimeProvider time, ILogger<AppealUploadSweep> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                var removed = uploads.SweepExpired(time.GetUtcNow(), Interval);
                if (removed > 0)
                {
                    Swept(logger, removed);
                }
            }
            catch (IOException e)
            {
                SweepFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} expired resumable appeal uploads")]
    private static partial void Swept(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping expired resumable appeal uploads failed; the next sweep tries again")]
    private static partial void SweepFailed(ILogger logger, Exception exception);
}
