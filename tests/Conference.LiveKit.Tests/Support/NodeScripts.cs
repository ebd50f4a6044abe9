using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conference.LiveKit.Tests.Support;

/// <summary>
/// Runs the scripts in <c>tests/livekit-conformance</c> with LiveKit's own npm packages. Missing node or
/// missing <c>node_modules</c> fails the test: a conformance test that cannot run must never look green.
/// </summary>
internal static class NodeScripts
{
    private static readonly Lazy<string> Directory = new(FindConformanceDirectory);

    public static string ConformanceDirectory => Directory.Value;

    public static async Task<JsonNode> RunAsync(string script, object input)
    {
        string directory = ConformanceDirectory;
        ProcessStartInfo start = new("node", script)
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (Win32Exception ex)
        {
            Assert.Fail($"node is not on PATH ({ex.Message}); the LiveKit conformance tests need node 20+.");
            throw;
        }

        using (process)
        {
            await process.StandardInput.WriteAsync(JsonSerializer.Serialize(input));
            process.StandardInput.Close();
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            using CancellationTokenSource timeout = new(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token);
            string output = await stdout;
            if (process.ExitCode != 0)
            {
                Assert.Fail($"node {script} exited with {process.ExitCode}: {await stderr}");
            }

            return JsonNode.Parse(output) ?? throw new InvalidOperationException($"node {script} printed nothing");
        }
    }

    private static string FindConformanceDirectory()
    {
        DirectoryInfo? current = new(AppContext.BaseDirectory);
        while (current is not null && !File.Exists(Path.Combine(current.FullName, "Conference.sln")))
        {
            current = current.Parent;
        }

        if (current is null)
        {
            Assert.Fail($"Conference.sln was not found above {AppContext.BaseDirectory}; cannot locate tests/livekit-conformance.");
        }

        string directory = Path.Combine(current!.FullName, "tests", "livekit-conformance");
        foreach (string package in new[] { "livekit-server-sdk", Path.Combine("@livekit", "protocol") })
        {
            if (!System.IO.Directory.Exists(Path.Combine(directory, "node_modules", package)))
            {
                Assert.Fail($"{Path.Combine(directory, "node_modules", package)} is missing: run `npm ci` in tests/livekit-conformance before `dotnet test`.");
            }
        }

        return directory;
    }
}
