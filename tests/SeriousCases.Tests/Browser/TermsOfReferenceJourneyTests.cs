using Microsoft.Playwright;

namespace SeriousCases.Tests.Browser;

/// <summary>In a real browser, checked with axe on every page: the secretariat reads the Terms of Reference, compares the
/// two versions, finds the Panel of 19 March 2020, and meets the error summaries of the new-version and new-member forms
/// (nothing is saved: the browser tests share one database).</summary>
[Collection(nameof(BrowserCollection))]
public sealed class TermsOfReferenceJourneyTests(BrowserFixture app)
{
    [Fact]
    public async Task The_secretariat_reads_and_compares_the_terms_of_reference_and_finds_a_past_membership()
    {
        var page = await app.NewPageAsync();
        await JourneyTests.SignInAsync(page, "Sam Secretariat", checkAccessibility: false);

        await page.GotoAsync("/panel/terms-of-reference");
        await BrowserFixture.AssertAccessibleAsync(page);
        await JourneyTests.ClickAndWaitAsync(page, page.Locator("#versions").GetByRole(AriaRole.Link, new() { Name = "Terms of Reference (January 2024)" }),
            url => !url.EndsWith("/panel/terms-of-reference", StringComparison.Ordinal), "The January 2024 version");
        await BrowserFixture.AssertAccessibleAsync(page);
        Assert.Equal("Purpose", (await page.Locator("#terms-of-reference-text h2").First.TextContentAsync())!.Trim());

        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "See what changed from Terms of Reference (2 July 2020)" }),
            url => url.Contains("/compare?", StringComparison.Ordinal), "The comparison");
        await BrowserFixture.AssertAccessibleAsync(page);
        Assert.Contains(await page.Locator("#diff ins").AllTextContentsAsync(), t => t.Contains("departmental quality data", StringComparison.Ordinal));

        await page.GotoAsync("/panel/terms-of-reference/new");
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Add version" }),
            url => url.EndsWith("/panel/terms-of-reference/new", StringComparison.Ordinal), "The empty form");
        await page.Locator(".govuk-error-summary").WaitForAsync();
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GotoAsync("/panel/membership");
        await page.GetByLabel("Day").FillAsync("19");
        await page.GetByLabel("Month").FillAsync("3");
        await page.GetByLabel("Year").FillAsync("2020");
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Show membership" }),
            url => url.Contains("on.day=19", StringComparison.Ordinal), "The membership on 19 March 2020");
        await BrowserFixture.AssertAccessibleAsync(page);
        Assert.Equal("11 members.", (await page.Locator("#member-count").TextContentAsync())!.Trim());

        await page.GotoAsync("/panel/membership/new");
        await page.GetByLabel("Chair", new() { Exact = true }).CheckAsync();
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Add member" }),
            url => url.EndsWith("/panel/membership/new", StringComparison.Ordinal), "The incomplete member");
        await page.Locator(".govuk-error-summary").WaitForAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        Assert.True(await page.GetByLabel("Chair", new() { Exact = true }).IsCheckedAsync());
        await page.Context.CloseAsync();
    }
}
