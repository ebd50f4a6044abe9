using System.Globalization;
using FFMpegCore;
using FFMpegCore.Exceptions;
using Microsoft.Extensions.Options;

namespace Conference.Server.Features.Appeals;

/// <summary>What ffprobe read from a video file.</summary>
public sealed record VideoFacts(TimeSpan Duration, string Container, string VideoCodec, int Width, int Height, string? AudioCodec)
{
    /// <summary>The file extension the stored file gets, so browsers and media servers recognize it.</summary>
    public string Extension =>
        Container.Contains("webm", StringComparison.Ordinal) || Container.Contains("matroska", StringComparison.Ordinal) ? ".webm" : ".mp4";

    public string ContentType => Extension == ".webm" ? "video/webm" : "video/mp4";
}

/// <summary>
/// Checks a video with FFmpeg itself: ffprobe reads the container and streams, and ffmpeg reads every
/// video packet once (copying, not decoding, so a 2 GB file takes seconds) to find a truncated file that
/// ffprobe alone would accept because its index is at the front.
/// </summary>
public sealed class VideoInspector(IOptions<AppealOptions> options)
{
    /// <summary>Codecs every browser of the audience and LiveKit's ingress play.</summary>
    private static readonly HashSet<string> PlayableCodecs = ["h264", "hevc", "vp8", "vp9", "av1"];

    /// <summary>Containers a browser's video element plays (ffprobe's names).</summary>
    private static readonly string[] PlayableContainers = ["mov,mp4,m4a,3gp,3g2,mj2", "matroska,webm"];

    private FFOptions FFOptions => string.IsNullOrWhiteSpace(options.Value.FFmpegFolder)
        ? new FFOptions()
        : new FFOptions { BinaryFolder = options.Value.FFmpegFolder };

    public async Task<VideoFacts> InspectAsync(string path, CancellationToken cancellationToken)
    {
        IMediaAnalysis analysis;
        try
        {
            analysis = await FFProbe.AnalyseAsync(path, FFOptions, cancellationToken: cancellationToken);
        }
        catch (Exception exception) when (exception is FFMpegException or FFProbeException or FormatException or InvalidOperationException)
        {
            throw new MediaRejectedException(MediaProblem.NotVideo,
                "The file is not a playable video: ffprobe cannot read it (corrupt, truncated or not a media file).");
        }

        var video = analysis.PrimaryVideoStream;
        if (video is null || IsStillImage(analysis))
        {
            throw analysis.PrimaryAudioStream is not null
                ? new MediaRejectedException(MediaProblem.NoVideoStream, "The file has sound but no picture (audio only); an appeal must be a video.")
                : new MediaRejectedException(MediaProblem.NotVideo, "The file is not a video: it has no moving picture.");
        }

        if (video.CodecName is not { } codec || !PlayableCodecs.Contains(codec) || !PlayableContainers.Contains(analysis.Format.FormatName))
        {
            throw new MediaRejectedException(
                MediaProblem.UnsupportedCodec,
                $"The video is {video.CodecName} in {analysis.Format.FormatName}; send H.264, HEVC, VP8, VP9 or AV1 in MP4, MOV or WebM.");
        }

        var duration = analysis.Duration > TimeSpan.Zero ? analysis.Duration : video.Duration;
        if (duration <= TimeSpan.Zero)
        {
            throw new MediaRejectedException(MediaProblem.NotVideo, "The video has no length; it cannot be played.");
        }

        var max = options.Value.MaxAppealDuration;
        if (duration > max)
        {
            throw new MediaRejectedException(
                MediaProblem.TooLong,
                $"The video lasts {Format(duration)}; an appeal lasts at most {Format(max)}.");
        }

        await EnsureCompleteAsync(path, duration, cancellationToken);
        return new VideoFacts(duration, analysis.Format.FormatName, video.CodecName, video.Width ?? 0, video.Height ?? 0,
            analysis.PrimaryAudioStream?.CodecName);
    }

    /// <summary>A still frame near the start (or the middle of a very short video), 320 pixels wide, as JPEG.</summary>
    public async Task ThumbnailAsync(string videoPath, string thumbnailPath, TimeSpan duration, CancellationToken cancellationToken)
    {
        var at = duration > TimeSpan.FromSeconds(2) ? TimeSpan.FromSeconds(1) : duration / 2;
        var result = await FFMpegArguments
            .FromFileInput(videoPath, verifyExists: true, o => o.WithCustomArgument($"-ss {at.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)}"))
            .OutputToFile(thumbnailPath, overwrite: true, o => o.WithCustomArgument("-frames:v 1 -vf scale=320:-2 -f image2"))
            .CancellableThrough(cancellationToken)
            .ProcessAsynchronously(throwOnError: false, FFOptions);
        if (result.ExitCode != 0 || !File.Exists(thumbnailPath))
        {
            throw new MediaRejectedException(MediaProblem.NotVideo, "No picture could be read from the video to make its thumbnail; it does not play.");
        }
    }

    private async Task EnsureCompleteAsync(string path, TimeSpan duration, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var result = await FFMpegArguments
            .FromFileInput(path, verifyExists: true, o => o.WithCustomArgument("-v error -xerror"))
            .OutputToFile("-", overwrite: false, o => o.WithCustomArgument("-map 0:v:0 -c copy -f null"))
            .NotifyOnStandardError(line => errors.Add(line))
            .CancellableThrough(cancellationToken)
            .ProcessAsynchronously(throwOnError: false, FFOptions);
        if (result.ExitCode != 0 || errors.Count > 0)
        {
            throw new MediaRejectedException(
                MediaProblem.Truncated,
                $"The video is truncated or damaged: its {Format(duration)} of declared picture cannot all be read. Send the complete file again.");
        }
    }

    /// <summary>A picture (PNG, JPEG) probes as a one-frame "video" with an image codec.</summary>
    private static bool IsStillImage(IMediaAnalysis analysis) =>
        analysis.Format.FormatName.Contains("image2", StringComparison.Ordinal)
        || analysis.Format.FormatName.EndsWith("_pipe", StringComparison.Ordinal);

    private static string Format(TimeSpan span) => span.TotalHours >= 1
        ? span.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
        : span.ToString(@"m\:ss", CultureInfo.InvariantCulture);
}
