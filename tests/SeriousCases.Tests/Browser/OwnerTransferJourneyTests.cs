using Microsoft.Playwright;
using SeriousCases.Tests.Actions;

namespace SeriousCases.Tests.Browser;

/// <summary>An Administrator moves an abolished team's open activities to its successor in a real browser: the
/// confirmation count, the error summary with what was typed kept, and the result. Every page is checked with axe.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class OwnerTransferJourneyTests(BrowserFixture app)
{
    [Fact]
    public async Task An_administrator_moves_a_reorganised_teams_open_activities_to_its_successor()
    {
        var c = await app.WithDbAsync(db => TransferCase.CreateAsync(db, "T961", "ACT-2026-961"));
        var page = await app.NewPageAsync();
        await JourneyTests.SignInAsync(page, "Adi Administrator");
        await page.GotoAsync("/admin/reference-data/owner-teams");
        await BrowserFixture.AssertAccessibleAsync(page);
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = $"Move activities of {c.FromName}" }),
            url => url.EndsWith("/move", StringComparison.Ordinal), "Move activities");
        await BrowserFixture.AssertAccessibleAsync(page);
        Assert.Contains("6 open activities will move", await page.Locator(".govuk-warning-text").TextContentAsync(), StringComparison.Ordinal);

        await page.GetByLabel("Why are the activities moving?").FillAsync("the team merged into its successor");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move 6 open activities" }).ClickAsync();
        Assert.StartsWith("Error:", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.Contains("Select the team that takes over the activities", await page.Locator(".govuk-error-summary").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("the team merged into its successor", await page.GetByLabel("Why are the activities moving?").InputValueAsync());
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByLabel("Team that takes over the activities").SelectOptionAsync(c.ToName);
        await page.GetByLabel("Yes").CheckAsync();
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Move 6 open activities" }),
            url => url.EndsWith("/admin/reference-data/owner-teams", StringComparison.Ordinal), "Move");
        Assert.Contains($"6 open activities moved from {c.FromName} to {c.ToName}; {c.FromName} is marked abolished",
            await page.Locator(".govuk-notification-banner").TextContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }
}
