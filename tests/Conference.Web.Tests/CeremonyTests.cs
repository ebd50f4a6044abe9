using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Conference.Web.Tests;

/// <summary>A whole ceremony in browsers: the organizer builds it, the host runs it, the producer calls the awardees, the report tells it.</summary>
public sealed class CeremonyTests
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

    [Test]
    public async Task Ceremony_BuiltRunAndCalledUpInBrowsers_TheReportTellsWhatHappened()
    {
        // The organizer builds the program in the browser.
        await using var organizerContext = await Browser.NewContextAsync(_server.BaseAddress);
        var organizer = await organizerContext.NewPageAsync();
        await organizer.SetViewportSizeAsync(1280, 900);
        await organizer.GotoAsync("/organizer");
        await organizer.FillAsync("[data-testid='organizer-key']", WebServer.OrganizerKey);
        await organizer.Locator("[data-testid='sign-in'] button[type='submit']").ClickAsync();
        await organizer.FillAsync("#new-title", "Solidarity evening");
        await organizer.FillAsync("#new-zone", "Asia/Baku");
        await organizer.FillAsync("#new-languages", "az, en");
        await organizer.Locator("[data-testid='create-conference'] button[type='submit']").ClickAsync();
        await organizer.WaitForURLAsync(new Regex("/organizer/[0-9a-f-]{36}$"));
        var id = organizer.Url.Split('/')[^1];
        foreach (var (kind, title) in new[] { ("anthem", "Anthem"), ("speech", "Welcome address"), ("awardsCeremony", "Medal of Honour") })
        {
            await organizer.SelectOptionAsync("#new-seg-kind", kind);
            await organizer.FillAsync("#new-seg-title", title);
            await organizer.FillAsync("#new-seg-speaker", kind == "speech" ? "Rashad Mammadov" : "");
            await organizer.FillAsync("#new-seg-country", kind == "speech" ? "AZ" : "");
            await organizer.Locator("[data-testid='add-segment'] button[type='submit']").ClickAsync();
            await Assertions.Expect(organizer.TestId("segments")).ToContainTextAsync(title);
        }

        // The award list (its CSV import has a test of its own) comes through the API.
        var conference = await _server.SendAsync(HttpMethod.Get, $"/api/conferences/{id}", null);
        var ceremony = conference["segments"]![2]!["id"]!.GetValue<string>();
        var award = await _server.SendAsync(HttpMethod.Post, $"/api/conferences/{id}/awards", new { segmentId = ceremony });
        var revision = award["revision"]!.GetValue<int>();
        foreach (var (name, country) in new[] { ("Amina Diallo", "SN"), ("Ivan Petrov", "RU") })
        {
            var person = await _server.SendAsync(HttpMethod.Post, $"/api/conferences/{id}/participants",
                new { displayName = name, country, language = "en", roles = new[] { "awardee" } });
            award = await _server.SendAsync(HttpMethod.Post, $"/api/conferences/{id}/awards/{award["id"]}/recipients",
                new { expectedRevision = revision, participantId = person["id"] });
            revision = award["revision"]!.GetValue<int>();
        }

        var (hostContext, host) = await _server.JoinInBrowserAsync(id, "Leyla Host", "host");
        await using var _ = hostContext;
        var (producerContext, producer) = await _server.JoinInBrowserAsync(id, "Rauf Producer", "producer");
        await using var __ = producerContext;
        var (guestContext, guest) = await _server.JoinInBrowserAsync(id, "Guest", "attendee");
        await using var ___ = guestContext;

        // The host runs the agenda through; the participant and the producer follow.
        // Each press waits until the host's console shows the previous one: a press on an older revision is refused.
        await host.TestId("start").ClickAsync();
        await host.WaitForTextAsync("now", "Anthem");
        await guest.WaitForTextAsync("now", "Anthem");
        await host.Keyboard.PressAsync("n");
        await host.WaitForTextAsync("now", "Welcome address");
        await guest.WaitForTextAsync("now", "Welcome address");
        await host.Keyboard.PressAsync("n");
        await host.WaitForTextAsync("now", "Medal of Honour");
        await guest.WaitForTextAsync("now", "Medal of Honour");
        await producer.WaitForTextAsync("now", "Medal of Honour");

        // The producer calls the awardees up.
        await producer.WaitForTextAsync("current-recipient", "Amina Diallo");
        await producer.TestId("called").Locator("[data-testid='mark-presented']").ClickAsync();
        await producer.WaitForTextAsync("tally", "1 presented");
        // Moving the cue drives the show: the host calls the next one (a producer is not offered the button).
        await Assertions.Expect(producer.TestId("next-recipient")).ToHaveCountAsync(0);
        await host.TestId("next-cue").ClickAsync();
        await producer.WaitForTextAsync("current-recipient", "Ivan Petrov");
        await producer.TestId("called").Locator("[data-testid='mark-absent']").ClickAsync();
        await producer.WaitForTextAsync("tally", "1 absent");

        await host.TestId("end").ClickAsync();
        await Assertions.Expect(host.TestId("end")).ToContainTextAsync("again");
        await host.TestId("end").ClickAsync();
        await guest.WaitForTextAsync("now", "The show has ended");

        // The report says what happened: every segment ran, who was presented and who was absent.
        await organizer.GotoAsync($"/organizer/{id}");
        await organizer.TestId("tab-report").ClickAsync();
        var report = organizer.TestId("report");
        await Assertions.Expect(report.Locator("table").First).ToContainTextAsync("Welcome address");
        var rows = report.Locator("table").First.Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        for (var i = 0; i < 3; i++)
        {
            await Assertions.Expect(rows.Nth(i).Locator("td").Nth(5)).ToHaveTextAsync("1", new() { Timeout = 2000 });
        }

        await Assertions.Expect(report.Locator("tr", new() { HasText = "Amina Diallo" })).ToContainTextAsync("presented");
        await Assertions.Expect(report.Locator("tr", new() { HasText = "Ivan Petrov" })).ToContainTextAsync("absent");
        await Assertions.Expect(report).ToContainTextAsync("2 recipients from 2 countries: 1 presented, 1 absent");
        await Browser.ScreenshotAsync(organizer, "ceremony-report");
        await Browser.AssertAccessibleAsync(organizer, "the report after the ceremony");
    }
}
