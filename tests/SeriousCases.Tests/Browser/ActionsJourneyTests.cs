using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SeriousCases.Core.Actions;
using SeriousCases.Tests.Actions;

namespace SeriousCases.Tests.Browser;

/// <summary>The action register in a real browser: the owner records progress and reports an IPRG activity complete,
/// and the IPRG assures it; the secretariat's form for a new activity with its conditional questions. Every page is
/// checked with axe.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class ActionsJourneyTests(BrowserFixture app)
{
    [Fact]
    public async Task The_owner_reports_progress_and_completion_and_the_iprg_assures_it()
    {
        var id = await app.WithDbAsync(new ActivityBuilder("ACT-2026-9691")
        {
            Origin = ActivityOrigin.IprgAgreedActivity,
            OnDemoIpr = true,
            Owner = "UC",
            Text = "UC to assure IPRG that call backs requested in the journal are made within two working days.",
        }.CreateAsync);

        var page = await app.NewPageAsync();
        await JourneyTests.SignInAsync(page, "Owen Owner");
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Action register", Exact = true }),
            url => url.Contains("/actions", StringComparison.Ordinal), "Action register");
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GotoAsync($"/actions/{id}");
        await BrowserFixture.AssertAccessibleAsync(page);
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Add a progress update" }),
            url => url.EndsWith("/progress", StringComparison.Ordinal), "Add a progress update");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add update" }).ClickAsync();
        Assert.StartsWith("Error:", await page.TitleAsync());
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("What has happened since the last update?").FillAsync("Journal call back requests now appear on the team leader's daily dashboard.");
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Add update" }),
            url => url.EndsWith($"/actions/{id}", StringComparison.Ordinal), "Add update");
        Assert.Contains("Progress update added to ACT-2026-9691", await page.Locator(".govuk-notification-banner").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("daily dashboard", await page.Locator("#history").TextContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);

        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Report it complete" }),
            url => url.EndsWith("/complete", StringComparison.Ordinal), "Report it complete");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("Evidence that the activity is complete").FillAsync("Dashboard live in every UC service centre since last month; a sample of 30 requests checked.");
        await page.GetByLabel("Learning outcome").FillAsync("Customers who ask for a call back in their journal get one.");
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Report complete" }),
            url => url.EndsWith($"/actions/{id}", StringComparison.Ordinal), "Report complete");
        Assert.Contains("counts as complete once the IPRG assures the evidence", await page.Locator(".govuk-notification-banner").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("Awaiting assurance", await page.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();

        var iprg = await app.NewPageAsync();
        await JourneyTests.SignInAsync(iprg, "Imogen Groupmember", checkAccessibility: false);
        await iprg.GotoAsync($"/actions/{id}");
        await JourneyTests.ClickAndWaitAsync(iprg, iprg.GetByRole(AriaRole.Link, new() { Name = "Record assurance" }),
            url => url.EndsWith("/assure", StringComparison.Ordinal), "Record assurance");
        await BrowserFixture.AssertAccessibleAsync(iprg);
        // The reference of a superseding activity is asked for only when that answer is chosen.
        Assert.False(await iprg.Locator("#supersededBy").IsVisibleAsync());
        await iprg.GetByLabel("Superseded by another activity").CheckAsync();
        Assert.True(await iprg.Locator("#supersededBy").IsVisibleAsync());
        await BrowserFixture.AssertAccessibleAsync(iprg);
        await iprg.GetByLabel("Assured", new() { Exact = true }).CheckAsync();
        await iprg.GetByLabel("Note for the owner").FillAsync("Evidence checked at the group's meeting.");
        await JourneyTests.ClickAndWaitAsync(iprg, iprg.GetByRole(AriaRole.Button, new() { Name = "Record assurance" }),
            url => url.EndsWith($"/actions/{id}", StringComparison.Ordinal), "Record assurance");
        Assert.Contains("Assurance recorded for ACT-2026-9691: assured", await iprg.Locator(".govuk-notification-banner").TextContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(iprg);
        await iprg.Context.CloseAsync();

        var done = await app.WithDbAsync(db => db.AgreedActivities.SingleAsync(a => a.Id == id));
        Assert.Equal(ActivityState.Complete, ActivityRules.StateOf(done));
    }

    [Fact]
    public async Task The_secretariat_filters_the_register_and_adds_an_activity_with_its_conditional_questions()
    {
        var page = await app.NewPageAsync();
        await JourneyTests.SignInAsync(page, "Sam Secretariat", checkAccessibility: false);
        await page.GotoAsync("/actions?overdue=true");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GotoAsync("/actions?dueFrom.day=31&dueFrom.month=2&dueFrom.year=2026");
        Assert.StartsWith("Error:", await page.TitleAsync());
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GotoAsync("/actions/new");
        await BrowserFixture.AssertAccessibleAsync(page);
        Assert.False(await page.Locator("#originDescription").IsVisibleAsync());
        await page.GetByLabel("Commitment to Parliament or the NAO").CheckAsync();
        Assert.True(await page.Locator("#originDescription").IsVisibleAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to the register" }).ClickAsync();
        Assert.StartsWith("Error:", await page.TitleAsync());
        Assert.Contains("Enter where the commitment was made", await page.Locator(".govuk-error-summary").TextContentAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("#originDescription").IsVisibleAsync());
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }
}
