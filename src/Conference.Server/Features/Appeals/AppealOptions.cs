namespace Conference.Server.Features.Appeals;

/// <summary>Configuration of the video-appeal queue (section "Appeals").</summary>
public sealed class AppealOptions
{
    public const string Section = "Appeals";

    /// <summary>Where uploaded videos and thumbnails are kept; empty: a "media" folder next to the SQLite database (data/media).</summary>
    public string StoragePath { get; set; } = string.Empty;

    /// <summary>The largest video accepted, in bytes (2 GB by default). Uploads are streamed to disk, never held in memory.</summary>
    public long MaxUploadBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>The longest single appeal accepted.</summary>
    public TimeSpan MaxAppealDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The folder holding ffprobe and ffmpeg; empty: found on PATH.</summary>
    public string FFmpegFolder { get; set; } = string.Empty;

    /// <summary>How long a signed video address given to participants stays valid.</summary>
    public TimeSpan SignedUrlLifetime { get; set; } = TimeSpan.FromHours(6);
}
