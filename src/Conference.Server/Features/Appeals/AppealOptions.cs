namespace Conference.Server.Features.Appeals;

/// <summary>Configuration of the video-appeal queue (section "Appeals").</summary>
public sealed class AppealOptions
{
    public const string Section = "Appeals";

    /// <summary>Where uploaded videos and thumbnails are kept; empty: a "media" folder next to the SQLite database (data/media).</summary>
    public string StoragePath { get; set; } = string.Empty;

    /// <summary>The largest video accepted, in bytes (2 GB by default). Uploads are streamed to disk, never held in memory.</summary>
    public long MaxUploadBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>How long an unfinished resumable upload is kept from its start; after that it answers 410 and is swept away.</summary>
    public TimeSpan ResumableUploadLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The longest single appeal accepted.</summary>
    public TimeSpan MaxAppealDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The folder holding ffprobe and ffmpeg; empty: found on PATH.</summary>
    public string FFmpegFolder { get; set; } = string.Empty;

    /// <summary>
    /// Lets "add by URL" fetch from loopback, private, link-local and other non-public addresses. Off by default
    /// (server-side request forgery); only for development and tests.
    /// </summary>
    public bool AllowPrivateUrls { get; set; }

    /// <summary>How long fetching a video named by URL may take, from connecting to the last byte.</summary>
    public TimeSpan UrlFetchTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a signed video address given to participants stays valid.</summary>
    public TimeSpan SignedUrlLifetime { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How long a producer's preview address of an appeal stays valid (long enough to watch it, seek and watch again).</summary>
    public TimeSpan PreviewLinkLifetime { get; set; } = TimeSpan.FromMinutes(30);
}
