using System.Text.Json;
using Microsoft.Playwright;

namespace Conference.Web.Tests;

/// <summary>
/// One headless Chromium for the whole assembly: Debian's /usr/bin/chromium (no Playwright browser
/// download here), with the flags this machine needs and autoplay allowed as a person who clicked would.
/// </summary>
[SetUpFixture]
public sealed class Browser
{
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;

    public static IBrowser Instance => _browser ?? throw new InvalidOperationException("The browser did not start.");

    public static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            Assert.Fail($"Chromium is missing at {ChromiumPath}: apt-get install -y chromium (./scripts/test.sh installs it).");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--autoplay-policy=no-user-gesture-required", "--disable-background-timer-throttling",
                "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows",
            ],
        });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>A fresh profile (own storage) at phone size, speaking English unless told otherwise.</summary>
    /// <remarks>
    /// The server's content security policy stays on: every console report of a violation is kept, and
    /// <see cref="AssertAccessibleAsync"/> fails on any, so each page checked there is also checked to run under the policy.
    /// </remarks>
    public static async Task<IBrowserContext> NewContextAsync(Uri baseAddress, string locale = "en-US")
    {
        var context = await Instance.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            Locale = locale,
            TimezoneId = "Europe/Berlin",
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
        });
        var violations = CspViolations.GetOrCreateValue(context);
        context.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                lock (violations)
                {
                    violations.Add(message.Text);
                }
            }
        };
        return context;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IBrowserContext, List<string>> CspViolations = [];

    /// <summary>Saves the page at phone and desktop size, as test attachments and under screenshots/.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(WebServer.RepositoryRoot, "tests", "Conference.Web.Tests", "screenshots");
        Directory.CreateDirectory(folder);
        var original = page.ViewportSize;
        foreach (var (width, height) in new[] { (360, 740), (1280, 800) })
        {
            await page.SetViewportSizeAsync(width, height);
            var path = Path.Combine(folder, $"{name}-{width}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Animations = ScreenshotAnimations.Disabled });
            TestContext.AddTestAttachment(path, $"{name} at {width}x{height}");
        }

        if (original is not null)
        {
            await page.SetViewportSizeAsync(original.Width, original.Height);
        }
    }

    /// <summary>Runs axe-core in the page and fails on any serious or critical violation.</summary>
    public static async Task AssertAccessibleAsync(IPage page, string what)
    {
        var axe = Path.Combine(WebServer.RepositoryRoot, "src", "Conference.Web", "node_modules", "axe-core", "axe.min.js");
        Assert.That(File.Exists(axe), Is.True, $"axe-core is missing at {axe}: run npm ci in src/Conference.Web.");
        if (CspViolations.TryGetValue(page.Context, out var violated))
        {
            lock (violated)
            {
                Assert.That(violated, Is.Empty, $"{what} broke the server's content security policy");
            }
        }

        // Evaluated through the DevTools protocol, which the page's policy does not govern (a script tag would be inline).
        await page.EvaluateAsync(await File.ReadAllTextAsync(axe));
        var result = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations" +
            ".filter(v => v.impact === 'serious' || v.impact === 'critical')" +
            ".map(v => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map(n => n.target.join(' ')).join(', ')})`)");
        var violations = result.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.That(violations, Is.Empty, $"axe-core found serious or critical violations on {what}");
    }
}
