using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SeriousCases.Core.Common;
using SeriousCases.Core.Themes;
using SeriousCases.Tests.Investigations;
using SeriousCases.Tests.Themes;

namespace SeriousCases.Tests.Browser;

/// <summary>The Panel secretariat opens the overview of themes, a theme's page with its XmR chart and figures, and a
/// recurrence of learning, in a real browser; every page is checked with axe. The records are built for the test.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class ThemesJourneyTests(BrowserFixture app)
{
    [Fact]
    public async Task The_secretariat_opens_the_overview_a_theme_with_its_chart_and_a_recurrence()
    {
        var today = UkTime.Today(TimeProvider.System);
        var themeId = await app.WithDbAsync(async db =>
        {
            var id = await ThemeRecords.ThemeAsync(db, "TJOURNEY", "Journey test theme");
            await ThemeRecords.InsightAsync(db, id, "COMPLAINT", [3, 4, 3, 4, 3, 4, 3, 4, 3, 4, 3, 4, 12]);
            await ThemeRecords.FindingAsync(db, id, today.AddDays(-400), today.AddDays(-300), "Quillon appointment letters went to an old address the fictional customer had updated.");
            await ThemeRecords.FindingAsync(db, id, today.AddDays(-40), today.AddDays(-10), "Quillon appointment letters went to an old address the customer had updated again.");
            return id;
        });
        var page = await app.NewPageAsync();
        await JourneyTests.SignInAsync(page, "Sam Secretariat");

        await page.GotoAsync("/themes");
        await BrowserFixture.AssertAccessibleAsync(page);
        await JourneyTests.ClickAndWaitAsync(page, page.Locator($"#priorities a[href='/themes/{themeId}']"),
            url => url.EndsWith($"/themes/{themeId}", StringComparison.Ordinal), "Opening the theme");
        await BrowserFixture.AssertAccessibleAsync(page);
        Assert.True(await page.Locator("svg[role=img] polyline").IsVisibleAsync());
        Assert.Contains("above the upper process limit", await page.Locator("#signals").TextContentAsync(), StringComparison.Ordinal);
        await page.GetByText("The figures as a table").ClickAsync();
        Assert.True(await page.Locator("#figures").IsVisibleAsync());
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("Period").SelectOptionAsync("quarter");
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Show" }),
            url => url.Contains("by=quarter", StringComparison.Ordinal), "Showing quarters");
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GotoAsync("/themes");
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Learning that recurred after an activity meant to address it was completed" }),
            url => url.EndsWith("/themes/recurrences", StringComparison.Ordinal), "Opening the recurrences");
        await BrowserFixture.AssertAccessibleAsync(page);
        var card = page.Locator(".app-recurrence", new() { HasText = "Quillon" });
        Assert.Equal(1, await card.CountAsync());
        await JourneyTests.ClickAndWaitAsync(page, card.Locator("a[href^='/themes/findings/']").Last,
            url => url.Contains("/themes/findings/", StringComparison.Ordinal), "Opening the later finding");
        await BrowserFixture.AssertAccessibleAsync(page);
        Assert.Contains("Quillon appointment letters went to an old address the fictional", await page.Locator("#similar").TextContentAsync(), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_investigator_writes_a_finding_with_the_suggested_themes_accepted()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ThemeClassifierService>().TrainAsync(CancellationToken.None);
        }

        var (id, _) = await CaseBuilder.LaunchedAsync(app);
        var page = await app.NewPageAsync();
        await JourneyTests.SignInAsync(page, "Ivan Investigator", checkAccessibility: false);
        await page.GotoAsync($"/investigations/{id}/findings/new");
        await BrowserFixture.AssertAccessibleAsync(page);
        const string Text = "The customer's payment was stopped without a safeguarding check after a missed appointment.";
        await page.GetByLabel("Learning identified").FillAsync(Text);
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Suggest themes" }),
            url => url.Contains("handler=Suggest", StringComparison.Ordinal), "Suggesting themes");
        // The form again, with the text kept, the suggestion tagged and ticked, and the earlier findings like it.
        await BrowserFixture.AssertAccessibleAsync(page);
        Assert.Equal(Text, await page.GetByLabel("Learning identified").InputValueAsync());
        Assert.True(await page.Locator(".app-suggested").CountAsync() > 0);
        Assert.True(await page.Locator("input[name=themes]:checked").CountAsync() > 0);
        Assert.True(await page.Locator("#similar-findings").IsVisibleAsync());
        await page.GetByLabel("Service line it concerns").SelectOptionAsync("UC");
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Add learning identified" }),
            url => url.EndsWith($"/investigations/{id}", StringComparison.Ordinal), "Adding the finding");
        Assert.Contains(Text, await page.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(ThemeSuggestionUse.AcceptedAsIs, await app.WithDbAsync(db => db.Findings.Where(f => f.InvestigationId == id).Select(f => f.ThemeSuggestion).SingleAsync()));
        await page.Context.CloseAsync();
    }
}
