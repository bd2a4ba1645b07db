using Microsoft.Playwright;
using SeriousCases.Tests.Retention;

namespace SeriousCases.Tests.Browser;

/// <summary>The Administrator places a legal hold on an old case (a mistake explained first), sees the dry run keep it,
/// lifts the hold and sees the dry run dispose of it again. Every page is checked with axe. The customer is invented.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class RetentionJourneyTests(BrowserFixture app)
{
    [Fact]
    public async Task The_administrator_holds_a_case_sees_the_dry_run_skip_it_and_lifts_the_hold()
    {
        var (reference, _) = await RetentionPageTests.OldCaseAsync(app);
        var page = await app.NewPageAsync();
        await JourneyTests.SignInAsync(page, "Adi Administrator");
        await page.GotoAsync("/admin/retention");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GotoAsync("/admin/retention/dry-run");
        await BrowserFixture.AssertAccessibleAsync(page);
        Assert.Contains("To dispose of", await page.Locator($"[id='case-{reference}']").TextContentAsync(), StringComparison.Ordinal);

        await page.GotoAsync("/admin/retention/holds");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Place a legal hold" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/admin/retention/holds/new", StringComparison.Ordinal));
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("IPR or referral reference").FillAsync(reference);
        await page.GetByRole(AriaRole.Button, new() { Name = "Place the hold" }).ClickAsync();
        await page.Locator(".govuk-error-summary").WaitForAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        Assert.Equal(reference, await page.GetByLabel("IPR or referral reference").InputValueAsync());
        await page.GetByLabel("Why must the case be kept?").FillAsync("Inquest pending");
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Place the hold" }),
            url => url.EndsWith("/admin/retention/holds", StringComparison.Ordinal), "Place the hold");
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GotoAsync("/admin/retention/dry-run");
        Assert.Contains("On legal hold", await page.Locator($"[id='case-{reference}']").TextContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GotoAsync("/admin/retention/holds");
        await page.Locator("tbody tr", new() { HasText = reference }).GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/lift", StringComparison.Ordinal));
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("Why can the hold be lifted?").FillAsync("Inquest concluded");
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Lift the hold" }),
            url => url.EndsWith("/admin/retention/holds", StringComparison.Ordinal), "Lift the hold");
        Assert.Contains("Inquest concluded", await page.Locator("main").TextContentAsync(), StringComparison.Ordinal);

        await page.GotoAsync("/admin/retention/dry-run");
        Assert.Contains("To dispose of", await page.Locator($"[id='case-{reference}']").TextContentAsync(), StringComparison.Ordinal);
        await page.GotoAsync("/admin/retention/subject-access");
        await BrowserFixture.AssertAccessibleAsync(page);
    }
}
