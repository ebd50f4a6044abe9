using System.Globalization;
using Microsoft.Playwright;

namespace Conference.Web.Tests;

/// <summary>Reading what a page shows, and waiting on it (never on the clock).</summary>
public static class PageState
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public static ILocator TestId(this IPage page, string id) => page.Locator($"[data-testid='{id}']");

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
