using Microsoft.Playwright;

namespace Conference.Web.Tests;

/// <summary>The host, producer and organizer consoles in the browser, against one server for the fixture.</summary>
public sealed class ConsoleTests
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

    private static object Part(string title, int seconds = 600) => new { kind = "custom", title, durationSeconds = seconds };

    private async Task<int> ShowRevisionAsync(string conferenceId) =>
        (await _server.SendAsync(HttpMethod.Get, $"/api/conferences/{conferenceId}/show", null))["revision"]!.GetValue<int>();

    [Test]
    public async Task TwoHostConsoles_PressNextAtOnce_OneAdvanceAndTheOtherSaysSo()
    {
        var conference = await _server.CreateConferenceAsync("Two hosts", [Part("Opening"), Part("Address"), Part("Closing")]);
        var id = conference["id"]!.GetValue<string>();
        var (firstContext, first) = await _server.JoinInBrowserAsync(id, "Leyla Host", "host");
        var (secondContext, second) = await _server.JoinInBrowserAsync(id, "Kamran Host", "host");
        await using var _ = firstContext;
        await using var __ = secondContext;
        await first.GotoAsync($"/e/{id}/host");
        await second.GotoAsync($"/e/{id}/host");
        await first.TestId("start").ClickAsync();
        await first.WaitForTextAsync("now", "Opening");
        await second.WaitForTextAsync("now", "Opening");
        var before = await ShowRevisionAsync(id);

        // "At once": both presses leave before either console hears of the other's (a click with Playwright's
        // actionability checks takes long enough, on a loaded machine, for the first press's push to arrive first).
        const string press = "() => document.querySelector(\"[data-testid='next-button']\").click()";
        await Task.WhenAll(first.EvaluateAsync(press), second.EvaluateAsync(press));

        await first.WaitForTextAsync("now", "Address");
        await second.WaitForTextAsync("now", "Address");
        // Both clicks are sent; the refused one's console says so once its answer is back.
        var conflicts = new[] { first, second }.Select(p => p.Locator("[data-testid='console-feedback'][data-kind='conflict']")).ToArray();
        var deadline = DateTime.UtcNow + PageState.Patience;
        while (await conflicts[0].CountAsync() + await conflicts[1].CountAsync() == 0 && DateTime.UtcNow < deadline)
        {
            await first.WaitForTimeoutAsync(50);
        }

        var loser = await conflicts[0].CountAsync() == 1 ? conflicts[0] : conflicts[1];
        await Assertions.Expect(loser).ToContainTextAsync("Another host acted first: the show is now on “Address”");
        Assert.That(await ShowRevisionAsync(id), Is.EqualTo(before + 2), "one SegmentEnded + SegmentStarted: a single advance");
        Assert.That(await conflicts[0].CountAsync() + await conflicts[1].CountAsync(), Is.EqualTo(1), "exactly one console was refused");
        await Browser.ScreenshotAsync(await conflicts[0].CountAsync() == 1 ? first : second, "host-console-conflict");
    }

    [Test]
    public async Task HostConsole_RunsTheShowFromTheKeyboard_WhileAParticipantFollows()
    {
        var conference = await _server.CreateConferenceAsync("Keyboard show", [Part("Welcome", 300), Part("Keynote", 900), Part("Farewell", 300)]);
        var id = conference["id"]!.GetValue<string>();
        var (hostContext, host) = await _server.JoinInBrowserAsync(id, "Aysel Host", "host");
        var (guestContext, guest) = await _server.JoinInBrowserAsync(id, "Mehmet Guest", "attendee", "tr-TR");
        await using var _ = hostContext;
        await using var __ = guestContext;
        await host.SetViewportSizeAsync(1280, 800);
        await host.GotoAsync($"/e/{id}/host");
        await Assertions.Expect(host.TestId("run-of-show").Locator("tr")).ToHaveCountAsync(3);

        await host.Keyboard.PressAsync("n");
        await host.WaitForTextAsync("now", "Welcome");
        await guest.WaitForTextAsync("now", "Welcome");
        await host.TestId("add-60").ClickAsync();
        await host.WaitForRemainingAsync("ms > 300000");
        await host.Keyboard.PressAsync("p");
        await host.WaitForTextAsync("show-state", "Paused");
        await host.Keyboard.PressAsync("p");
        await Assertions.Expect(host.TestId("show-state")).ToHaveTextAsync("");
        await host.Keyboard.PressAsync("ArrowRight");
        await host.WaitForTextAsync("now", "Keynote");
        await guest.WaitForTextAsync("now", "Keynote");

        // The row of the finished segment has its actual times and over/under; the running one is marked.
        var done = host.TestId("run-of-show").Locator("tr").Nth(0);
        await Assertions.Expect(done).ToContainTextAsync("done");
        await Assertions.Expect(done.Locator(".over-under")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[−±+]\\d+:\\d\\d$"));
        await Assertions.Expect(host.TestId("run-of-show").Locator("tr[aria-current='step']")).ToContainTextAsync("Keynote");
        await Assertions.Expect(host.TestId("show-delay")).ToContainTextAsync("plan; projected end");

        await host.SelectOptionAsync("[data-testid='message-audience']", "everyone");
        await host.FillAsync("[data-testid='message-text']", "Please take your seats");
        await host.Locator("#send-message").ClickAsync();
        await guest.WaitForTextAsync("messages", "Please take your seats");
        await host.WaitForTextAsync("sent-messages", "Please take your seats");
        await Assertions.Expect(host.TestId("media-status")).ToHaveAttributeAsync("data-state", new System.Text.RegularExpressions.Regex("inSync|pending|degraded"));
        await host.WaitForTextAsync("attendance-countries", "Azerbaijan");
        await host.WaitForTextAsync("attendance-roles", "Attendees");

        // Skip the last segment from its row, then end: the console asks for a second press first.
        await host.TestId("run-of-show").Locator("tr").Nth(2).Locator("[data-testid='skip']").ClickAsync();
        await Assertions.Expect(host.TestId("run-of-show").Locator("tr").Nth(2)).ToContainTextAsync("skipped");
        await Browser.ScreenshotAsync(host, "host-console");
        await Browser.AssertAccessibleAsync(host, "the host console");
        await host.TestId("end").ClickAsync();
        await Assertions.Expect(host.TestId("end")).ToContainTextAsync("again");
        await host.TestId("end").ClickAsync();
        await guest.WaitForTextAsync("now", "sona erdi");
    }

    [Test]
    public async Task HostConsole_IssuesAStreamDeckToken_AndTheDeckPressesNext()
    {
        var conference = await _server.CreateConferenceAsync("Deck show", [Part("Opening"), Part("Address")]);
        var id = conference["id"]!.GetValue<string>();
        var (context, host) = await _server.JoinInBrowserAsync(id, "Deck Host", "host");
        await using var _ = context;
        await host.FillAsync("[data-testid='deck-label']", "Stage left deck");
        await host.Locator("[data-testid='stream-deck'] button[type='submit']").ClickAsync();
        var token = await host.TestId("deck-token").Locator("code").InnerTextAsync();

        using var deck = new HttpClient { BaseAddress = _server.BaseAddress };
        deck.DefaultRequestHeaders.Add("X-Control-Token", token);
        using (var press = await deck.PostAsync("/api/control/next", null))
        {
            Assert.That(press.IsSuccessStatusCode, Is.True, await press.Content.ReadAsStringAsync());
        }

        await host.WaitForTextAsync("now", "Opening");
        await host.TestId("stream-deck").Locator("button.danger").ClickAsync();
        await host.WaitForTextAsync("stream-deck", "revoked");
        using var refused = await deck.PostAsync("/api/control/next", null);
        Assert.That((int)refused.StatusCode, Is.EqualTo(401));
    }

    [Test]
    public async Task HostConsole_ARefusedCommand_SaysWhy()
    {
        var conference = await _server.CreateConferenceAsync("Refusals", [Part("Only part")]);
        var id = conference["id"]!.GetValue<string>();
        var (context, host) = await _server.JoinInBrowserAsync(id, "Nigar Host", "host", "ru-RU");
        await using var _ = context;
        await host.GotoAsync($"/e/{id}/host");
        await host.TestId("start").ClickAsync();
        await host.WaitForTextAsync("now", "Only part");

        // Next on the last segment is refused by the engine, and the console shows the engine's reason.
        await host.Keyboard.PressAsync("n");

        await Assertions.Expect(host.TestId("console-feedback")).ToHaveAttributeAsync("data-kind", "error");
        await host.WaitForTextAsync("console-feedback", "end the show instead");
        await Browser.AssertAccessibleAsync(host, "the host console in Russian");
    }

    [Test]
    public async Task ProducerConsole_CallsTheAwardees_AndKeepsTheTally()
    {
        var conference = await _server.CreateConferenceAsync("Medals night",
            [Part("Opening", 300), new { kind = "awardsCeremony", title = "Medals", durationSeconds = 900, awardName = "Medal of Honour" }]);
        var id = conference["id"]!.GetValue<string>();
        var ceremony = conference["segments"]![1]!["id"]!.GetValue<string>();
        var award = await _server.SendAsync(HttpMethod.Post, $"/api/conferences/{id}/awards", new { segmentId = ceremony });
        var revision = award["revision"]!.GetValue<int>();
        foreach (var (name, country) in new[] { ("Amina Diallo", "SN"), ("Ivan Petrov", "RU"), ("Elif Kaya", "TR") })
        {
            var person = await _server.SendAsync(HttpMethod.Post, $"/api/conferences/{id}/participants",
                new { displayName = name, country, language = "en", roles = new[] { "awardee" } });
            award = await _server.SendAsync(HttpMethod.Post, $"/api/conferences/{id}/awards/{award["id"]}/recipients",
                new { expectedRevision = revision, participantId = person["id"] });
            revision = award["revision"]!.GetValue<int>();
        }

        var (context, producer) = await _server.JoinInBrowserAsync(id, "Rauf Producer", "producer");
        await using var _ = context;
        await producer.SetViewportSizeAsync(1280, 800);
        await producer.GotoAsync($"/e/{id}/producer");
        await producer.WaitForTextAsync("awards", "Elif Kaya");
        await Assertions.Expect(producer.TestId("recipients").Locator("tbody tr")).ToHaveCountAsync(3);
        await producer.WaitForTextAsync("called", "Nobody is being called");

        await _server.ShowAsync(id, "start");
        await _server.ShowAsync(id, "goto", new { segmentId = ceremony });
        await producer.WaitForTextAsync("current-recipient", "Amina Diallo");
        await producer.TestId("called").Locator("[data-testid='mark-presented']").ClickAsync();
        await producer.WaitForTextAsync("tally", "1 presented");
        await _server.ShowAsync(id, "cue");
        await producer.WaitForTextAsync("current-recipient", "Ivan Petrov");
        await producer.TestId("called").Locator("[data-testid='mark-absent']").ClickAsync();
        await producer.WaitForTextAsync("tally", "1 absent");
        await Assertions.Expect(producer.TestId("award").Locator("tr[aria-current='true']")).ToContainTextAsync("Ivan Petrov");
        await producer.Locator("details summary").ClickAsync();
        await Assertions.Expect(producer.TestId("tally-by-country").Locator("tbody tr")).ToHaveCountAsync(3);

        await Browser.ScreenshotAsync(producer, "producer-console");
        await Browser.AssertAccessibleAsync(producer, "the producer console");
    }

    [Test]
    public async Task Organizer_SignsInOnce_BuildsAProgram_AndReordersByDragging()
    {
        await using var context = await Browser.NewContextAsync(_server.BaseAddress);
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoAsync("/organizer");
        await Browser.AssertAccessibleAsync(page, "the organizer sign-in");
        await page.FillAsync("[data-testid='organizer-key']", "wrong key");
        await page.Locator("[data-testid='sign-in'] button[type='submit']").ClickAsync();
        await page.WaitForTextAsync("sign-in-error", "not the organizer key");
        await page.FillAsync("[data-testid='organizer-key']", WebServer.OrganizerKey);
        await page.Locator("[data-testid='sign-in'] button[type='submit']").ClickAsync();
        await Assertions.Expect(page.TestId("create-conference")).ToBeVisibleAsync();
        var stored = await page.EvaluateAsync<string>("() => JSON.stringify(localStorage)");
        Assert.That(stored, Does.Not.Contain(WebServer.OrganizerKey), "the browser keeps a session, never the key");

        await page.FillAsync("#new-title", "Built in the browser");
        await page.FillAsync("#new-zone", "Asia/Baku");
        await page.FillAsync("#new-languages", "az, en");
        await page.Locator("[data-testid='create-conference'] button[type='submit']").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/organizer/[0-9a-f-]{36}$"));
        var id = page.Url.Split('/')[^1];

        foreach (var (kind, title) in new[] { ("anthem", "Anthem"), ("speech", "Welcome address"), ("minuteOfSilence", "Silence") })
        {
            await page.SelectOptionAsync("#new-seg-kind", kind);
            await page.FillAsync("#new-seg-title", title);
            await page.FillAsync("#new-seg-speaker", kind == "speech" ? "Rashad Mammadov" : "");
            await page.FillAsync("#new-seg-country", kind == "speech" ? "AZ" : "");
            await page.Locator("[data-testid='add-segment'] button[type='submit']").ClickAsync();
            await Assertions.Expect(page.TestId("segments")).ToContainTextAsync(title);
        }

        await page.Locator("[data-testid='segments'] li").Nth(0).Locator("[data-testid='edit-segment']").ClickAsync();
        await page.Locator("[data-testid='segment-form'] input[lang='en']").FillAsync("National anthem");
        await page.Locator("[data-testid='segment-form'] button[type='submit']").ClickAsync();
        await Assertions.Expect(page.TestId("segment-form")).ToHaveCountAsync(0);
        var before = await _server.SendAsync(HttpMethod.Get, $"/api/conferences/{id}", null);

        // The drag's events as the browser fires them (headless Chromium does not start a native drag from mouse moves).
        var segments = page.Locator("[data-testid='segments'] li");
        var dataTransfer = await page.EvaluateHandleAsync("() => new DataTransfer()");
        await segments.Nth(2).DispatchEventAsync("dragstart", new { dataTransfer });
        await segments.Nth(0).DispatchEventAsync("dragover", new { dataTransfer });
        await segments.Nth(0).DispatchEventAsync("drop", new { dataTransfer });

        await page.WaitForTextAsync("organizer-status", "New order saved");
        var after = await _server.SendAsync(HttpMethod.Get, $"/api/conferences/{id}", null);
        Assert.That(after["segments"]!.AsArray().Select(s => s!["title"]!.GetValue<string>()), Is.EqualTo(new[] { "Silence", "Anthem", "Welcome address" }));
        Assert.That(after["revision"]!.GetValue<int>(), Is.EqualTo(before["revision"]!.GetValue<int>() + 1), "the reorder was saved with the revision it was based on");
        Assert.That(after["segments"]![1]!["translations"]!["en"]!["title"]!.GetValue<string>(), Is.EqualTo("National anthem"));
        Assert.That(after["segments"]![0]!["durationSeconds"]!.GetValue<int>(), Is.EqualTo(60), "a new segment starts with its kind's length");

        await page.ReloadAsync();
        await Assertions.Expect(page.TestId("segments").Locator("li").First).ToContainTextAsync("Silence");
        await Browser.ScreenshotAsync(page, "organizer-program");
        await Browser.AssertAccessibleAsync(page, "the organizer's program editor");
    }

    [Test]
    public async Task Organizer_ImportsACsvWithBadRows_SeesEachErrorBesideItsRow_ThenInvites()
    {
        var conference = await _server.CreateConferenceAsync("Roster day", [Part("Welcome")]);
        var id = conference["id"]!.GetValue<string>();
        await using var context = await Browser.NewContextAsync(_server.BaseAddress);
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoAsync("/organizer");
        await page.FillAsync("[data-testid='organizer-key']", WebServer.OrganizerKey);
        await page.Locator("[data-testid='sign-in'] button[type='submit']").ClickAsync();
        await Assertions.Expect(page.TestId("create-conference")).ToBeVisibleAsync();
        await page.GotoAsync($"/organizer/{id}");
        await page.TestId("tab-people").ClickAsync();

        const string bad = "displayName,country,language,email,roles\nAmina Diallo,SN,en,amina@example.org,attendee\n,AZ,az,,speaker\nIvan Petrov,XX,ru,,attendee\nElif Kaya,TR,tr,,juggler\n";
        await page.FillAsync("[data-testid='csv-text']", bad);
        await page.TestId("import-submit").ClickAsync();

        await Assertions.Expect(page.TestId("row-error")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("tr[data-line='3'] [data-testid='row-error']")).ToContainTextAsync("displayName");
        await Assertions.Expect(page.Locator("tr[data-line='4'] [data-testid='row-error']")).ToContainTextAsync("country");
        await Assertions.Expect(page.Locator("tr[data-line='5'] [data-testid='row-error']")).ToContainTextAsync("roles");
        await Assertions.Expect(page.Locator("tr[data-line='2'] [data-testid='row-error']")).ToHaveCountAsync(0);
        await Browser.ScreenshotAsync(page, "organizer-import-errors");
        await Browser.AssertAccessibleAsync(page, "the organizer's import with errors");

        await page.FillAsync("[data-testid='csv-text']", "displayName,country,language,email,roles\nAmina Diallo,SN,en,amina@example.org,attendee\nIvan Petrov,RU,ru,,speaker\n");
        await page.TestId("import-submit").ClickAsync();
        await page.WaitForTextAsync("import-done", "2 new");

        await page.TestId("issue-invitations").ClickAsync();
        await Assertions.Expect(page.TestId("issued").Locator("tbody tr")).ToHaveCountAsync(2);
        var link = await page.TestId("issued").Locator(".join-url").First.InnerTextAsync();
        Assert.That(link, Does.Contain("/join#code=").Or.Contain("/join?code="));
        var download = await page.RunAndWaitForDownloadAsync(() => page.TestId("export-invitations").ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.That(csv, Does.Contain("amina@example.org").And.Contain(link));

        await page.TestId("revoke").First.ClickAsync();
        await page.WaitForTextAsync("organizer-status", "revoked");
        await using var guest = await Browser.NewContextAsync(_server.BaseAddress);
        var guestPage = await guest.NewPageAsync();
        await guestPage.GotoAsync(link.Replace(_server.BaseAddress.ToString().TrimEnd('/'), "", StringComparison.Ordinal));
        await Assertions.Expect(guestPage.TestId("join-error")).ToHaveAttributeAsync("data-reason", "join.revoked");

        // A link issued earlier is withdrawn from the person's row: Ivan's link stops working too.
        var ivanLink = await page.TestId("issued").Locator(".join-url").First.InnerTextAsync();
        await page.TestId("people").Locator("summary").ClickAsync();
        await page.TestId("people").Locator("li", new() { HasText = "Ivan Petrov" }).Locator("button").ClickAsync();
        await page.WaitForTextAsync("organizer-status", "Ivan Petrov: links revoked: 1");
        await guestPage.GotoAsync(ivanLink.Replace(_server.BaseAddress.ToString().TrimEnd('/'), "", StringComparison.Ordinal));
        await guestPage.ReloadAsync();
        await Assertions.Expect(guestPage.TestId("join-error")).ToHaveAttributeAsync("data-reason", "join.revoked");

        await page.TestId("registration-open").CheckAsync();
        await page.Locator("[data-testid='registration'] button[type='submit']").ClickAsync();
        await page.WaitForTextAsync("organizer-status", "Saved");
        var registration = await _server.SendAsync(HttpMethod.Get, $"/api/conferences/{id}/registration", null);
        Assert.That(registration["open"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task Organizer_ImportsAnAwardList_WithEachRowErrorBesideItsRow()
    {
        var conference = await _server.CreateConferenceAsync("Award list day",
            [Part("Opening"), new { kind = "awardsCeremony", title = "Medals", durationSeconds = 900, awardName = "Medal of Honour" }]);
        var id = conference["id"]!.GetValue<string>();
        await using var context = await Browser.NewContextAsync(_server.BaseAddress);
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoAsync("/organizer");
        await page.FillAsync("[data-testid='organizer-key']", WebServer.OrganizerKey);
        await page.Locator("[data-testid='sign-in'] button[type='submit']").ClickAsync();
        await Assertions.Expect(page.TestId("create-conference")).ToBeVisibleAsync();
        await page.GotoAsync($"/organizer/{id}");
        await page.TestId("tab-people").ClickAsync();
        await page.TestId("create-award").ClickAsync();
        var form = page.Locator("form[data-testid^='import-award-']");
        await Assertions.Expect(form).ToContainTextAsync("Medal of Honour: 0 recipients");

        await form.Locator("textarea").FillAsync("name,country,email,citation\nAmina Diallo,SN,,For courage\nNobody,ZZ,,For nothing\n");
        await form.Locator("[data-testid='import-submit']").ClickAsync();
        await Assertions.Expect(form.Locator("tr[data-line='3'] [data-testid='row-error']")).ToContainTextAsync("country");
        await Assertions.Expect(form.Locator("[data-testid='row-error']")).ToHaveCountAsync(1);

        await form.Locator("textarea").FillAsync("name,country,email,citation\nAmina Diallo,SN,,For courage\nIvan Petrov,RU,,For service\n");
        await form.Locator("[data-testid='import-submit']").ClickAsync();
        await Assertions.Expect(form).ToContainTextAsync("Medal of Honour: 2 recipients");
        await Browser.AssertAccessibleAsync(page, "the organizer's award list import");
    }

    [Test]
    public async Task Organizer_ReportTab_RendersTheChartsInEveryLanguage()
    {
        var conference = await _server.CreateConferenceAsync("Reported", [Part("First", 300), Part("Second", 300)]);
        var id = conference["id"]!.GetValue<string>();
        await _server.ShowAsync(id, "start");
        await _server.ShowAsync(id, "next");
        await _server.ShowAsync(id, "end");
        await using var context = await Browser.NewContextAsync(_server.BaseAddress, "az-AZ");
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoAsync("/organizer");
        await page.FillAsync("[data-testid='organizer-key']", WebServer.OrganizerKey);
        await page.Locator("[data-testid='sign-in'] button[type='submit']").ClickAsync();
        await Assertions.Expect(page.TestId("create-conference")).ToBeVisibleAsync();
        await page.GotoAsync($"/organizer/{id}");
        await page.TestId("tab-report").ClickAsync();

        await Assertions.Expect(page.TestId("report").Locator("svg").First).ToBeVisibleAsync();
        Assert.That(await page.TestId("report").Locator("svg").CountAsync(), Is.GreaterThan(0));
        await Assertions.Expect(page.TestId("print")).ToHaveTextAsync("Çap et");
        // The report itself is in the viewer's language too, and follows a switch.
        await Assertions.Expect(page.TestId("report").Locator("h2").Nth(1)).ToHaveTextAsync("Rəqəmlərlə");
        await Assertions.Expect(page.TestId("report")).ToContainTextAsync("Seqmentlər üzrə planlaşdırılan və faktiki dəqiqələr");
        await Browser.ScreenshotAsync(page, "organizer-report");
        await page.Locator("header select").SelectOptionAsync("ru");
        await Assertions.Expect(page.TestId("report").Locator("h2").Nth(1)).ToHaveTextAsync("В цифрах");
        await Browser.AssertAccessibleAsync(page, "the organizer's report");
    }

    [Test]
    public async Task Consoles_WithoutASession_OfferTheOrganizerSignIn()
    {
        var conference = await _server.CreateConferenceAsync("No session", [Part("Welcome")]);
        var id = conference["id"]!.GetValue<string>();
        await using var context = await Browser.NewContextAsync(_server.BaseAddress, "tr-TR");
        var page = await context.NewPageAsync();
        foreach (var console in new[] { "host", "producer" })
        {
            await page.GotoAsync($"/e/{id}/{console}");
            await Assertions.Expect(page.TestId("sign-in")).ToBeVisibleAsync();
            await Assertions.Expect(page.TestId("sign-in")).ToContainTextAsync("Organizatör girişi");
            await Browser.AssertAccessibleAsync(page, $"the {console} console's sign-in");
        }

        // An attendee's own session does not open a console: the page asks for the right sign-in instead.
        var (attendeeContext, attendee) = await _server.JoinInBrowserAsync(id, "Just Watching", "attendee");
        await using var _ = attendeeContext;
        await attendee.GotoAsync($"/e/{id}/host");
        await Assertions.Expect(attendee.TestId("sign-in")).ToBeVisibleAsync();
    }
}
