using Microsoft.Playwright;
using SeriousCases.Core.Common;
using SeriousCases.Core.Panel;

namespace SeriousCases.Tests.Browser;

/// <summary>The Panel secretariat plans a meeting in a real browser, adds a paper and the attendance (a deputy refused
/// until the rules are met) and records it as held. Every page is checked with axe.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class MeetingsJourneyTests(BrowserFixture app)
{
    [Fact]
    public async Task The_secretariat_plans_a_meeting_adds_a_paper_and_a_deputy_and_records_it_as_held()
    {
        var today = UkTime.Today(TimeProvider.System);
        var on = today.AddDays(-2);
        var page = await app.NewPageAsync();
        await JourneyTests.SignInAsync(page, "Sam Secretariat");
        await page.GotoAsync($"/panel?year={PanelSchedule.FinancialYearOf(on)}");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GotoAsync($"/panel/meetings/plan?year={PanelSchedule.FinancialYearOf(today) + 1}");
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GotoAsync("/panel/meetings/new");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Locator("#meetingOn-day").FillAsync(on.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#meetingOn-month").FillAsync(on.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#meetingOn-year").FillAsync(on.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Virtual").CheckAsync();
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Plan meeting" }),
            url => !url.EndsWith("/panel/meetings/new", StringComparison.Ordinal), "Plan meeting");
        await BrowserFixture.AssertAccessibleAsync(page);
        var overview = page.Url;
        Assert.Contains("Hayley Tatum", await page.Locator("#chair").TextContentAsync(), StringComparison.Ordinal);

        await page.GotoAsync(overview + "/edit");
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GotoAsync(overview + "/agenda");
        await BrowserFixture.AssertAccessibleAsync(page);
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Add a paper" }), url => url.EndsWith("/paper", StringComparison.Ordinal), "Add a paper");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("Title").FillAsync("Stopping payments");
        await page.GetByLabel("Theme (optional)").SelectOptionAsync(new SelectOptionValue { Label = "Stopping payments" });
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Add paper" }), url => url.EndsWith("/agenda", StringComparison.Ordinal), "Add paper");
        Assert.Contains("Late", await page.Locator("#papers").TextContentAsync(), StringComparison.Ordinal);
        await JourneyTests.ClickAndWaitAsync(page, page.Locator("#papers a[href$='/circulated']"), url => url.EndsWith("/circulated", StringComparison.Ordinal), "Mark as circulated");
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GotoAsync(overview + "/attendance");
        await BrowserFixture.AssertAccessibleAsync(page);
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Add someone" }), url => url.EndsWith("/attendee", StringComparison.Ordinal), "Add someone");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("Deputy, attending on behalf of a member").CheckAsync();
        await page.GetByLabel("On behalf of", new() { Exact = true }).SelectOptionAsync("Nick Joicey");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Casey Morgan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await page.Locator(".govuk-error-summary").WaitForAsync();
        Assert.Contains("Confirm that the Chair agreed to the deputy", await page.Locator(".govuk-error-summary").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("Casey Morgan", await page.GetByLabel("Name", new() { Exact = true }).InputValueAsync());
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("The Chair agreed to this deputy").CheckAsync();
        await page.GetByLabel("Also record apologies from the member").CheckAsync();
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }), url => url.EndsWith("/attendance", StringComparison.Ordinal), "Add deputy");
        Assert.Contains("On behalf of Nick Joicey", await page.Locator("main").TextContentAsync(), StringComparison.Ordinal);

        await page.GotoAsync(overview);
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Record meeting as held" }), url => url.EndsWith("/held", StringComparison.Ordinal), "Record as held");
        await BrowserFixture.AssertAccessibleAsync(page);
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Record as held" }), url => url == overview, "Record as held");
        Assert.Contains("is recorded as held", await page.Locator(".govuk-notification-banner").TextContentAsync(), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
