using Microsoft.Playwright;
using SeriousCases.Core.Demo;
using SeriousCases.Core.Identity;

namespace SeriousCases.Tests.Browser;

[CollectionDefinition(nameof(BrowserCollection))]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>;

/// <summary>Real pages in a real browser, every one checked with axe-core for WCAG 2.2 AA.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class JourneyTests(BrowserFixture app)
{
    private static async Task SignInAsync(IPage page, string name, bool checkAccessibility = true)
    {
        await page.GotoAsync("/sign-in");
        if (checkAccessibility)
        {
            // axe-core is JavaScript: it cannot run in a page with scripting switched off.
            await BrowserFixture.AssertAccessibleAsync(page);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = $"Sign in as {name},", Exact = false }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
    }

    public static TheoryData<string> DemoEmails => [.. DemoUsers.All.Select(u => u.Email)];

    [Theory]
    [MemberData(nameof(DemoEmails))]
    public async Task Each_demo_user_signs_in_and_sees_only_their_sections(string email)
    {
        var user = DemoUsers.All.Single(u => u.Email == email);
        var page = await app.NewPageAsync();
        await SignInAsync(page, user.Name);

        Assert.Equal("What needs your attention", await page.Locator("h1").TextContentAsync());
        await BrowserFixture.AssertAccessibleAsync(page);
        var sections = await page.Locator(".govuk-service-navigation__list a").AllTextContentsAsync();
        Assert.Equal(user.Role == Roles.Administrator, sections.Any(s => s.Contains("Audit trail", StringComparison.Ordinal)));

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        Assert.Equal("You have signed out", await page.Locator("h1").TextContentAsync());
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Administrator_searches_the_audit_trail_and_opens_an_entry()
    {
        var page = await app.NewPageAsync();
        await SignInAsync(page, "Adi Administrator");
        await page.GetByRole(AriaRole.Link, new() { Name = "Audit trail" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByLabel("Day").First.FillAsync("31");
        await page.GetByLabel("Month").First.FillAsync("2");
        await page.GetByLabel("Year").First.FillAsync("2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        Assert.StartsWith("Error:", await page.TitleAsync());
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GotoAsync("/admin/audit?actor=admin%40demo.test");
        await page.Locator("table a").First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/admin/audit/", StringComparison.Ordinal));
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Administrator_changes_a_service_line_and_sees_it_saved()
    {
        var page = await app.NewPageAsync();
        await SignInAsync(page, "Adi Administrator");
        await page.GotoAsync("/admin/reference-data/service-lines");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Change Carer's Allowance" }).Or(page.Locator("table a").First).First.ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByLabel("Abbreviation").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        Assert.StartsWith("Error:", await page.TitleAsync());
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByLabel("Abbreviation").FillAsync("XX");
        await page.GetByLabel("Description (optional)").FillAsync("Changed in a browser test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        Assert.Contains("has been saved", await page.Locator(".govuk-notification-banner").TextContentAsync());
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Sign_in_works_without_javascript()
    {
        var page = await app.NewPageAsync(javaScript: false);
        await SignInAsync(page, "Tara Triage", checkAccessibility: false);
        Assert.Equal("What needs your attention", await page.Locator("h1").TextContentAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Help_pages_are_accessible_without_signing_in()
    {
        var page = await app.NewPageAsync();
        foreach (var url in new[] { "/help/accessibility", "/help/privacy", "/help/cookies", "/error/404" })
        {
            await page.GotoAsync(url);
            await BrowserFixture.AssertAccessibleAsync(page);
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_accessibility_check_fails_on_a_page_with_a_violation()
    {
        // Proves the check above can fail: an unlabelled input and an image without alt text.
        var page = await app.NewPageAsync();
        await page.SetContentAsync("<!DOCTYPE html><html lang=\"en\"><head><title>Broken</title></head><body><main><h1>Broken</h1><img src=\"data:,\"><input type=\"text\"></main></body></html>");
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => BrowserFixture.AssertAccessibleAsync(page));
        Assert.Contains("image-alt", failure.Message, StringComparison.Ordinal);
        Assert.Contains("label", failure.Message, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
