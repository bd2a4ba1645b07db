using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;
using SeriousCases.Core.Panel;
using SeriousCases.Tests.Actions;

namespace SeriousCases.Tests.Browser;

/// <summary>The Panel secretariat produces the actions update for a meeting in a real browser, downloads it as a
/// Word document and opens the ministers' update. Every page is checked with axe.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class PapersJourneyTests(BrowserFixture app)
{
    [Fact]
    public async Task The_secretariat_produces_the_actions_update_and_downloads_the_word_document()
    {
        var c = await app.WithDbAsync(db => PaperCase.CreateAsync(db, "SCP-9601", "ACT-2026-960", MeetingStatus.Held));
        var page = await app.NewPageAsync();
        await JourneyTests.SignInAsync(page, "Sam Secretariat");
        await page.GotoAsync("/actions/papers/actions-update");
        await BrowserFixture.AssertAccessibleAsync(page);
        Assert.Equal("Security marking: OFFICIAL-SENSITIVE", (await page.Locator("#marking-top").TextContentAsync())!.Trim());

        await page.GetByLabel("Panel meeting").SelectOptionAsync(c.Planned.ToString());
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Show the paper" }),
            url => url.Contains($"meeting={c.Planned}", StringComparison.Ordinal), "Show the paper");
        await BrowserFixture.AssertAccessibleAsync(page);
        Assert.Contains(PaperCase.OpenUpdate, await page.Locator($"[id='progress-{c.Ref("AP1")}']").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains(PaperCase.ReplanReason, await page.Locator($"[id='overdue-{c.Ref("AP2")}']").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains(PaperCase.Evidence, await page.Locator($"[id='completed-{c.Ref("D3")}']").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("Security marking: OFFICIAL-SENSITIVE", (await page.Locator("#marking-bottom").TextContentAsync())!.Trim());

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download as Word document (DOCX)" }).ClickAsync());
        Assert.StartsWith("actions-update-", download.SuggestedFilename, StringComparison.Ordinal);
        using (var document = WordprocessingDocument.Open(await download.PathAsync(), false))
        {
            Assert.Contains("OFFICIAL-SENSITIVE", document.MainDocumentPart!.HeaderParts.Single().Header!.InnerText, StringComparison.Ordinal);
            Assert.Contains("OFFICIAL-SENSITIVE", document.MainDocumentPart.FooterParts.Single().Footer!.InnerText, StringComparison.Ordinal);
            Assert.Contains(c.Ref("AP2"), document.MainDocumentPart.Document!.Body!.InnerText, StringComparison.Ordinal);
        }

        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Ministers' update (Delivery Board)" }),
            url => url.EndsWith("/actions/papers/ministers-update", StringComparison.Ordinal), "Ministers' update");
        await BrowserFixture.AssertAccessibleAsync(page);
        Assert.Contains(c.MinistersDg, await page.Locator("#by-dg + table").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains(c.Ref("R1"), await page.Locator($"[id='flagged-{c.Ref("R1")}']").TextContentAsync(), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
