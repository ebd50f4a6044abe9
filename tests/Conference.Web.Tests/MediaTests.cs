using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Conference.Web.Tests;

/// <summary>
/// Client playout: the page plays the program's video itself at the show's position (a VP9/WebM clip
/// made here with FFmpeg, served by the server), pausing, resuming and stopping with the show.
/// </summary>
public sealed class ClientPlayoutTests
{
    private const int ClipSeconds = 20;
    private WebServer _server = null!;

    [OneTimeSetUp]
    public async Task StartServerAsync()
    {
        _server = new WebServer();
        var media = Path.Combine(_server.WebRoot, "media");
        Directory.CreateDirectory(media);
        await MakeClipAsync(Path.Combine(media, "clip.webm"));
        await _server.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopServerAsync() => await _server.DisposeAsync();

    private static async Task MakeClipAsync(string path)
    {
        var ffmpeg = File.Exists("/usr/bin/ffmpeg") ? "/usr/bin/ffmpeg" : "ffmpeg";
        var info = new ProcessStartInfo(ffmpeg,
        [
            "-y", "-loglevel", "error", "-f", "lavfi", "-i", $"testsrc=size=320x180:rate=25:duration={ClipSeconds}",
            "-f", "lavfi", "-i", $"sine=frequency=440:duration={ClipSeconds}",
            "-c:v", "libvpx-vp9", "-b:v", "150k", "-deadline", "realtime", "-cpu-used", "8", "-g", "25",
            "-c:a", "libopus", "-shortest", path,
        ])
        { RedirectStandardError = true, UseShellExecute = false };
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Fail("FFmpeg is missing: apt-get install -y ffmpeg (./scripts/test.sh installs it).");
            return;
        }

        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.That(process.ExitCode, Is.Zero, $"ffmpeg failed: {errors}");
    }

    /// <summary>Largest gap, in seconds, between the player and the show's position over a few frames, measured in the page.</summary>
    private static async Task<double> PlayoutDriftAsync(IPage page, JsonObject show)
    {
        var (drift, detail) = await PlayoutReadingAsync(page, show);
        TestContext.Out.WriteLine($"playout: {detail}");
        return drift;
    }

    private static async Task<(double Drift, string Detail)> PlayoutReadingAsync(IPage page, JsonObject show)
    {
        var startedAt = DateTimeOffset.Parse(show["segmentStartedAt"]!.GetValue<string>(), CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
        var pausedTotal = TimeSpan.Parse(show["pausedTotal"]!.GetValue<string>(), CultureInfo.InvariantCulture).TotalMilliseconds;
        var pausedAt = show["pausedAt"]?.GetValue<string>() is { } p ? DateTimeOffset.Parse(p, CultureInfo.InvariantCulture).ToUnixTimeMilliseconds() : (long?)null;
        var reading = await page.EvaluateAsync<JsonElement>(
            @"async ([startedAt, pausedTotal, pausedAt]) => {
                const video = document.querySelector(""[data-testid='playout']"");
                let worst = 0, detail = '';
                for (let i = 0; i < 5; i++) {
                  await new Promise(r => setTimeout(r, 100));
                  const now = pausedAt ?? Date.now();
                  const expected = (now - startedAt - pausedTotal) / 1000;
                  worst = Math.max(worst, Math.abs(video.currentTime - expected));
                  detail += `player ${video.currentTime.toFixed(3)} show ${expected.toFixed(3)}; `;
                }
                return { worst, detail };
              }",
            new object?[] { startedAt, pausedTotal, pausedAt });
        return (reading.GetProperty("worst").GetDouble(), reading.GetProperty("detail").GetString()!);
    }

    [Test]
    public async Task VideoSegment_JoinedMidway_PlaysInSyncPausesResumesAndStops()
    {
        var clip = new Uri(_server.BaseAddress, "media/clip.webm").ToString();
        var conference = await _server.CreateConferenceAsync("Screening",
        [
            new { kind = "videoScreening", title = "Documentary", media = new { url = clip, durationSeconds = ClipSeconds } },
            new { kind = "speech", title = "Address", durationSeconds = 300, speaker = new { name = "Nigar Huseynova", country = "AZ" } },
        ]);
        var id = conference["id"]!.GetValue<string>();
        var code = await _server.InviteAsync(id, "Viewer", "attendee");
        await _server.ShowAsync(id, "start");

        // The viewer arrives after the video began.
        await using var context = await Browser.NewContextAsync(_server.BaseAddress);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/join#code={code}");
        await page.WaitForLiveViewAsync(id, _server);
        var video = page.TestId("playout");
        await page.WaitForFunctionAsync(
            "() => { const v = document.querySelector(\"[data-testid='playout']\"); return v && !v.paused && v.currentTime > 1 && v.readyState >= 3; }",
            null, new() { Timeout = (float)PageState.Patience.TotalMilliseconds });
        var show = await _server.SendAsync(HttpMethod.Get, $"/api/conferences/{id}/show", null);
        Assert.That(await PlayoutDriftAsync(page, show), Is.LessThanOrEqualTo(0.5), "playing from the show's position");
        show = await _server.ShowAsync(id, "pause");
        await page.WaitForFunctionAsync("() => document.querySelector(\"[data-testid='playout']\").paused",
            null, new() { Timeout = (float)PageState.Patience.TotalMilliseconds });
        await page.WaitForTextAsync("show-state", "Paused");
        var paused = await PlayoutReadingAsync(page, show);
        Assert.That(paused.Drift, Is.LessThanOrEqualTo(0.5), $"paused at the show's position: {paused.Detail} {show.ToJsonString()}");

        show = await _server.ShowAsync(id, "resume");
        await page.WaitForFunctionAsync("() => !document.querySelector(\"[data-testid='playout']\").paused",
            null, new() { Timeout = (float)PageState.Patience.TotalMilliseconds });
        Assert.That(await PlayoutDriftAsync(page, show), Is.LessThanOrEqualTo(0.5), "resumed at the show's position");
        await Browser.ScreenshotAsync(page, "participant-playout");

        // The video segment ends by itself at its deadline; the player stops with it.
        await page.WaitForTextAsync("now", "Address");
        await Assertions.Expect(video).ToBeHiddenAsync();
        Assert.That(await video.EvaluateAsync<bool>("v => v.paused"), Is.True);
    }
}

