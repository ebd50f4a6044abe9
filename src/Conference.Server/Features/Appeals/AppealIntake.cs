using Conference.Domain.Appeals;
using Conference.Server.Infrastructure;
using Microsoft.Extensions.Options;

namespace Conference.Server.Features.Appeals;

/// <summary>A video staged on local disk and checked, not yet kept.</summary>
public sealed record StagedVideo(string VideoPath, string ThumbnailPath, long SizeBytes, VideoFacts Facts);

/// <summary>
/// Brings a video in: streams it to a staging file (never into memory, never past the size limit),
/// checks it with FFmpeg and cuts a thumbnail. A refused or failed intake leaves nothing behind.
/// </summary>
public sealed class AppealIntake(IAppealStorage storage, VideoInspector inspector, IOptions<AppealOptions> options)
{
    private const int BufferSize = 128 * 1024;

    public long MaxBytes => options.Value.MaxUploadBytes;

    public async Task<StagedVideo> StageAsync(Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var videoPath = storage.NewStagingPath(".video");
        try
        {
            await CopyLimitedAsync(content, videoPath, cancellationToken);
        }
        catch (MediaRejectedException refused)
        {
            ServerTelemetry.VideoIntakeChecked(refused.Problem.ToString(), null);
            DeleteQuietly(videoPath);
            throw;
        }
        catch
        {
            DeleteQuietly(videoPath);
            throw;
        }

        return await CheckAsync(videoPath, cancellationToken);
    }

    /// <summary>
    /// Checks a complete video already on the staging disk (a one-shot upload, a fetched URL, a finished resumable
    /// upload) and cuts its thumbnail. Takes the file over: a refused or failed check deletes it.
    /// </summary>
    public async Task<StagedVideo> CheckAsync(string videoPath, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(videoPath);
        var thumbnailPath = storage.NewStagingPath(".jpg");
        try
        {
            var size = new FileInfo(videoPath).Length;
            if (size == 0)
            {
                throw new MediaRejectedException(MediaProblem.NotVideo, "The upload is empty; send the video file as the request body.");
            }

            if (size > MaxBytes)
            {
                throw TooLarge();
            }

            var facts = await inspector.InspectAsync(videoPath, cancellationToken);
            await inspector.ThumbnailAsync(videoPath, thumbnailPath, facts.Duration, cancellationToken);
            ServerTelemetry.VideoIntakeChecked("accepted", size);
            return new StagedVideo(videoPath, thumbnailPath, size, facts);
        }
        catch (MediaRejectedException refused)
        {
            ServerTelemetry.VideoIntakeChecked(refused.Problem.ToString(), null);
            DeleteQuietly(videoPath);
            DeleteQuietly(thumbnailPath);
            throw;
        }
        catch
        {
            DeleteQuietly(videoPath);
            DeleteQuietly(thumbnailPath);
            throw;
        }
    }

    /// <summary>The refusal of a video over Appeals:MaxUploadBytes (413), whichever way it comes in.</summary>
    public MediaRejectedException TooLarge() =>
        new(MediaProblem.TooLarge, $"The video is larger than the limit of {MaxBytes / (1024 * 1024)} MB.");

    /// <summary>Moves a staged video into storage under the appeal's keys.</summary>
    public async Task<AppealVideo> KeepAsync(StagedVideo staged, Guid conferenceId, Guid appealId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staged);
        var videoKey = $"{conferenceId:N}/{appealId:N}{staged.Facts.Extension}";
        var thumbnailKey = $"{conferenceId:N}/{appealId:N}.jpg";
        await storage.StoreAsync(staged.VideoPath, videoKey, cancellationToken);
        await storage.StoreAsync(staged.ThumbnailPath, thumbnailKey, cancellationToken);
        var f = staged.Facts;
        return new AppealVideo(videoKey, thumbnailKey, staged.SizeBytes, f.Duration, f.Container, f.VideoCodec, f.Width, f.Height, f.AudioCodec);
    }

    public void Discard(StagedVideo staged)
    {
        ArgumentNullException.ThrowIfNull(staged);
        DeleteQuietly(staged.VideoPath);
        DeleteQuietly(staged.ThumbnailPath);
    }

    public void Forget(AppealVideo video)
    {
        ArgumentNullException.ThrowIfNull(video);
        storage.Delete(video.StorageKey);
        storage.Delete(video.ThumbnailKey);
    }

    private async Task CopyLimitedAsync(Stream content, string path, CancellationToken cancellationToken)
    {
        var max = MaxBytes;
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous);
        var buffer = new byte[BufferSize];
        long total = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > max)
            {
                throw TooLarge();
            }

            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }

    internal static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A staging file that cannot be deleted now is swept with the staging folder; the intake's answer stands.
        }
    }
}
