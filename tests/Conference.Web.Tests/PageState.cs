using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Conference.Web.Tests;

/// <summary>Reading what a page shows, and waiting on it (never on the clock).</summary>
public static class PageState
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public static ILocator TestId(this IPage page, string id) => page.Locator($"[data-testid='{id}']");

    /// <summary>A browser of its own, signed in with a join link of the given role: a host or producer lands on their console.</summary>
    public static async Task<(IBrowserContext Context, IPage Page)> JoinInBrowserAsync(
        this WebServer server, string conferenceId, string name, string role, string locale = "en-US")
    {
        ArgumentNullException.ThrowIfNull(server);
        var code = await server.InviteAsync(conferenceId, name, role);
        var context = await Browser.NewContextAsync(server.BaseAddress, locale);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/join#code={code}");
        if (role is "host" or "producer")
        {
            await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/e/{conferenceId}/{role}$"), new() { Timeout = (float)Patience.TotalMilliseconds });
        }
        else
        {
            await page.WaitForLiveViewAsync(conferenceId, server);
        }

        return (context, page);
    }

    /// <summary>
    /// Waits until the browser shows the conference's live view, by polling the page's address: waiting for a
    /// navigation event timed out now and then with the page already on the live view (the navigation had come and
    /// gone). The page's own state is waited on next. On a timeout the failure says where the page stayed, what it
    /// showed and what the server logged.
    /// </summary>
    public static async Task WaitForLiveViewAsync(this IPage page, string conferenceId, WebServer server)
    {
        try
        {
            await Assertions.Expect(page).ToHaveURLAsync(
                new Regex($"/e/{Regex.Escape(conferenceId)}/live([?#].*)?$"),
                new() { Timeout = (float)Patience.TotalMilliseconds });
        }
        catch (PlaywrightException timeout)
        {
            var shown = await page.Locator("body").InnerTextAsync(new() { Timeout = 2000 });
            throw new AssertionException(
                $"The join page did not open the live view: it is at {page.Url}, showing:\n{shown}\nServer log:\n{server.RecentOutput}",
                timeout);
        }
    }

    public static Task WaitForTextAsync(this IPage page, string testId, string text) =>
        Assertions.Expect(page.TestId(testId)).ToContainTextAsync(text, new() { Timeout = (float)Patience.TotalMilliseconds });

    /// <summary>The page's own deadline estimate: local instant of the reading plus the remaining time it drew.</summary>
    public static async Task<double> DeadlineAsync(this IPage page)
    {
        var reading = await page.EvaluateAsync<string>(
            "() => { const e = document.querySelector(\"[data-testid='remaining']\"); return e.dataset.remainingMs + ' ' + e.dataset.at; }");
        var parts = reading.Split(' ');
        return double.Parse(parts[1], CultureInfo.InvariantCulture) + double.Parse(parts[0], CultureInfo.InvariantCulture);
    }

    public static async Task<double> RemainingAsync(this IPage page) =>
        double.Parse(await page.TestId("remaining").GetAttributeAsync("data-remaining-ms") ?? "NaN", CultureInfo.InvariantCulture);

    /// <summary>Waits until the page draws a countdown that satisfies the JavaScript condition on <c>ms</c>.</summary>
    public static Task WaitForRemainingAsync(this IPage page, string condition) =>
        page.WaitForFunctionAsync(
            "() => { const e = document.querySelector(\"[data-testid='remaining']\");" +
            " if (!e || e.dataset.remainingMs === undefined) return false;" +
            $" const ms = Number(e.dataset.remainingMs); return {condition}; }}",
            null, new() { Timeout = (float)Patience.TotalMilliseconds });
}
