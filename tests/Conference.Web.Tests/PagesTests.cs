using System.Net;
using Microsoft.Playwright;

namespace Conference.Web.Tests;

/// <summary>The join page's refusals, the public event page, the stage timer, and how the server routes the pages.</summary>
public sealed class PagesTests
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

    private static object Speech(string title, int seconds) =>
        new { kind = "speech", title, durationSeconds = seconds, speaker = new { name = "Rashad Mammadov", country = "AZ" } };

    [Test]
    public async Task ExpiredLink_Opened_SaysItExpired()
    {
        var conference = await _server.CreateConferenceAsync("Expired links", [Speech("Talk", 300)]);
        var id = conference["id"]!.GetValue<string>();
        var person = await _server.SendAsync(HttpMethod.Post, $"/api/conferences/{id}/participants",
            new { displayName = "Late Guest", country = "AZ", language = "en", roles = new[] { "attendee" } });
        var link = await _server.SendAsync(HttpMethod.Post, $"/api/conferences/{id}/participants/{person["id"]}/invitations",
            new { expiresAt = DateTimeOffset.UtcNow.AddHours(1) });
        var code = link["code"]!.GetValue<string>();
        // The API makes links that expire in the future only: this one's moment has passed, by its record.
        await _server.ExpireInvitationAsync(Guid.Parse(link["invitationId"]!.GetValue<string>()));

        await using var context = await Browser.NewContextAsync(_server.BaseAddress);
        var page = await context.NewPageAsync();

        await page.GotoAsync($"/join#code={code}");

        await Assertions.Expect(page.TestId("join-error")).ToHaveAttributeAsync("data-reason", "join.expired");
        await page.WaitForTextAsync("join-error", "expired");
        Assert.That(page.Url, Does.Not.Contain(code));
        await Browser.ScreenshotAsync(page, "join-expired");
        await Browser.AssertAccessibleAsync(page, "the join page");
    }

    [Test]
    public async Task RevokedAndUnknownLinks_Opened_SayWhich()
    {
        var conference = await _server.CreateConferenceAsync("Revoked links", [Speech("Talk", 300)]);
        var id = conference["id"]!.GetValue<string>();
        var person = await _server.SendAsync(HttpMethod.Post, $"/api/conferences/{id}/participants",
            new { displayName = "Former Guest", country = "TR", language = "tr", roles = new[] { "attendee" } });
        var link = await _server.SendAsync(HttpMethod.Post, $"/api/conferences/{id}/participants/{person["id"]}/invitations", new { });
        using (var revoke = await _server.Organizer.DeleteAsync($"/api/conferences/{id}/participants/{person["id"]}/invitations/{link["invitationId"]}"))
        {
            Assert.That(revoke.IsSuccessStatusCode, Is.True);
        }

        await using var context = await Browser.NewContextAsync(_server.BaseAddress, "ru-RU");
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/join#code={link["code"]}");
        await Assertions.Expect(page.TestId("join-error")).ToHaveAttributeAsync("data-reason", "join.revoked");
        await page.WaitForTextAsync("join-error", "отозвал");

        await page.GotoAsync("/join#code=not-a-real-code");
        await page.ReloadAsync();
        await Assertions.Expect(page.TestId("join-error")).ToHaveAttributeAsync("data-reason", "join.unknown");
    }

    [Test]
    public async Task EventPage_WithOpenRegistration_ShowsProgramInBothZonesAndRegisters()
    {
        var conference = await _server.CreateConferenceAsync("Open day", [Speech("Welcome", 600), Speech("Panel", 1800)]);
        var id = conference["id"]!.GetValue<string>();
        await _server.SendAsync(HttpMethod.Put, $"/api/conferences/{id}/registration", new { open = true, capacity = 100 });
        await using var context = await Browser.NewContextAsync(_server.BaseAddress);
        var page = await context.NewPageAsync();

        await page.GotoAsync($"/e/{id}");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Open day");
        await page.WaitForTextAsync("slogan", "Together, on time");
        await Assertions.Expect(page.TestId("program").Locator("li")).ToHaveCountAsync(2);
        // The browser is in Berlin, the conference in Baku: both times are shown.
        await Assertions.Expect(page.TestId("program").Locator(".zone-time").First).ToContainTextAsync("at the venue");
        var ics = await page.TestId("ics").GetAttributeAsync("href");
        using (var calendar = await _server.Organizer.GetAsync(ics))
        {
            Assert.That(calendar.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/calendar"));
        }

        await Browser.ScreenshotAsync(page, "event-page");
        await Browser.AssertAccessibleAsync(page, "the event page");

        await page.FillAsync("#reg-name", "Amina Diallo");
        await page.FillAsync("#reg-country", "sn");
        await page.ClickAsync("form[data-testid='register-form'] button[type='submit']");
        await page.WaitForTextAsync("registered", "/join#code=");
        await page.ClickAsync("[data-testid='registered'] a.button");
        await page.WaitForLiveViewAsync(id, _server);
        await page.WaitForTextAsync("now", "has not started");
    }

    [Test]
    public async Task EventPage_KeyboardOnly_SkipsToContentAndRegisters()
    {
        var conference = await _server.CreateConferenceAsync("Keyboard day", [Speech("Welcome", 600)]);
        var id = conference["id"]!.GetValue<string>();
        await _server.SendAsync(HttpMethod.Put, $"/api/conferences/{id}/registration", new { open = true, capacity = (int?)null });
        await using var context = await Browser.NewContextAsync(_server.BaseAddress);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/e/{id}");
        await Assertions.Expect(page.TestId("register-form")).ToBeVisibleAsync();

        async Task<string> Focused() => await page.EvaluateAsync<string>("() => document.activeElement.id || document.activeElement.className || document.activeElement.tagName");

        await page.Keyboard.PressAsync("Tab");
        Assert.That(await Focused(), Is.EqualTo("skip"), "the first Tab reaches the skip link");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Tab");
        Assert.That(await page.EvaluateAsync<string>("() => document.activeElement.dataset.testid"), Is.EqualTo("ics"), "after skipping, Tab starts in the content");

        await page.FocusAsync("#reg-name");
        await page.Keyboard.TypeAsync("Keyboard User");
        await page.Keyboard.PressAsync("Tab");
        Assert.That(await Focused(), Is.EqualTo("reg-country"));
        await page.Keyboard.TypeAsync("AZ");
        await page.Keyboard.PressAsync("Tab");
        Assert.That(await Focused(), Is.EqualTo("reg-language"));
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForTextAsync("registered", "/join#code=");
    }

    [Test]
    public async Task StageTimer_SegmentOverruns_CountsUpInOvertimeAndShowsSpeakerMessages()
    {
        var conference = await _server.CreateConferenceAsync("Stage", [Speech("Keynote", 120), Speech("Closing", 300)]);
        var id = conference["id"]!.GetValue<string>();
        var code = await _server.InviteAsync(id, "Speaker One", "speaker");
        await using var context = await Browser.NewContextAsync(_server.BaseAddress);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/join#code={code}");
        await page.WaitForLiveViewAsync(id, _server);
        await page.GotoAsync($"/e/{id}/stage");
        await page.WaitForTextAsync("now", "Waiting");

        await _server.ShowAsync(id, "start");
        await page.WaitForTextAsync("now", "Keynote");
        await page.WaitForTextAsync("next", "Closing");
        await page.WaitForTextAsync("stage-label", "remaining");
        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-level", "normal");

        // Thresholds for a 2-minute segment: amber from 30 s, red from 12 s; a manual segment then overruns.
        await _server.ShowAsync(id, "adjust-time", new { deltaSeconds = -95 });
        await page.WaitForRemainingAsync("ms > 12000 && ms < 30000");
        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-level", "warning");

        await _server.ShowAsync(id, "adjust-time", new { deltaSeconds = -15 });
        await page.WaitForRemainingAsync("ms > 0 && ms < 12000");
        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-level", "danger");

        await page.WaitForRemainingAsync("ms < 0");
        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-level", "overtime");
        await page.WaitForTextAsync("stage-label", "overtime");
        await Assertions.Expect(page.TestId("remaining")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\+0:\d\d$"));

        await _server.ShowAsync(id, "message", new { audience = "speakers", text = "Please wrap up" });
        await page.WaitForTextAsync("stage-message", "Please wrap up");
        await Browser.ScreenshotAsync(page, "stage-overtime");
        await Browser.AssertAccessibleAsync(page, "the stage timer");
    }

    [Test]
    public async Task Routes_PagesAndApi_PagesAreHtmlAndApiMissesStayProblemDetails()
    {
        var id = Guid.NewGuid();
        foreach (var path in new[] { "/join", $"/e/{id}", $"/e/{id}/live", $"/e/{id}/stage" })
        {
            using var page = await _server.Organizer.GetAsync(path);
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
            Assert.That(page.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"), path);
            Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("<script type=\"module\""), path);
        }

        foreach (var path in new[] { "/api/nothing-here", $"/api/conferences/{id}", "/e/not-a-conference", "/app/missing.js" })
        {
            using var missing = await _server.Organizer.GetAsync(path);
            Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), path);
            Assert.That(missing.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), path);
        }

        // Scripts go out as the Brotli copy made at build time, cached for good under their hashed names.
        var live = await _server.Organizer.GetStringAsync($"/e/{id}/live");
        var script = System.Text.RegularExpressions.Regex.Match(live, "src=\"(/app/assets/[^\"]+\\.js)\"").Groups[1].Value;
        using (var request = new HttpRequestMessage(HttpMethod.Get, script))
        {
            request.Headers.AcceptEncoding.ParseAdd("gzip, br");
            using var compressed = await _server.Organizer.SendAsync(request);
            Assert.That(compressed.StatusCode, Is.EqualTo(HttpStatusCode.OK), script);
            Assert.That(compressed.Content.Headers.ContentEncoding, Is.EqualTo(new[] { "br" }));
            Assert.That(compressed.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/javascript"));
            Assert.That(compressed.Headers.CacheControl?.ToString(), Does.Contain("immutable"));
        }

        using var health = await _server.Organizer.GetAsync("/health/live");
        Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var openApi = await _server.Organizer.GetAsync("/openapi/v1.json");
        Assert.That(openApi.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task RevokedLink_AfterSigningIn_ReloadSaysTheSessionEnded()
    {
        var conference = await _server.CreateConferenceAsync("Revoked session", [Speech("Talk", 300)]);
        var id = conference["id"]!.GetValue<string>();
        var person = await _server.SendAsync(HttpMethod.Post, $"/api/conferences/{id}/participants",
            new { displayName = "Guest", country = "AZ", language = "az", roles = new[] { "attendee" } });
        var link = await _server.SendAsync(HttpMethod.Post, $"/api/conferences/{id}/participants/{person["id"]}/invitations", new { });
        await using var context = await Browser.NewContextAsync(_server.BaseAddress);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/join#code={link["code"]}");
        await page.WaitForLiveViewAsync(id, _server);
        await page.WaitForTextAsync("now", "has not started");

        using (var revoke = await _server.Organizer.DeleteAsync($"/api/conferences/{id}/participants/{person["id"]}/invitations/{link["invitationId"]}"))
        {
            Assert.That(revoke.IsSuccessStatusCode, Is.True);
        }

        await page.ReloadAsync();
        await page.WaitForTextAsync("session-refused", "no longer valid");
    }

    [Test]
    public async Task ParticipantView_WithoutSession_SendsToTheJoinLink()
    {
        var conference = await _server.CreateConferenceAsync("No session", [Speech("Talk", 300)]);
        await using var context = await Browser.NewContextAsync(_server.BaseAddress);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/e/{conference["id"]}/live");
        await page.WaitForTextAsync("no-session", "join link");
        await Browser.AssertAccessibleAsync(page, "the participant view without a session");
    }
}
