using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SeriousCases.Core.Actions;
using SeriousCases.Core.Investigations;
using SeriousCases.Tests.Investigations;

namespace SeriousCases.Tests.Browser;

/// <summary>The IPR report in a real browser: the investigator writes the summary, reads the report and downloads
/// it as a Word document; an IPRG member records a learning outcome. Every page is checked with axe.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class ReportJourneyTests(BrowserFixture app)
{
    [Fact]
    public async Task An_investigator_writes_the_summary_reads_the_report_and_downloads_it()
    {
        var id = await app.WithDbAsync(db => ReportCase.CreateAsync(db, "IPR-2026-9101", InvestigationStage.Drafting));
        var page = await app.NewPageAsync();
        await JourneyTests.SignInAsync(page, "Ivan Investigator");
        await page.GotoAsync($"/investigations/{id}");
        await BrowserFixture.AssertAccessibleAsync(page);

        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Change the case summary" }),
            url => url.EndsWith("/summary", StringComparison.Ordinal), "Change the case summary");
        await BrowserFixture.AssertAccessibleAsync(page);
        var summary = page.GetByLabel("Summary for the IPR report");
        await summary.FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save summary" }).ClickAsync();
        Assert.StartsWith("Error:", await page.TitleAsync());
        Assert.Contains("Enter a summary of the case", await page.Locator(".govuk-error-summary").TextContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByLabel("Summary for the IPR report").FillAsync("The customer asked for a call back three times and none was made.");
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Save summary" }),
            url => url.EndsWith($"/investigations/{id}", StringComparison.Ordinal), "Save summary");
        Assert.Contains("Case summary of IPR IPR-2026-9101 saved", await page.Locator(".govuk-notification-banner").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("none was made", await page.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);

        await JourneyTests.ClickAndWaitAsync(page, page.Locator(".moj-sub-navigation").GetByRole(AriaRole.Link, new() { Name = "Report" }),
            url => url.EndsWith("/report", StringComparison.Ordinal), "Report");
        await BrowserFixture.AssertAccessibleAsync(page);
        Assert.Equal("Security marking: OFFICIAL-SENSITIVE", (await page.Locator("#marking-top").TextContentAsync())!.Trim());
        Assert.Equal("Security marking: OFFICIAL-SENSITIVE", (await page.Locator("#marking-bottom").TextContentAsync())!.Trim());
        Assert.Contains("none was made", await page.Locator("main").TextContentAsync(), StringComparison.Ordinal);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download as Word document (DOCX)" }).ClickAsync());
        Assert.Equal("IPR-2026-9101-report.docx", download.SuggestedFilename);
        var path = await download.PathAsync();
        using (var document = WordprocessingDocument.Open(path, false))
        {
            Assert.Contains("OFFICIAL-SENSITIVE", document.MainDocumentPart!.HeaderParts.Single().Header!.InnerText, StringComparison.Ordinal);
            Assert.Contains("none was made", document.MainDocumentPart.Document!.Body!.InnerText, StringComparison.Ordinal);
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_iprg_member_records_a_learning_outcome_for_a_concluded_case()
    {
        var id = await app.WithDbAsync(async db =>
        {
            var created = await ReportCase.CreateAsync(db, "IPR-2026-9102", InvestigationStage.Concluded);
            foreach (var activity in await db.AgreedActivities.Where(a => a.InvestigationId == created).ToListAsync())
            {
                activity.Status = ActivityStatus.Complete;
            }

            db.LearningOutcomes.RemoveRange(db.LearningOutcomes.Where(o => o.InvestigationId == created));
            await db.SaveChangesAsync();
            return created;
        });

        var page = await app.NewPageAsync();
        await JourneyTests.SignInAsync(page, "Imogen Groupmember");
        await page.GetByRole(AriaRole.Link, new() { Name = "IPRG review", Exact = true }).ClickAsync();
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Learning outcomes of concluded cases" }),
            url => url.EndsWith("/iprg/outcomes", StringComparison.Ordinal), "Learning outcomes");
        await BrowserFixture.AssertAccessibleAsync(page);
        await JourneyTests.ClickAndWaitAsync(page, page.Locator("#awaiting").GetByRole(AriaRole.Link, new() { Name = "IPR-2026-9102" }),
            url => url.EndsWith($"/iprg/{id}/outcomes", StringComparison.Ordinal), "IPR-2026-9102");
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Add learning outcome" }).ClickAsync();
        Assert.StartsWith("Error:", await page.TitleAsync());
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("Add a learning outcome").FillAsync("Call back requests are now checked every morning.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add learning outcome" }).ClickAsync();
        Assert.Contains("Learning outcome 1 recorded", await page.Locator(".govuk-notification-banner").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("Call back requests are now checked every morning.", await page.Locator("#outcomes").TextContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }
}
