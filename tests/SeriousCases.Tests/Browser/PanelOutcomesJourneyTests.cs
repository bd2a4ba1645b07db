using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace SeriousCases.Tests.Browser;

/// <summary>The secretariat records a decision that commissions work and an action point for the 19 March 2020 meeting in
/// a real browser: the commissioned work's questions show only when asked for, a mistake is explained and nothing entered
/// is lost, and the number given is announced. Every page is checked with axe.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class PanelOutcomesJourneyTests(BrowserFixture app)
{
    [Fact]
    public async Task The_secretariat_records_a_decision_and_an_action_point()
    {
        var id = await app.WithDbAsync(db => db.PanelMeetings.Where(m => m.MeetingOn == new DateOnly(2020, 3, 19)).Select(m => m.Id).SingleAsync());
        var page = await app.NewPageAsync();
        await JourneyTests.SignInAsync(page, "Sam Secretariat", checkAccessibility: false);
        await page.GotoAsync($"/panel/meetings/{id}/decisions");
        await BrowserFixture.AssertAccessibleAsync(page);

        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Add a decision" }),
            url => url.EndsWith("/decisions/new", StringComparison.Ordinal), "Add a decision");
        await BrowserFixture.AssertAccessibleAsync(page);
        Assert.False(await page.Locator("#directorGeneral").IsVisibleAsync());
        await page.GetByLabel("Yes").CheckAsync();
        Assert.True(await page.Locator("#directorGeneral").IsVisibleAsync());
        await page.GetByLabel("Decision", new() { Exact = true }).FillAsync("The Panel asked for a plan to improve how insight reaches it.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the decision" }).ClickAsync();
        Assert.StartsWith("Error:", await page.TitleAsync());
        Assert.Contains("Enter the Director General or committee accountable for the commissioned work", await page.Locator(".govuk-error-summary").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("The Panel asked for a plan to improve how insight reaches it.", await page.GetByLabel("Decision", new() { Exact = true }).InputValueAsync());
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Locator("#owner").SelectOptionAsync("CXD");
        await page.Locator("#directorGeneral").FillAsync("Director General, Service Excellence");
        var due = SeriousCases.Core.Common.UkTime.Today(TimeProvider.System).AddDays(60);
        await page.Locator("#dueOn-day").FillAsync(due.Day.ToString());
        await page.Locator("#dueOn-month").FillAsync(due.Month.ToString());
        await page.Locator("#dueOn-year").FillAsync(due.Year.ToString());
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Add the decision" }),
            url => url.EndsWith("/decisions", StringComparison.Ordinal), "Add the decision");
        Assert.Contains("Decision 3 added", await page.Locator(".govuk-notification-banner").TextContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);

        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Add an action point" }),
            url => url.EndsWith("/action-points/new", StringComparison.Ordinal), "Add an action point");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("Action point", new() { Exact = true }).FillAsync("Bring the plan to the next meeting.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the action point" }).ClickAsync();
        Assert.StartsWith("Error:", await page.TitleAsync());
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Locator("#owner").SelectOptionAsync("CXD");
        await page.GetByLabel("Timescale").FillAsync("By the next meeting");
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Add the action point" }),
            url => url.EndsWith("/decisions", StringComparison.Ordinal), "Add the action point");
        Assert.Contains("Action point AP8 added", await page.Locator(".govuk-notification-banner").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("By the next meeting", await page.Locator("#ap-8").TextContentAsync(), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
