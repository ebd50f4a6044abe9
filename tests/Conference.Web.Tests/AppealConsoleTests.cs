using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Conference.Web.Tests;

/// <summary>The producer's appeal queue in the browser: prepared before the show, played in it, followed by host and participants.</summary>
public sealed class AppealConsoleTests
{
    private WebServer _server = null!;

    [OneTimeSetUp]
    public async Task StartServerAsync()
    {
        _server = new WebServer();
        await _server.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopServerAsync() => await _server.DisposeAsync();

    private static async Task UploadAsync(IPage producer, string sender, string country, string title, string file)
    {
        await producer.TestId("upload-sender").FillAsync(sender);
        await producer.TestId("upload-country").FillAsync(country);
        await producer.TestId("upload-language").FillAsync("az");
        await producer.TestId("upload-title").FillAsync(title);
        await producer.TestId("upload-file").SetInputFilesAsync(file);
        await producer.TestId("upload-submit").ClickAsync();
    }

    private static ILocator Row(IPage producer, string title) => producer.Locator("[data-testid='appeal']", new() { HasText = title });

    private async Task<string[]> QueueTitlesAsync(string conferenceId, string segmentId)
    {
        var queue = await _server.SendAsync(HttpMethod.Get, $"/api/conferences/{conferenceId}/appeals", null);
        return [.. queue["appeals"]!.AsArray()
            .Where(a => a!["segmentId"]!.GetValue<string>() == segmentId)
            .OrderBy(a => a!["position"]!.GetValue<int>())
            .Select(a => a!["title"]!.GetValue<string>())];
    }

    [Test]
    public async Task ProducerConsole_PreparesAndPlaysTheAppeals_HostAndParticipantsFollow()
    {
        var conference = await _server.CreateConferenceAsync("Diaspora evening", [
            new { kind = "custom", title = "Welcome", durationSeconds = 600 },
            new { kind = "videoAppeals", title = "Appeals from abroad", durationSeconds = 600 },
            new { kind = "custom", title = "Closing", durationSeconds = 600 },
            new { kind = "videoAppeals", title = "Appeals, part two", durationSeconds = 300 },
        ]);
        var id = conference["id"]!.GetValue<string>();
        var block = conference["segments"]![1]!["id"]!.GetValue<string>();
        var partTwo = conference["segments"]![3]!["id"]!.GetValue<string>();
        var pattern = await TestVideos.ThreeSecondsAsync();

        var (producerContext, producer) = await _server.JoinInBrowserAsync(id, "Rauf Producer", "producer");
        await using var _ = producerContext;
        await producer.SetViewportSizeAsync(1280, 800);
        await producer.WaitForTextAsync("appeals-panel", "Appeals from abroad");

        // A file that is not a video is refused with the server's own reason, and nothing is listed.
        await UploadAsync(producer, "Noise Sender", "DE", "Not a video", await TestVideos.CorruptAsync());
        await producer.WaitForTextAsync("appeals-feedback", "not a playable video");
        await Assertions.Expect(producer.TestId("appeal")).ToHaveCountAsync(0);

        // Istanbul stays on air while the test looks at it, then is skipped; Berlin is short enough to wait for its end.
        await UploadAsync(producer, "Azerbaijani community of Berlin", "DE", "Greetings from Berlin", await TestVideos.EightSecondsAsync());
        await producer.WaitForTextAsync("appeals-feedback", "“Greetings from Berlin” was uploaded");
        await UploadAsync(producer, "Leyla Mammadova", "FR", "A word from Istanbul", await TestVideos.ThirtySecondsAsync());
        await producer.WaitForTextAsync("appeals-feedback", "“A word from Istanbul” was uploaded");
        await UploadAsync(producer, "Late Sender", "IT", "Too late", pattern);
        await producer.WaitForTextAsync("appeals-feedback", "“Too late” was uploaded");
        await Assertions.Expect(producer.TestId("appeal")).ToHaveCountAsync(3);
        await Assertions.Expect(Row(producer, "Greetings from Berlin")).ToContainTextAsync("Germany");
        await Assertions.Expect(Row(producer, "Greetings from Berlin")).ToContainTextAsync("0:08");
        await Assertions.Expect(Row(producer, "Greetings from Berlin")).ToContainTextAsync("Waiting for review");

        // Preview plays the stored file.
        await Row(producer, "Greetings from Berlin").Locator("[data-testid='preview']").ClickAsync();
        await producer.WaitForFunctionAsync(
            "() => { const v = document.querySelector(\"[data-testid='preview-video']\"); return v && v.readyState >= 1 && v.duration > 2.5; }",
            null, new() { Timeout = (float)PageState.Patience.TotalMilliseconds });

        await Row(producer, "Greetings from Berlin").Locator("[data-testid='approve']").ClickAsync();
        await Assertions.Expect(Row(producer, "Greetings from Berlin").TestIdIn("appeal-status")).ToHaveTextAsync("Approved");
        await Row(producer, "A word from Istanbul").Locator("[data-testid='approve']").ClickAsync();
        await Assertions.Expect(Row(producer, "A word from Istanbul").TestIdIn("appeal-status")).ToHaveTextAsync("Approved");

        // Rejecting asks for the reason; the reason shows in the list.
        await Row(producer, "Too late").Locator("[data-testid='reject']").ClickAsync();
        await producer.TestId("reject-reason").FillAsync("Arrived after the deadline");
        await producer.TestId("confirm-reject").ClickAsync();
        await Assertions.Expect(Row(producer, "Too late").TestIdIn("appeal-status")).ToContainTextAsync("Rejected");
        await Assertions.Expect(Row(producer, "Too late")).ToContainTextAsync("Arrived after the deadline");

        // Reordered from the keyboard: the focus stays on the moved appeal's button.
        await Row(producer, "Greetings from Berlin").Locator("[data-testid='move-down']").FocusAsync();
        await producer.Keyboard.PressAsync("Enter");
        await producer.WaitForTextAsync("appeals-feedback", "“Greetings from Berlin” now plays as number 2");
        Assert.That(await QueueTitlesAsync(id, block), Is.EqualTo(new[] { "A word from Istanbul", "Greetings from Berlin", "Too late" }));
        Assert.That(await producer.EvaluateAsync<string?>("() => document.activeElement?.closest('[data-appeal-id]')?.textContent ?? null"),
            Does.Contain("Greetings from Berlin"), "the focus follows the moved appeal");

        // Dragged back to the top (the drag's events as the browser fires them: headless Chromium starts no native drag
        // from mouse moves), saved as the whole new order with the queue's revision.
        var dataTransfer = await producer.EvaluateHandleAsync("() => new DataTransfer()");
        await Row(producer, "Too late").DispatchEventAsync("dragstart", new { dataTransfer });
        await Row(producer, "A word from Istanbul").DispatchEventAsync("dragover", new { dataTransfer });
        await Row(producer, "A word from Istanbul").DispatchEventAsync("drop", new { dataTransfer });
        await producer.WaitForTextAsync("appeals-feedback", "“Too late” now plays as number 1");
        Assert.That(await QueueTitlesAsync(id, block), Is.EqualTo(new[] { "Too late", "A word from Istanbul", "Greetings from Berlin" }));

        // The rejected one goes to the second block.

        await Row(producer, "Too late").Locator("[data-testid='move-target']").SelectOptionAsync(partTwo);
        await Row(producer, "Too late").Locator("[data-testid='move']").ClickAsync();
        await Assertions.Expect(producer.Locator($"[data-segment-id='{partTwo}'] [data-testid='appeal']")).ToContainTextAsync("Too late");
        Assert.That(await QueueTitlesAsync(id, partTwo), Is.EqualTo(new[] { "Too late" }));

        await Browser.AssertAccessibleAsync(producer, "the producer console's appeal queue");
        await Browser.ScreenshotAsync(producer, "producer-appeals");

        var (hostContext, host) = await _server.JoinInBrowserAsync(id, "Leyla Host", "host");
        await using var __ = hostContext;
        var (viewerContext, viewer) = await _server.JoinInBrowserAsync(id, "Viewer", "attendee");
        await using var ___ = viewerContext;
        await host.TestId("start").ClickAsync();
        await host.WaitForTextAsync("now", "Welcome");
        await host.TestId("next-button").ClickAsync();
        await host.WaitForTextAsync("now", "Appeals from abroad");

        // The block plays in the producer's order; everyone sees the first one.
        await producer.WaitForTextAsync("appeal-now-playing", "A word from Istanbul — Leyla Mammadova (France)");
        await producer.WaitForTextAsync("appeal-next", "Greetings from Berlin");
        await Assertions.Expect(producer.TestId("appeals-time-left")).ToHaveTextAsync(new Regex(@"Time left in the block: 0:[0-3]\d"));
        await host.WaitForTextAsync("appeal-now", "A word from Istanbul — Leyla Mammadova, France");
        await host.WaitForTextAsync("appeal-next", "Greetings from Berlin");

        // Both consoles count down the appeal itself (30 s) as well as the block (38 s).
        await Assertions.Expect(host.TestId("appeal-left")).ToHaveTextAsync(new Regex(@"^This appeal ends in 0:[0-3]\d$"));
        await Assertions.Expect(producer.TestId("appeal-left")).ToHaveTextAsync(new Regex(@"^This appeal: 0:[0-3]\d left · $"));
        var readings = await producer.EvaluateAsync<string>(
            "() => ['appeal-left', 'appeals-time-left'].map(id => document.querySelector(`[data-testid='${id}']`).textContent).join(' | ')");
        var seconds = Regex.Matches(readings, @"0:(\d\d)").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.That(seconds[1] - seconds[0], Is.InRange(7, 9), $"Berlin's 8 s follow Istanbul in the block: {readings}");
        await viewer.WaitForTextAsync("appeal-from", "Video appeal from Leyla Mammadova (France)");
        await Browser.ScreenshotAsync(host, "host-appeal-on-air");
        await Browser.ScreenshotAsync(viewer, "participant-appeal-on-air");

        // A participant who opens the page now learns what is on air.
        await viewer.ReloadAsync();
        await viewer.WaitForTextAsync("appeal-from", "Video appeal from Leyla Mammadova (France)");
        await Browser.AssertAccessibleAsync(producer, "the producer console with the block on air");
        await Browser.ScreenshotAsync(producer, "producer-appeals-live");

        // Play next now: the second starts at once, everywhere.
        await producer.TestId("appeal-play-next").ClickAsync();
        await producer.WaitForTextAsync("appeal-now-playing", "Greetings from Berlin — Azerbaijani community of Berlin (Germany)");
        await viewer.WaitForTextAsync("appeal-from", "Azerbaijani community of Berlin (Germany)");
        await Assertions.Expect(Row(producer, "A word from Istanbul").TestIdIn("appeal-status")).ToContainTextAsync("Played");

        // The last appeal ends by itself after its 8 seconds, and with it the block.
        await host.WaitForTextAsync("now", "Closing");
        await Assertions.Expect(viewer.TestId("appeal-from")).ToHaveTextAsync("");
        await Assertions.Expect(producer.TestId("appeals-off-air")).ToBeVisibleAsync();
        await Assertions.Expect(Row(producer, "Greetings from Berlin").TestIdIn("appeal-status")).ToContainTextAsync("Played");
    }

    [Test]
    public async Task ProducerConsole_UploadLosesItsConnection_ResumesAndTheAppealArrivesWhole()
    {
        var conference = await _server.CreateConferenceAsync("Resumed upload", [new { kind = "videoAppeals", title = "Appeals", durationSeconds = 600 }]);
        var id = conference["id"]!.GetValue<string>();
        var video = await TestVideos.NoisyAsync();
        var size = new FileInfo(video).Length;
        var (context, producer) = await _server.JoinInBrowserAsync(id, "Rauf Producer", "producer");
        await using var _ = context;
        await producer.SetViewportSizeAsync(1280, 800);
        await producer.WaitForTextAsync("appeals-panel", "Appeals");

        // A dozen chunks, each held back a moment, so the connection can be cut while the upload is under way
        // (a dozen whatever size the encoder made: more would only make the test slower on a busy machine).
        var chunkBytes = (int)(size / 12) + 1;
        await producer.TestId("upload-form").EvaluateAsync("(form, bytes) => form.dataset.chunkBytes = String(bytes)", chunkBytes);
        var chunks = 0;
        await producer.RouteAsync("**/appeals/uploads/*", async route =>
        {
            if (route.Request.Method == "PATCH")
            {
                Interlocked.Increment(ref chunks);
                await Task.Delay(150);
            }

            try
            {
                await route.ContinueAsync();
            }
            catch (PlaywrightException)
            {
                // Offline: the browser fails the request, as a dropped connection would.
            }
        });

        await UploadAsync(producer, "Azerbaijani community of Berlin", "DE", "Greetings, resumed", video);
        await producer.WaitForFunctionAsync("() => document.querySelector(\"[data-testid='upload-progress']\").value >= 20");
        await context.SetOfflineAsync(true);
        await Assertions.Expect(producer.TestId("upload-form")).ToHaveAttributeAsync("data-resuming", "");
        await producer.WaitForTextAsync("upload-form", "Connection lost, resuming");
        await Browser.ScreenshotAsync(producer, "producer-upload-resuming");
        await Task.Delay(1000);
        await context.SetOfflineAsync(false);

        await producer.WaitForTextAsync("appeals-feedback", "“Greetings, resumed” was uploaded");
        var queue = await _server.SendAsync(HttpMethod.Get, $"/api/conferences/{id}/appeals", null);
        var appeal = queue["appeals"]!.AsArray().Single()!;
        Assert.That(appeal["video"]!["sizeBytes"]!.GetValue<long>(), Is.EqualTo(size), "every byte arrived once");
        Assert.That(appeal["durationSeconds"]!.GetValue<double>(), Is.EqualTo(4).Within(0.2));
        Assert.That(chunks, Is.GreaterThan(6));
    }

    [Test]
    public async Task SubmissionPage_ContributorSendsTheirAppealInParts_SeesItsReview_AndARevokedLinkIsExplained()
    {
        var conference = await _server.CreateConferenceAsync("Solidarity evening", [new { kind = "videoAppeals", title = "Greetings from abroad", durationSeconds = 600 }]);
        var id = conference["id"]!.GetValue<string>();
        var block = conference["segments"]![0]!["id"]!.GetValue<string>();
        var link = await _server.SendAsync(HttpMethod.Post, $"/api/conferences/{id}/appeals/links",
            new { segmentId = block, label = "Berlin Azerbaijani Society", deadline = DateTimeOffset.UtcNow.AddDays(7) });
        var (producerContext, producer) = await _server.JoinInBrowserAsync(id, "Rauf Producer", "producer");
        await using var __ = producerContext;
        await producer.WaitForTextAsync("appeals-panel", "No appeals in this segment yet.");
        var context = await Browser.NewContextAsync(_server.BaseAddress);
        await using var _ = context;
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/submit#{link["token"]!.GetValue<string>()}");

        await page.WaitForTextAsync("submit-about", "“Greetings from abroad” at Solidarity evening");
        await page.WaitForTextAsync("submit-about", "This personal link is for: Berlin Azerbaijani Society");
        Assert.That(new Uri(page.Url).Fragment, Is.Empty, "the token is taken off the address bar");
        await Browser.AssertAccessibleAsync(page, "the contributor's submission page");
        await Browser.ScreenshotAsync(page, "submit-page");

        // A file that is no video is refused with the server's reason; then the real one goes in small parts.
        await page.TestId("submit-name").FillAsync("Berlin Azerbaijani Society");
        await page.TestId("submit-country").FillAsync("de");
        await page.TestId("submit-language").FillAsync("az");
        await page.TestId("submit-title").FillAsync("Happy Solidarity Day");
        await page.TestId("submit-file").SetInputFilesAsync(await TestVideos.CorruptAsync());
        await page.TestId("submit-send").ClickAsync();
        await page.WaitForTextAsync("submit-feedback", "The video was not accepted: The file is not a playable video");
        var video = await TestVideos.EightSecondsAsync();
        await page.TestId("submit-form").EvaluateAsync("(form, bytes) => form.dataset.chunkBytes = String(bytes)", (int)(new FileInfo(video).Length / 4) + 1);
        var chunks = 0;
        page.Request += (_, request) =>
        {
            if (request.Method == "PATCH" && request.Url.Contains("/api/appeal-submissions/uploads/", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref chunks);
            }
        };
        await page.TestId("submit-file").SetInputFilesAsync(video);
        await page.TestId("submit-send").ClickAsync();

        await page.WaitForTextAsync("submit-feedback", "Thank you! “Happy Solidarity Day” was received.");
        await Assertions.Expect(page.TestId("submitted-status")).ToHaveAttributeAsync("data-status", "submitted");
        Assert.That(chunks, Is.EqualTo(4));
        var queue = await _server.SendAsync(HttpMethod.Get, $"/api/conferences/{id}/appeals", null);
        var appeal = queue["appeals"]!.AsArray().Single()!;
        Assert.That((appeal["senderName"]!.GetValue<string>(), appeal["country"]!.GetValue<string>(), appeal["fromSubmissionLink"]!.GetValue<bool>()),
            Is.EqualTo(("Berlin Azerbaijani Society", "DE", true)));

        // The producer console, open all along, shows it without a reload (AppealsEdited), in the queue and the links list.
        await Assertions.Expect(Row(producer, "Happy Solidarity Day")).ToContainTextAsync("Waiting for review");
        await producer.WaitForTextAsync("links-list", "Uploads: 1");

        // The producers reject it with a reason: the contributor reads it in their language after a reload.
        await _server.SendAsync(HttpMethod.Post, $"/api/conferences/{id}/appeals/{appeal["id"]}/reject",
            new { expectedRevision = queue["revision"]!.GetValue<int>(), reason = "The sound is missing" });
        await page.TestId("language").SelectOptionAsync("az");
        await page.ReloadAsync();
        await Assertions.Expect(page.TestId("submitted-status")).ToHaveTextAsync("Qəbul edilmədi");
        await page.WaitForTextAsync("submitted-appeal", "Səbəb: The sound is missing");
        await page.WaitForTextAsync("submit-form", "Yeni versiya göndərin");
        await Browser.AssertAccessibleAsync(page, "the submission page with a rejected appeal");
        await Browser.ScreenshotAsync(page, "submit-page-rejected");

        await _server.Organizer.DeleteAsync($"/api/conferences/{id}/appeals/links/{link["id"]}");
        await page.ReloadAsync();
        await Assertions.Expect(page.TestId("submit-refused")).ToHaveAttributeAsync("data-reason", "submit.revoked");
        var stranger = await context.NewPageAsync();
        await stranger.GotoAsync("/submit#not-a-token");
        await Assertions.Expect(stranger.TestId("submit-refused")).ToHaveAttributeAsync("data-reason", "submit.invalid");
    }

    [Test]
    public async Task ProducerConsole_QueueChangedElsewhere_FollowsIt_AndAMoveOnAStaleQueueSaysNothingWasSaved()
    {
        var conference = await _server.CreateConferenceAsync("Two producers", [new { kind = "videoAppeals", title = "Appeals", durationSeconds = 600 }]);
        var id = conference["id"]!.GetValue<string>();
        var block = conference["segments"]![0]!["id"]!.GetValue<string>();
        var pattern = await TestVideos.ThreeSecondsAsync();
        foreach (var title in new[] { "First", "Second", "Third" })
        {
            await using var video = File.OpenRead(pattern);
            using var content = new StreamContent(video);
            content.Headers.ContentType = new("video/mp4");
            using var response = await _server.Organizer.PostAsync(
                $"/api/conferences/{id}/appeals?segmentId={block}&senderKind=person&senderName=Sender&country=AZ&language=az&title={title}", content);
            Assert.That(response.IsSuccessStatusCode, Is.True, await response.Content.ReadAsStringAsync());
        }

        var (context, producer) = await _server.JoinInBrowserAsync(id, "Rauf Producer", "producer");
        await using var _ = context;
        await Assertions.Expect(producer.TestId("appeal")).ToHaveCountAsync(3);
        await Assertions.Expect(producer.TestId("appeal").First).ToContainTextAsync("First");

        // Another producer reorders: this console follows at once (AppealsEdited), without a reload.
        async Task ReorderElsewhereAsync(Func<string[], string[]> order)
        {
            var queue = await _server.SendAsync(HttpMethod.Get, $"/api/conferences/{id}/appeals", null);
            var ids = queue["appeals"]!.AsArray().OrderBy(a => a!["position"]!.GetValue<int>()).Select(a => a!["id"]!.GetValue<string>()).ToArray();
            await _server.SendAsync(HttpMethod.Post, $"/api/conferences/{id}/appeals/reorder",
                new { expectedRevision = queue["revision"]!.GetValue<int>(), segmentId = block, appealIds = order(ids) });
        }

        await ReorderElsewhereAsync(ids => [ids[1], ids[0], ids[2]]);
        await Assertions.Expect(producer.TestId("appeal").First).ToContainTextAsync("Second");

        // When that reading fails (a network blip), the console keeps an old revision: its next move is refused,
        // it says so, shows the queue as it is and saves nothing.
        var refusedReadings = 0;
        await producer.RouteAsync($"**/api/conferences/{id}/appeals", async route =>
        {
            if (route.Request.Method == "GET")
            {
                Interlocked.Increment(ref refusedReadings);
                await route.AbortAsync();
            }
            else
            {
                await route.ContinueAsync();
            }
        });
        await ReorderElsewhereAsync(ids => [ids[2], ids[0], ids[1]]);
        var deadline = DateTime.UtcNow + PageState.Patience;
        while (Volatile.Read(ref refusedReadings) == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.That(refusedReadings, Is.GreaterThan(0), "the console tried to read the queue after the notice");
        await producer.UnrouteAllAsync();
        await Assertions.Expect(producer.TestId("appeal").First).ToContainTextAsync("Second", new() { Timeout = 1000 });

        await Row(producer, "First").Locator("[data-testid='move-down']").ClickAsync();
        await producer.WaitForTextAsync("appeals-feedback", "Someone else changed the queue first");
        await Assertions.Expect(producer.TestId("appeals-feedback")).ToHaveAttributeAsync("data-kind", "conflict");
        await Assertions.Expect(producer.TestId("appeal").First).ToContainTextAsync("Third");
        Assert.That(await QueueTitlesAsync(id, block), Is.EqualTo(new[] { "Third", "Second", "First" }), "the refused move changed nothing");
        await Browser.ScreenshotAsync(producer, "producer-appeals-conflict");
    }
}

internal static class LocatorTestIds
{
    public static ILocator TestIdIn(this ILocator scope, string id) => scope.Locator($"[data-testid='{id}']");
}
