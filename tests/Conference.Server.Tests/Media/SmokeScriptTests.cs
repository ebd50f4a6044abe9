using System.ComponentModel;
using System.Diagnostics;

namespace Conference.Server.Tests.Media;

/// <summary>
/// The real-server smoke script (scripts/livekit-smoke.sh) cannot run here: there is no LiveKit server. These checks
/// keep it from rotting unnoticed: both halves must parse, and the script must refuse to run without a server rather
/// than report success.
/// </summary>
public class SmokeScriptTests
{
    private static readonly string Root = FindRoot();

    [Test]
    public async Task ShellScript_Parses()
    {
        var (exit, output) = await RunAsync("bash", "-n", Path.Combine(Root, "scripts", "livekit-smoke.sh"));
        Assert.That(exit, Is.Zero, output);
    }

    [Test]
    public async Task NodePublisher_Parses()
    {
        var (exit, output) = await RunAsync("node", "--check", Path.Combine(Root, "scripts", "livekit-smoke", "smoke.mjs"));
        Assert.That(exit, Is.Zero, output);
    }

    [Test]
    public async Task WithoutALiveKitServer_TheScriptFails_NeverPasses()
    {
        // Port 9 (discard) on loopback: nothing answers, so the script must stop before installing or starting anything.
        var (exit, output) = await RunAsync(
            "bash", Path.Combine(Root, "scripts", "livekit-smoke.sh"), environment: new() { ["LIVEKIT_URL"] = "ws://127.0.0.1:9" });
        Assert.That(exit, Is.EqualTo(2), output);
        Assert.That(output, Does.Contain("no LiveKit server answers at http://127.0.0.1:9"));
    }

    private static async Task<(int Exit, string Output)> RunAsync(string file, string argument, string? second = null, Dictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Root };
        start.ArgumentList.Add(argument);
        if (second is not null)
        {
            start.ArgumentList.Add(second);
        }

        foreach (var (key, value) in environment ?? [])
        {
            start.Environment[key] = value;
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception ex)
        {
            Assert.Fail($"{file} is not on PATH ({ex.Message}).");
            throw;
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await stdout + await stderr);
        }
    }

    private static string FindRoot()
    {
        var current = new DirectoryInfo(AppContext.BaseDirectory);
        while (current is not null && !File.Exists(Path.Combine(current.FullName, "Conference.sln")))
        {
            current = current.Parent;
        }

        return current?.FullName ?? throw new InvalidOperationException($"Conference.sln was not found above {AppContext.BaseDirectory}.");
    }
}
