using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Conference.Web.Tests;

/// <summary>The participant's way in and the live view, in Chromium against the real server.</summary>
public sealed class ParticipantViewTests
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
        new { kind = "speech", title, durationSeconds = seconds, speaker = new { name = "Leyla Aliyeva", country = "AZ" } };

    private async Task<(string Id, IBrowserContext Context, IPage Page)> JoinAsync(JsonObject conference, string name = "Aysel", string role = "attendee", string locale = "en-US")
    {
        var id = conference["id"]!.GetValue<string>();
        var code = await _server.InviteAsync(id, name, role);
        var context = await Browser.NewContextAsync(_server.BaseAddress, locale);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/join#code={code}");
        await page.WaitForLiveViewAsync(id, _server);
        await Assertions.Expect(page.TestId("connection")).ToBeHiddenAsync(new() { Timeout = (float)PageState.Patience.TotalMilliseconds });
        return (id, context, page);
    }

    [Test]
    public async Task JoinLink_OpenedInBrowser_ShowsConferenceAndStaysSignedInOnReload()
    {
        var conference = await _server.CreateConferenceAsync("Republic Day ceremony", [Speech("Opening words", 300), Speech("Keynote", 600)]);
        var (id, context, page) = await JoinAsync(conference);
        await using var _ = context;

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Republic Day ceremony");
        await page.WaitForTextAsync("now", "has not started");
        await Assertions.Expect(page.TestId("program").Locator("li")).ToHaveCountAsync(2);
        Assert.That(page.Url, Does.Not.Contain("code="), "the join code must not stay in the address bar");

        await page.ReloadAsync();
        await page.WaitForTextAsync("now", "has not started");
        await Assertions.Expect(page.TestId("no-session")).ToHaveCountAsync(0);

        await _server.ShowAsync(id, "start");
        await page.WaitForTextAsync("now", "Opening words");
        await Assertions.Expect(page.Locator(".program li[aria-current='step']")).ToContainTextAsync("Opening words");
        await page.WaitForTextAsync("announcer", "Now: Opening words");
        await page.WaitForTextAsync("next", "Keynote");
        await page.WaitForTextAsync("media-notice", "simulated");
        await _server.ShowAsync(id, "message", new { audience = "everyone", text = "Welcome, everyone: we start on time." });
        await page.WaitForTextAsync("messages", "we start on time");
        await Browser.ScreenshotAsync(page, "participant-view");
        await Browser.AssertAccessibleAsync(page, "the participant view");
    }

    [Test]
    public async Task HostCommand_ThreeOpenPages_AllShowItWithRemainingTimesWithin50Ms()
    {
        var conference = await _server.CreateConferenceAsync("Three screens", [Speech("Welcome", 300), Speech("Address", 300)]);
        var pages = new List<(IBrowserContext Context, IPage Page)>();
        for (var i = 0; i < 3; i++)
        {
            var (_, context, page) = await JoinAsync(conference, $"Guest {i}");
            pages.Add((context, page));
        }

        try
        {
            var id = conference["id"]!.GetValue<string>();
            await _server.ShowAsync(id, "start");
            foreach (var (_, page) in pages)
            {
                await page.WaitForTextAsync("now", "Welcome");
            }

            await AssertDeadlinesAgreeAsync(pages.Select(p => p.Page).ToList());

            // Two more minutes for the speaker: every page moves its countdown, and they still agree.
            await _server.ShowAsync(id, "adjust-time", new { deltaSeconds = 120 });
            foreach (var (_, page) in pages)
            {
                await page.WaitForRemainingAsync("ms > 360000");
            }

            await AssertDeadlinesAgreeAsync(pages.Select(p => p.Page).ToList());
        }
        finally
        {
            foreach (var (context, _) in pages)
            {
                await context.DisposeAsync();
            }
        }
    }

    private static async Task AssertDeadlinesAgreeAsync(List<IPage> pages)
    {
        var deadlines = new List<double>();
        foreach (var page in pages)
        {
            deadlines.Add(await page.DeadlineAsync());
        }

        Assert.That(deadlines.Max() - deadlines.Min(), Is.LessThanOrEqualTo(50), $"deadlines drawn by the pages: {string.Join(", ", deadlines)}");
    }

    [Test]
    public async Task MinuteOfSilence_LeftToRunOut_EndsByItselfOnEveryPage()
    {
        var conference = await _server.CreateConferenceAsync("Remembrance", [new { kind = "minuteOfSilence", title = "Minute of silence" }, Speech("Address", 300)]);
        var first = await JoinAsync(conference, "First");
        var second = await JoinAsync(conference, "Second");
        await using var c1 = first.Context;
        await using var c2 = second.Context;

        await _server.ShowAsync(first.Id, "start");
        await first.Page.WaitForTextAsync("now", "Minute of silence");
        await second.Page.WaitForTextAsync("now", "Minute of silence");

        // The silence keeps its own deadline; shorten it so the test does not wait a whole minute.
        await _server.ShowAsync(first.Id, "adjust-time", new { deltaSeconds = -57 });
        foreach (var page in new[] { first.Page, second.Page })
        {
            await page.WaitForTextAsync("now", "Address");
            await page.WaitForTextAsync("announcer", "Now: Address");
        }
    }

    [Test]
    public async Task LanguageSwitch_ToAzerbaijaniThenRussian_TranslatesAndPersists()
    {
        var conference = await _server.CreateConferenceAsync("Languages",
            [new { kind = "speech", title = "Opening", durationSeconds = 300, speaker = new { name = "Leyla Aliyeva", country = "AZ" },
                translations = new Dictionary<string, object> { ["az"] = new { title = "Açılış" }, ["ru"] = new { title = "Открытие" } } }],
            new
            {
                languages = new[] { "en", "az", "ru" },
                translations = new Dictionary<string, object> { ["az"] = new { title = "Dillər", slogan = "Birlikdə" }, ["ru"] = new { title = "Языки", slogan = "Вместе" } },
            });
        var (id, context, page) = await JoinAsync(conference, locale: "tr-TR");
        await using var _ = context;
        await _server.ShowAsync(id, "start");

        // The browser asks for Turkish.
        await Assertions.Expect(page.Locator("#now-label")).ToHaveTextAsync("Şimdi");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Languages");
        await page.TestId("language").SelectOptionAsync("az");
        await Assertions.Expect(page.Locator("#now-label")).ToHaveTextAsync("İndi");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "az");
        // The organizer's own texts follow the language; Turkish had none, so it showed the conference's own.
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Dillər");
        await page.WaitForTextAsync("now", "Açılış");
        await Browser.ScreenshotAsync(page, "participant-view-az");

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#now-label")).ToHaveTextAsync("İndi");
        await page.TestId("language").SelectOptionAsync("ru");
        await Assertions.Expect(page.Locator("#now-label")).ToHaveTextAsync("Сейчас");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Языки");
        await page.WaitForTextAsync("now", "Открытие");
        await page.TestId("language").SelectOptionAsync("en");
        await Assertions.Expect(page.Locator("#now-label")).ToHaveTextAsync("Now");
    }

    [Test]
    public async Task ServerRestart_WhilePageOpen_SaysReconnectingAndRecovers()
    {
        var conference = await _server.CreateConferenceAsync("Restart drill", [Speech("Before", 300), Speech("After", 300)]);
        var (id, context, page) = await JoinAsync(conference);
        await using var _ = context;
        await _server.ShowAsync(id, "start");
        await page.WaitForTextAsync("now", "Before");

        _server.Stop();
        await Assertions.Expect(page.TestId("connection")).ToBeVisibleAsync(new() { Timeout = (float)PageState.Patience.TotalMilliseconds });
        await Assertions.Expect(page.TestId("connection")).ToContainTextAsync("Reconnecting");
        await page.WaitForRemainingAsync("ms > 0"); // the countdown keeps running from the anchors
        await Browser.ScreenshotAsync(page, "participant-reconnecting");

        await _server.StartAsync();
        await Assertions.Expect(page.TestId("connection")).ToBeHiddenAsync(new() { Timeout = 30_000 });
        await _server.ShowAsync(id, "next");
        await page.WaitForTextAsync("now", "After");
    }
}
