using System.Diagnostics;

namespace Conference.Web.Tests;

/// <summary>
/// Videos made with the real ffmpeg when a test first needs them (nothing binary is committed), as the
/// server's appeal tests make theirs: test patterns with sound (3, 8 and 30 seconds), a noisy one, and random bytes
/// behind an MP4 name. A test that watches an appeal play picks one long enough for every step it takes meanwhile.
/// </summary>
public static class TestVideos
{
    private static readonly Lazy<Task<string>> Folder = new(CreateAsync);

    public static async Task<string> ThreeSecondsAsync() => Path.Combine(await Folder.Value, "pattern-3s.mp4");

    /// <summary>Eight seconds: long enough for two pages to see it on air, short enough to wait for its end.</summary>
    public static async Task<string> EightSecondsAsync() => Path.Combine(await Folder.Value, "pattern-8s.mp4");

    /// <summary>Thirty seconds: an appeal that stays on air for as long as a test looks at it, then is skipped.</summary>
    public static async Task<string> ThirtySecondsAsync() => Path.Combine(await Folder.Value, "pattern-30s.mp4");

    public static async Task<string> CorruptAsync() => Path.Combine(await Folder.Value, "corrupt.mp4");

    /// <summary>Four seconds of noisy picture, about two megabytes: a dozen chunks of a test chunk size.</summary>
    public static async Task<string> NoisyAsync() => Path.Combine(await Folder.Value, "noisy-4s.mp4");

    private static async Task<string> CreateAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"conference-web-videos-{Environment.ProcessId}");
        Directory.CreateDirectory(folder);
        await FfmpegAsync("-f lavfi -i testsrc=duration=3:size=320x240:rate=25 -f lavfi -i sine=frequency=440:duration=3 "
            + $"-c:v libx264 -pix_fmt yuv420p -c:a aac -shortest -movflags +faststart {Path.Combine(folder, "pattern-3s.mp4")}");
        foreach (var seconds in new[] { 8, 30 })
        {
            await FfmpegAsync($"-f lavfi -i testsrc=duration={seconds}:size=160x120:rate=10 -f lavfi -i sine=frequency=440:duration={seconds} "
                + $"-c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac -shortest -movflags +faststart {Path.Combine(folder, $"pattern-{seconds}s.mp4")}");
        }

        await FfmpegAsync("-f lavfi -i testsrc=duration=4:size=320x180:rate=25,noise=alls=60:allf=t -f lavfi -i sine=frequency=440:duration=4 "
            + $"-c:v libx264 -crf 20 -pix_fmt yuv420p -c:a aac -shortest -movflags +faststart {Path.Combine(folder, "noisy-4s.mp4")}");

        var noise = new byte[64 * 1024];
        new Random(13).NextBytes(noise);
        await File.WriteAllBytesAsync(Path.Combine(folder, "corrupt.mp4"), noise);
        return folder;
    }

    private static async Task FfmpegAsync(string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("ffmpeg", $"-v error -y {arguments}") { RedirectStandardError = true })
            ?? throw new InvalidOperationException("ffmpeg could not be started; install it (apt-get install ffmpeg).");
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.That(process.ExitCode, Is.Zero, $"ffmpeg: {errors}");
    }
}
