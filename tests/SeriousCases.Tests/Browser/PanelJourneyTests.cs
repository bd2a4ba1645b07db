using Microsoft.Playwright;
using SeriousCases.Core.Common;
using SeriousCases.Core.Panel;

namespace SeriousCases.Tests.Browser;

/// <summary>The Panel secretariat takes a meeting from planning to published minutes in a real browser, as they would:
/// plan it, add a paper (late, then circulated) and the attendance (a deputy refused until the rules are met, the
/// secretariat marked for redaction), record it as held, add a decision and an action point, generate the minutes,
/// agree them (a mistake explained first), check the redactions and publish; then a visitor who has not signed in reads
/// them. Every page is checked with axe. "Casey Morgan" and "Morgan Tilbury" are invented.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class PanelJourneyTests(BrowserFixture app)
{
    [Fact]
    public async Task The_secretariat_takes_a_meeting_from_planning_to_published_minutes()
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

        // The secretariat, whose name the published minutes will not show.
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Add someone" }), url => url.EndsWith("/attendee", StringComparison.Ordinal), "Add someone");
        await page.GetByLabel("Secretariat", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Morgan Tilbury");
        await page.GetByLabel("Replace the name with [REDACTED] in the published minutes").CheckAsync();
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }), url => url.EndsWith("/attendance", StringComparison.Ordinal), "Add the secretariat");

        await page.GotoAsync(overview);
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Record meeting as held" }), url => url.EndsWith("/held", StringComparison.Ordinal), "Record as held");
        await BrowserFixture.AssertAccessibleAsync(page);
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Record as held" }), url => url == overview, "Record as held");
        Assert.Contains("is recorded as held", await page.Locator(".govuk-notification-banner").TextContentAsync(), StringComparison.Ordinal);

        // During the meeting: a decision and an action point, numbered by the service; the action point enters the register.
        await page.GotoAsync(overview + "/decisions");
        await BrowserFixture.AssertAccessibleAsync(page);
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Add a decision" }),
            url => url.EndsWith("/decisions/new", StringComparison.Ordinal), "Add a decision");
        await page.GetByLabel("Decision", new() { Exact = true }).FillAsync("The Panel agreed its forward look.");
        await page.GetByLabel("No", new() { Exact = true }).CheckAsync();
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Add the decision" }),
            url => url.EndsWith("/decisions", StringComparison.Ordinal), "Add the decision");
        Assert.Contains("Decision 1 added", await page.Locator(".govuk-notification-banner").TextContentAsync(), StringComparison.Ordinal);
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Add an action point" }),
            url => url.EndsWith("/action-points/new", StringComparison.Ordinal), "Add an action point");
        await page.GetByLabel("Action point", new() { Exact = true }).FillAsync("Bring the stopping payments plan to the next meeting.");
        await page.Locator("#owner").SelectOptionAsync("CXD");
        await page.GetByLabel("Timescale").FillAsync("By the next meeting");
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Add the action point" }),
            url => url.EndsWith("/decisions", StringComparison.Ordinal), "Add the action point");
        Assert.Contains("Action point AP1 added", await page.Locator(".govuk-notification-banner").TextContentAsync(), StringComparison.Ordinal);

        var minutes = overview + "/minutes";
        var held = on;
        await page.GotoAsync(minutes);
        await BrowserFixture.AssertAccessibleAsync(page);
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Write the minutes" }),
            url => url.EndsWith("/minutes/edit", StringComparison.Ordinal), "Write the minutes");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate draft from the meeting record" }).ClickAsync();
        await page.Locator(".govuk-notification-banner--success").WaitForAsync();
        var draft = await page.Locator("#minutesText").InputValueAsync();
        Assert.Contains("**Decision 1** – The Panel agreed its forward look.", draft, StringComparison.Ordinal);
        Assert.Contains("**AP1:** Bring the stopping payments plan to the next meeting.", draft, StringComparison.Ordinal);
        Assert.Contains("Casey Morgan", draft, StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);

        // Agree, leaving a box empty first: the error says what to fix.
        await page.GotoAsync($"{minutes}/agree");
        await page.GetByLabel("Day").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save date" }).ClickAsync();
        await page.Locator(".govuk-error-summary").WaitForAsync();
        Assert.Contains("must include a day", await page.Locator(".govuk-error-summary").TextContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("Day").FillAsync($"{held.AddDays(2).Day}");
        await page.GetByLabel("Month").FillAsync($"{held.AddDays(2).Month}");
        await page.GetByLabel("Year").FillAsync($"{held.AddDays(2).Year}");
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Save date" }),
            url => url.EndsWith("/minutes", StringComparison.Ordinal), "Save the date agreed");

        await page.GotoAsync($"{minutes}/redact");
        await BrowserFixture.AssertAccessibleAsync(page);
        Assert.True(await page.GetByLabel("Morgan Tilbury").IsCheckedAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Save redactions" }).ClickAsync();
        await page.Locator(".govuk-notification-banner--success").WaitForAsync();
        Assert.Equal("Morgan Tilbury (to be redacted)", (await page.Locator("#redaction-preview mark").First.TextContentAsync())!.Trim());
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GotoAsync($"{minutes}/publish");
        await BrowserFixture.AssertAccessibleAsync(page);
        Assert.Contains("Secretariat: [REDACTED]", await page.Locator("#published-text").TextContentAsync(), StringComparison.Ordinal);
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Publish the minutes" }),
            url => url.EndsWith("/minutes", StringComparison.Ordinal), "Publish");
        Assert.Contains("are published", await page.Locator(".govuk-notification-banner--success").TextContentAsync(), StringComparison.Ordinal);
        await page.Context.CloseAsync();

        var visitor = await app.NewPageAsync();
        await visitor.GotoAsync("/minutes");
        await BrowserFixture.AssertAccessibleAsync(visitor);
        await JourneyTests.ClickAndWaitAsync(visitor, visitor.GetByRole(AriaRole.Link, new() { Name = $"Minutes of the meeting of {UkTime.Format(held)}" }),
            url => url.EndsWith($"/minutes/{held:yyyy-MM-dd}", StringComparison.Ordinal), "Open the published minutes");
        await BrowserFixture.AssertAccessibleAsync(visitor);
        var text = await visitor.Locator("#minutes-text").TextContentAsync();
        Assert.Contains("[REDACTED]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Morgan Tilbury", await visitor.ContentAsync(), StringComparison.Ordinal);
        await visitor.Context.CloseAsync();
    }
}
