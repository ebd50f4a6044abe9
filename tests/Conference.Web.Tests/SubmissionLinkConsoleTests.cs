using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Conference.Web.Tests;

/// <summary>The producer console's submission links: made, copied, followed and revoked in the browser, checked against the contributors' API.</summary>
public sealed class SubmissionLinkConsoleTests
{
    // The browser contexts of these tests run in Berlin (Browser.NewContextAsync): the deadline typed is read there.
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private WebServer _server = null!;
    private HttpClient _contributor = null!;

    [OneTimeSetUp]
    public async Task StartServerAsync()
    {
        _server = new WebServer();
        await _server.StartAsync();
        _contributor = new HttpClient { BaseAddress = _server.BaseAddress };
    }

    [OneTimeTearDown]
    public async Task StopServerAsync()
    {
        _contributor.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, string Body)> OpenAsContributorAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/appeal-submissions");
        request.Headers.Add("X-Submission-Token", token);
        using var response = await _contributor.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static ILocator Row(IPage producer, string label) => producer.Locator("[data-testid='link']", new() { HasText = label });

    /// <summary>A datetime-local value: the wall-clock time in Berlin, to the minute.</summary>
    private static string BerlinInput(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Berlin).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    [Test]
    public async Task ProducerConsole_CreatesCopiesAndRevokesASubmissionLink_TheTokenWorksUntilRevoked()
    {
        var conference = await _server.CreateConferenceAsync("Solidarity evening", [
            new { kind = "custom", title = "Welcome", durationSeconds = 600 },
            new { kind = "videoAppeals", title = "Appeals from abroad", durationSeconds = 600 },
        ]);
        var id = conference["id"]!.GetValue<string>();
        var block = conference["segments"]![1]!["id"]!.GetValue<string>();

        var (context, producer) = await _server.JoinInBrowserAsync(id, "Rauf Producer", "producer");
        await using var _ = context;
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await producer.SetViewportSizeAsync(1280, 800);
        await producer.WaitForTextAsync("links-panel", "Submission links");
        await producer.WaitForTextAsync("links-list", "No links yet");
        await Assertions.Expect(producer.TestId("link-segment")).ToHaveValueAsync(block);

        // The deadline offered is a week on, in the producer's own time.
        var offered = DateTime.ParseExact(await producer.TestId("link-deadline").InputValueAsync(), "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        var weekOn = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddDays(7), Berlin).DateTime;
        Assert.That(offered, Is.EqualTo(weekOn).Within(TimeSpan.FromMinutes(5)), "the default deadline, in Berlin wall-clock time");

        // A deadline already past is the server's to refuse: its sentence shows, and no link is made.
        await producer.TestId("link-label").FillAsync("Berlin Azerbaijani Society");
        await producer.TestId("link-deadline").FillAsync(BerlinInput(DateTimeOffset.UtcNow.AddDays(-1)));
        await producer.TestId("link-create").ClickAsync();
        await producer.WaitForTextAsync("links-feedback", "The deadline of a submission link must lie in the future.");
        await Assertions.Expect(producer.TestId("links-feedback")).ToHaveAttributeAsync("role", "alert");
        await Assertions.Expect(producer.TestId("link-issued")).ToHaveCountAsync(0);
        var none = await _server.SendAsync(HttpMethod.Get, $"/api/conferences/{id}/appeals/links", null);
        Assert.That(none["items"]!.AsArray(), Is.Empty);

        // Ten days on at 18:00 Berlin time: the server stores that instant.
        var deadlineDay = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddDays(10), Berlin).Date.AddHours(18);
        var deadline = new DateTimeOffset(deadlineDay, Berlin.GetUtcOffset(deadlineDay));
        await producer.TestId("link-deadline").FillAsync(deadlineDay.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await producer.TestId("link-create").ClickAsync();
        await producer.WaitForTextAsync("links-feedback", "A link for Berlin Azerbaijani Society was created.");
        await producer.WaitForTextAsync("link-issued", "This link is shown now only and never again.");
        await producer.WaitForTextAsync("link-issued", "send it to Berlin Azerbaijani Society only");
        await Assertions.Expect(producer.TestId("link-address")).ToHaveAttributeAsync("readonly", "");
        await Assertions.Expect(producer.TestId("link-address")).ToBeFocusedAsync();
        await Assertions.Expect(producer.TestId("link-label")).ToHaveValueAsync("");

        var address = await producer.TestId("link-address").InputValueAsync();
        var match = Regex.Match(address, $"^{Regex.Escape(_server.BaseAddress.GetLeftPart(UriPartial.Authority))}/submit#([A-Za-z0-9_-]{{16,}})$");
        Assert.That(match.Success, Is.True, $"the address to send is the contributor page with the token in its fragment: {address}");
        var token = match.Groups[1].Value;

        await producer.TestId("link-copy").ClickAsync();
        await producer.WaitForTextAsync("link-copied", "Copied to the clipboard.");
        Assert.That(await producer.EvaluateAsync<string>("() => navigator.clipboard.readText()"), Is.EqualTo(address));

        var (status, body) = await OpenAsContributorAsync(token);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body);
        var view = JsonNode.Parse(body)!;
        Assert.That(view["label"]!.GetValue<string>(), Is.EqualTo("Berlin Azerbaijani Society"));
        Assert.That(view["segmentTitle"]!.GetValue<string>(), Is.EqualTo("Appeals from abroad"));
        Assert.That(view["deadline"]!.GetValue<DateTimeOffset>(), Is.EqualTo(deadline));

        // Listed as active, with its deadline in the producer's time and nothing sent yet.
        var row = Row(producer, "Berlin Azerbaijani Society");
        await Assertions.Expect(row.TestIdIn("link-status")).ToHaveTextAsync("Active");
        await Assertions.Expect(row).ToContainTextAsync("Appeals from abroad");
        await Assertions.Expect(row).ToContainTextAsync("6:00 PM");
        await Assertions.Expect(row.TestIdIn("link-sent")).ToHaveTextAsync("Nothing sent yet");

        // The contributor sends an appeal through it; the refreshed list says so.
        using (var upload = new HttpRequestMessage(HttpMethod.Post,
            "/api/appeal-submissions?senderKind=organization&senderName=Berlin%20Azerbaijani%20Society&country=DE&language=az&title=Happy%20Solidarity%20Day"))
        {
            upload.Headers.Add("X-Submission-Token", token);
            upload.Content = new ByteArrayContent(await File.ReadAllBytesAsync(await TestVideos.ThreeSecondsAsync()));
            upload.Content.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
            using var sent = await _contributor.SendAsync(upload);
            Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.OK), await sent.Content.ReadAsStringAsync());
        }

        await producer.TestId("links-refresh").ClickAsync();
        await Assertions.Expect(row.TestIdIn("link-sent")).ToContainTextAsync("Uploads: 1 · last ", new() { Timeout = (float)PageState.Patience.TotalMilliseconds });

        // Once hidden, the token is nowhere in the page: it was shown once.
        await producer.TestId("link-issued-close").ClickAsync();
        await Assertions.Expect(producer.TestId("link-issued")).ToHaveCountAsync(0);
        Assert.That(await producer.ContentAsync(), Does.Not.Contain(token));

        // Revoking asks first; cancelling keeps the link.
        await row.TestIdIn("link-revoke").ClickAsync();
        await producer.WaitForTextAsync("link-revoke-form", "Revoke the link for Berlin Azerbaijani Society?");
        await Assertions.Expect(producer.TestId("link-revoke-confirm")).ToBeFocusedAsync();
        await producer.TestId("link-revoke-cancel").ClickAsync();
        await Assertions.Expect(producer.TestId("link-revoke-form")).ToHaveCountAsync(0);
        await Assertions.Expect(row.TestIdIn("link-revoke")).ToBeFocusedAsync();
        Assert.That((await OpenAsContributorAsync(token)).Status, Is.EqualTo(HttpStatusCode.OK), "cancelled: the link still works");

        await row.TestIdIn("link-revoke").ClickAsync();
        await producer.TestId("link-revoke-confirm").ClickAsync();
        await producer.WaitForTextAsync("links-feedback", "The link for Berlin Azerbaijani Society is revoked");
        await Assertions.Expect(row.TestIdIn("link-status")).ToContainTextAsync("Revoked");
        await Assertions.Expect(row.TestIdIn("link-revoke")).ToHaveCountAsync(0);
        await Assertions.Expect(row.TestIdIn("link-sent")).ToContainTextAsync("Uploads: 1");
        (status, body) = await OpenAsContributorAsync(token);
        Assert.That(status, Is.EqualTo(HttpStatusCode.Forbidden), body);

        // A second link, left on screen for the pictures: one revoked and one active in the list.
        await producer.TestId("link-label").FillAsync("Office of the Ambassador");
        await producer.TestId("link-create").ClickAsync();
        await producer.WaitForTextAsync("link-issued", "Link for Office of the Ambassador");
        await Assertions.Expect(Row(producer, "Office of the Ambassador").TestIdIn("link-status")).ToHaveTextAsync("Active");
        await Assertions.Expect(producer.TestId("link")).ToHaveCountAsync(2);

        await Browser.AssertAccessibleAsync(producer, "the producer console's submission links");
        await producer.TestId("links-panel").ScrollIntoViewIfNeededAsync();
        await Browser.ScreenshotAsync(producer, "producer-links");
    }

    [Test]
    public async Task ProducerConsole_ProgramWithoutAppealsSegment_OffersNoSubmissionLinks()
    {
        var conference = await _server.CreateConferenceAsync("Plain evening", [new { kind = "custom", title = "Welcome", durationSeconds = 600 }]);
        var id = conference["id"]!.GetValue<string>();
        var (context, producer) = await _server.JoinInBrowserAsync(id, "Rauf Producer", "producer");
        await using var _ = context;
        // The links are loaded once the program is: by then the page knows there is nowhere for a link's appeal to go.
        await producer.WaitForTextAsync("links-list", "No links yet");
        await Assertions.Expect(producer.TestId("links-panel")).ToBeHiddenAsync();
        await Assertions.Expect(producer.TestId("appeals-panel")).ToContainTextAsync("no video-appeals segment");
    }
}
