using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Browser;

/// <summary>The app on real Kestrel (its own test database) and one Debian chromium for the
/// browser tests. Playwright never downloads a browser here: it drives /usr/bin/chromium.</summary>
public sealed class BrowserFixture : ServiceFactory
{
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    // Kestrel serves plain HTTP here; Development is the environment whose cookies allow that.
    protected override string EnvironmentName => "Development";

    public string BaseUrl { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        // Chromium treats http://localhost as a secure context, so the Secure cookies work over plain HTTP.
        BaseUrl = new UriBuilder(address) { Host = "localhost" }.Uri.ToString().TrimEnd('/');
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("SCL_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    protected override async Task DisposeFixtureAsync()
    {
        await Browser.DisposeAsync();
        playwright?.Dispose();
        await base.DisposeFixtureAsync();
    }

    public async Task<IPage> NewPageAsync(bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, JavaScriptEnabled = javaScript });
        // Generous: CI has two cores shared with PostgreSQL and the other test classes running in parallel.
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>axe-core with the WCAG 2.2 AA tags and no rule disabled; fails listing every violation.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });
        var problems = result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(" | ", v.Nodes.Select(n => n.Target.ToString()))}").ToList();
        Assert.True(problems.Count == 0, $"Accessibility violations on {page.Url}:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }
}
