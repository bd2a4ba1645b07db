using System.Text;
using Microsoft.Playwright;

namespace SeriousCases.Tests.Browser;

/// <summary>The management information dashboard in a real browser: an analyst opens it from the navigation, filters
/// it to a period and a service line (a mistake first), and downloads one section as CSV; a Panel member reads it
/// with JavaScript switched off, the charts being SVG drawn on the server. Every page is checked with axe.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class ManagementJourneyTests(BrowserFixture app)
{
    [Fact]
    public async Task An_analyst_opens_the_dashboard_filters_it_and_downloads_a_section()
    {
        var page = await app.NewPageAsync();
        await JourneyTests.SignInAsync(page, "Ana Analyst");
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Management information" }),
            url => url.EndsWith("/management", StringComparison.Ordinal), "Opening management information");
        Assert.Equal("Management information", (await page.Locator("h1").TextContentAsync())!.Trim());
        Assert.True(await page.Locator("#iprs-month-chart").IsVisibleAsync());
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.Locator("#to-month").FillAsync("13");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show figures" }).ClickAsync();
        await page.Locator(".govuk-error-summary").WaitForAsync();
        Assert.StartsWith("Error:", await page.TitleAsync());
        Assert.Equal("13", await page.Locator("#to-month").InputValueAsync());
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.Locator("#from-day").FillAsync("1");
        await page.Locator("#from-month").FillAsync("4");
        await page.Locator("#from-year").FillAsync("2022");
        await page.Locator("#to-day").FillAsync("31");
        await page.Locator("#to-month").FillAsync("3");
        await page.Locator("#to-year").FillAsync("2023");
        await page.GetByLabel("Service line").SelectOptionAsync(new SelectOptionValue { Label = "Universal Credit" });
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Show figures" }),
            url => url.Contains("serviceLine=UC", StringComparison.Ordinal), "Filtering");
        Assert.Equal("1 April 2022 to 31 March 2023, Universal Credit", (await page.Locator("#period").TextContentAsync())!.Trim());
        await BrowserFixture.AssertAccessibleAsync(page);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download internal process reviews (CSV)" }).ClickAsync());
        Assert.Equal("management-iprs-2022-04-01-to-2023-03-31-UC.csv", download.SuggestedFilename);
        var csv = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(await download.PathAsync())).TrimStart('\uFEFF');
        Assert.StartsWith("From,To,Service line,Table,Row,Measure,Value", csv, StringComparison.Ordinal);
        Assert.Contains("2022-04-01,2023-03-31,Universal Credit,IPRs completed,Completed,IPRs,", csv, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_excellence_plan_measures_and_the_answers_for_parliament_are_accessible()
    {
        var page = await app.NewPageAsync();
        await JourneyTests.SignInAsync(page, "Ana Analyst");
        await page.GotoAsync("/management/excellence-plan");
        Assert.Equal("Excellence Plan measures", (await page.Locator("h1").TextContentAsync())!.Trim());
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GotoAsync("/management/parliament");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_panel_member_reads_the_charts_without_javascript()
    {
        var page = await app.NewPageAsync(javaScript: false);
        await JourneyTests.SignInAsync(page, "Pat Panelmember", checkAccessibility: false);
        await page.GotoAsync("/management");
        Assert.Equal("Management information", (await page.Locator("h1").TextContentAsync())!.Trim());
        Assert.True(await page.Locator("svg#activities-flow-chart").IsVisibleAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Family engagement figures by level" }).CountAsync());
        await page.Context.CloseAsync();
    }
}
