using System.Diagnostics;

namespace Conference.Server.Tests.Appeals;

/// <summary>
/// Small media files made with the real ffmpeg at test time (nothing binary is committed), once per run:
/// a 3-second test pattern, a corrupt file, an audio-only file, a truncated one, an unsupported codec, long ones.
/// </summary>
public static class TestVideos
{
    private static readonly Lazy<Task<string>> Folder = new(CreateAsync);

    public static Task<string> ThreeSecondsAsync() => FileAsync("pattern-3s.mp4");

    public static Task<string> TwoSecondsAsync() => FileAsync("pattern-2s.webm");

    public static Task<string> CorruptAsync() => FileAsync("corrupt.mp4");

    public static Task<string> AudioOnlyAsync() => FileAsync("audio-only.m4a");

    public static Task<string> TruncatedAsync() => FileAsync("truncated.mp4");

    public static Task<string> UnsupportedCodecAsync() => FileAsync("mpeg2.mpg");

    /// <summary>12 seconds: longer than the 10-second limit the appeal test fixtures configure.</summary>
    public static Task<string> TwelveSecondsAsync() => FileAsync("pattern-12s.mp4");

    /// <summary>40 seconds, tiny: long enough for a server to be killed and started again while it plays.</summary>
    public static Task<string> FortySecondsAsync() => FileAsync("pattern-40s.mp4");

    private static async Task<string> FileAsync(string name) => Path.Combine(await Folder.Value, name);

    private static async Task<string> CreateAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"conference-test-videos-{Environment.ProcessId}");
        Directory.CreateDirectory(folder);
        string In(string name) => Path.Combine(folder, name);

        await FfmpegAsync(
            "-f lavfi -i testsrc=duration=3:size=320x240:rate=25 -f lavfi -i sine=frequency=440:duration=3 "
            + $"-c:v libx264 -pix_fmt yuv420p -c:a aac -shortest -movflags +faststart {In("pattern-3s.mp4")}");
        await FfmpegAsync($"-f lavfi -i testsrc=duration=2:size=160x120:rate=25 -c:v libvpx -b:v 200k {In("pattern-2s.webm")}");
        await FfmpegAsync($"-f lavfi -i testsrc=duration=12:size=160x120:rate=10 -c:v libx264 -pix_fmt yuv420p {In("pattern-12s.mp4")}");
        await FfmpegAsync($"-f lavfi -i testsrc=duration=40:size=160x120:rate=5 -c:v libx264 -pix_fmt yuv420p {In("pattern-40s.mp4")}");
        await FfmpegAsync($"-f lavfi -i sine=frequency=440:duration=3 -c:a aac {In("audio-only.m4a")}");
        await FfmpegAsync($"-f lavfi -i testsrc=duration=3:size=160x120:rate=25 -c:v mpeg2video {In("mpeg2.mpg")}");

        // Index at the front, picture cut off: ffprobe alone still reads its header and declared length.
        var whole = await File.ReadAllBytesAsync(In("pattern-3s.mp4"));
        await File.WriteAllBytesAsync(In("truncated.mp4"), whole[..(whole.Length / 2)]);

        // Random bytes behind an MP4 name.
        var noise = new byte[64 * 1024];
        new Random(13).NextBytes(noise);
        await File.WriteAllBytesAsync(In("corrupt.mp4"), noise);
        return folder;
    }

    private static async Task FfmpegAsync(string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("ffmpeg", $"-v error -y {arguments}") { RedirectStandardError = true })
            ?? throw new InvalidOperationException("ffmpeg could not be started; install it (apt-get install ffmpeg).");
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.That(process.ExitCode, Is.Zero, $"ffmpeg {arguments}: {errors}");
    }
}
