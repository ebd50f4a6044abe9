using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Conference.Web.Tests;

/// <summary>
/// Figures for docs/performance.md, not a pass/fail test: run by scripts/web-bench.sh
/// (<c>dotnet test --filter WebBench</c>). The participant page's JavaScript gzipped without
/// livekit-client, and the time until its countdown shows on an emulated slow link.
/// </summary>
[Explicit("A benchmark: run scripts/web-bench.sh")]
public sealed partial class WebBench
{
    private const int Runs = 5;

    [Test]
    public async Task ParticipantPage_SlowLink_Figures()
    {
        await using var server = new WebServer();
        await server.StartAsync();
        var (bytes, files) = await JavaScriptOfAsync(server, "/e/00000000-0000-0000-0000-000000000000/live");
        TestContext.Out.WriteLine($"participant page JavaScript, gzipped, without livekit-client: {bytes / 1024.0:F1} KB ({string.Join(", ", files)})");

        var conference = await server.CreateConferenceAsync("Bench", [new { kind = "speech", title = "Talk", durationSeconds = 600, speaker = new { name = "A B", country = "AZ" } }]);
        var id = conference["id"]!.GetValue<string>();
        await server.ShowAsync(id, "start");
        var code = await server.InviteAsync(id, "Bench viewer", "attendee");
        using var join = await server.Organizer.PostAsJsonAsync("/api/join", new { code });
        var session = await join.Content.ReadAsStringAsync();

        var times = new List<double>();
        for (var run = 0; run < Runs; run++)
        {
            await using var context = await Browser.NewContextAsync(server.BaseAddress);
            await context.AddInitScriptAsync(
                $"localStorage.setItem('conference.session.{id}', {JsonSerializer.Serialize(session)});" +
                "new MutationObserver((_, o) => { const e = document.querySelector(\"[data-testid='remaining']\");" +
                " if (e && e.dataset.remainingMs !== undefined) { window.__countdownAt = performance.now(); o.disconnect(); } })" +
                ".observe(document, { subtree: true, childList: true, attributes: true });");
            var page = await context.NewPageAsync();
            var cdp = await context.NewCDPSessionAsync(page);
            await cdp.SendAsync("Network.enable");
            await cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
            {
                ["offline"] = false, ["latency"] = 400, ["downloadThroughput"] = 400_000 / 8, ["uploadThroughput"] = 400_000 / 8,
            });
            await page.GotoAsync($"/e/{id}/live", new() { WaitUntil = WaitUntilState.Commit });
            await page.WaitForFunctionAsync("() => window.__countdownAt !== undefined", null, new() { Timeout = 60_000 });
            times.Add(await page.EvaluateAsync<double>("() => window.__countdownAt"));
        }

        times.Sort();
        TestContext.Out.WriteLine(
            $"time until the countdown shows, 400 kbit/s and 400 ms RTT, cold cache: median {times[Runs / 2] / 1000:F2} s " +
            $"(runs: {string.Join(", ", times.Select(t => (t / 1000).ToString("F2", CultureInfo.InvariantCulture)))} s)");
    }

    /// <summary>The scripts a page's HTML loads (entry and preloads), as the server sends them gzipped.</summary>
    private static async Task<(long Bytes, List<string> Files)> JavaScriptOfAsync(WebServer server, string path)
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        var html = await client.GetStringAsync(path);
        long total = 0;
        var files = new List<string>();
        foreach (Match m in ScriptReference().Matches(html))
        {
            var raw = await client.GetByteArrayAsync(m.Groups["src"].Value);
            using var buffer = new MemoryStream();
            await using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                await gzip.WriteAsync(raw);
            }

            total += buffer.Length;
            files.Add($"{Path.GetFileName(m.Groups["src"].Value)} {buffer.Length / 1024.0:F1} KB");
        }

        return (total, files);
    }

    [GeneratedRegex("(?:src|href)=\"(?<src>/app/assets/[^\"]+\\.js)\"")]
    private static partial Regex ScriptReference();
}