/// <summary>
/// The LiveKit path without a LiveKit server (none can run here): the page hands the join ticket to
/// livekit-client, which tries the configured media server (a loopback socket that records what
/// arrives and refuses it); the page says the call cannot be reached and the show view keeps working.
/// </summary>
public sealed class LiveKitPathTests
{
    private readonly TcpListener _mediaServer = new(IPAddress.Loopback, 0);
    private readonly List<string> _requests = [];
    private WebServer _server = null!;
    private readonly CancellationTokenSource _stop = new();

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _mediaServer.Start();
        _ = RefuseAllAsync(_stop.Token);
        var port = ((IPEndPoint)_mediaServer.LocalEndpoint).Port;
        _server = new WebServer(new Dictionary<string, string>
        {
            ["Media__Provider"] = "LiveKit",
            ["LiveKit__Url"] = $"ws://127.0.0.1:{port}",
            ["LiveKit__ApiKey"] = "devkey",
            ["LiveKit__ApiSecret"] = "a-secret-long-enough-for-hs256-signing-0123456789",
            ["Media__RetryAttempts"] = "1",
        });
        await _server.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        _stop.Dispose();
        _mediaServer.Stop();
        _mediaServer.Dispose();
        await _server.DisposeAsync();
    }

    private async Task RefuseAllAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _mediaServer.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            using (client)
            {
                var buffer = new byte[8192];
                var stream = client.GetStream();
                var read = await stream.ReadAsync(buffer, cancellationToken);
                var head = Encoding.ASCII.GetString(buffer, 0, read).Split("\r\n")[0];
                lock (_requests)
                {
                    _requests.Add(head);
                }

                await stream.WriteAsync("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray(), cancellationToken);
            }
        }
    }

    [Test]
    public async Task LiveKitProvider_MediaServerUnreachable_PageSaysSoAndShowKeepsWorking()
    {
        var conference = await _server.CreateConferenceAsync("Call drill",
            [new { kind = "speech", title = "Opening", durationSeconds = 300, speaker = new { name = "Elvin Quliyev", country = "AZ" } }]);
        var id = conference["id"]!.GetValue<string>();
        var code = await _server.InviteAsync(id, "Caller", "attendee");
        await using var context = await Browser.NewContextAsync(_server.BaseAddress);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/join#code={code}");
        await page.WaitForLiveViewAsync(id, _server);

        await Assertions.Expect(page.TestId("media")).ToHaveAttributeAsync("data-media-state", "unreachable",
            new() { Timeout = (float)PageState.Patience.TotalMilliseconds });
        await page.WaitForTextAsync("media-notice", "cannot be reached");

        // livekit-client was handed the ticket: its signal request carried the room token.
        string[] signal;
        lock (_requests)
        {
            signal = [.. _requests.Where(r => r.Contains("/rtc", StringComparison.Ordinal))];
        }

        Assert.That(signal, Is.Not.Empty, "livekit-client never tried the media server");
        var token = HttpUtility(signal[0]);
        var claims = JsonNode.Parse(Base64Url(token.Split('.')[1]))!;
        Assert.That(claims["video"]?["room"]?.GetValue<string>(), Does.Contain(id.Replace("-", "", StringComparison.Ordinal)).Or.Contain(id));
        Assert.That(claims["video"]?["roomJoin"]?.GetValue<bool>(), Is.True);

        await _server.ShowAsync(id, "start");
        await page.WaitForTextAsync("now", "Opening");
        await page.WaitForRemainingAsync("ms > 0");
        await Browser.ScreenshotAsync(page, "participant-livekit-unreachable");
        await Browser.AssertAccessibleAsync(page, "the participant view with an unreachable call");
    }

    private static string HttpUtility(string requestLine)
    {
        var query = requestLine.Split(' ')[1].Split('?', 2)[1];
        var token = query.Split('&').First(p => p.StartsWith("access_token=", StringComparison.Ordinal))["access_token=".Length..];
        return Uri.UnescapeDataString(token);
    }

    private static string Base64Url(string part)
    {
        var padded = part.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        return Encoding.UTF8.GetString(Convert.FromBase64String(padded));
    }
}
