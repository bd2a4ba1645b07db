using Microsoft.Playwright;
using SeriousCases.Tests.Investigations;

namespace SeriousCases.Tests.Browser;

/// <summary>An investigator builds the customer journey and the evidence log of an assigned IPR in a real browser,
/// correcting mistakes on the way; every page checked with axe.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class EvidenceJourneyTests(BrowserFixture app)
{
    [Fact]
    public async Task An_investigator_records_a_contact_a_document_and_a_discussion()
    {
        var (id, reference) = await CaseBuilder.LaunchedAsync(app, ["UC"]);
        var page = await app.NewPageAsync();
        await JourneyTests.SignInAsync(page, "Ivan Investigator");
        await page.GotoAsync("/investigations");
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true }),
            url => url.EndsWith($"/investigations/{id}", StringComparison.Ordinal), "Opening the IPR");
        await BrowserFixture.AssertAccessibleAsync(page);

        // The customer journey: a contact with a mistake in its date, corrected.
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Customer journey" }),
            url => url.EndsWith("/journey", StringComparison.Ordinal), "Opening the customer journey");
        await BrowserFixture.AssertAccessibleAsync(page);
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Add a contact" }),
            url => url.EndsWith("/journey/new", StringComparison.Ordinal), "Opening the contact form");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("Day").FillAsync("14");
        await page.GetByLabel("Month").FillAsync("14");
        await page.GetByLabel("Year").FillAsync("2025");
        await page.GetByLabel("Service line").SelectOptionAsync(new SelectOptionValue { Label = "Universal Credit" });
        await page.GetByLabel("Journal message").CheckAsync();
        await page.GetByLabel("What happened", new() { Exact = true }).FillAsync("The customer wrote that they could not afford food; no reply was sent.");
        await page.GetByLabel("Where was it found?").FillAsync("UC journal");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the contact" }).ClickAsync();
        Assert.StartsWith("Error:", await page.TitleAsync());
        Assert.Contains("The date of the contact must be a real date", await page.Locator(".govuk-error-summary").TextContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("Month").FillAsync("2");
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Add the contact" }),
            url => url.EndsWith("/journey", StringComparison.Ordinal), "Adding the contact");
        Assert.Contains("Contact of 14 February 2025 added", await page.Locator(".govuk-notification-banner").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("Universal Credit: Journal message", await page.Locator(".moj-timeline__title").TextContentAsync());
        await BrowserFixture.AssertAccessibleAsync(page);

        // The evidence log: a file that is not what its name says, then the real PDF.
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Evidence", Exact = true }),
            url => url.EndsWith("/evidence", StringComparison.Ordinal), "Opening the evidence");
        await BrowserFixture.AssertAccessibleAsync(page);
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Upload a document" }),
            url => url.EndsWith("/evidence/upload", StringComparison.Ordinal), "Opening the upload form");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("Document").SetInputFilesAsync(new FilePayload { Name = "journal.pdf", MimeType = "application/pdf", Buffer = EvidenceFileRulesTests.Png() });
        await page.GetByLabel("Description (optional)").FillAsync("UC journal printout");
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload the document" }).ClickAsync();
        Assert.StartsWith("Error:", await page.TitleAsync());
        Assert.Contains("is named .pdf but is not a PDF", await page.Locator(".govuk-error-summary").TextContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
        // Too large to read, on real Kestrel: still the form with its error, not a failed request.
        // (A file on disk: the browser reads it itself, where a 25 MB buffer would crawl through Playwright's pipe.)
        var folder = Directory.CreateTempSubdirectory("scl-evidence-");
        try
        {
            var huge = new byte[25 * 1024 * 1024];
            EvidenceFileRulesTests.Pdf().CopyTo(huge, 0);
            var path = Path.Combine(folder.FullName, "scan.pdf");
            await File.WriteAllBytesAsync(path, huge);
            await page.GetByLabel("Document").SetInputFilesAsync(path);
            await page.GetByRole(AriaRole.Button, new() { Name = "Upload the document" }).ClickAsync();
            Assert.Contains("The selected file must be smaller than 20 MB", await page.Locator(".govuk-error-summary").TextContentAsync(), StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        await page.GetByLabel("Description (optional)").FillAsync("UC journal printout");
        var pdf = EvidenceFileRulesTests.Pdf();
        await page.GetByLabel("Document").SetInputFilesAsync(new FilePayload { Name = "journal.pdf", MimeType = "application/pdf", Buffer = pdf });
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Upload the document" }),
            url => url.EndsWith("/evidence", StringComparison.Ordinal), "Uploading the document");
        Assert.Contains("journal.pdf uploaded", await page.Locator(".govuk-notification-banner").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("UC journal printout", await page.Locator("#documents").TextContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#documents a").First.ClickAsync());
        Assert.Equal("journal.pdf", download.SuggestedFilename);
        Assert.Equal(pdf, await File.ReadAllBytesAsync(await download.PathAsync()));

        // A fact-finding discussion.
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Record a fact-finding discussion" }),
            url => url.EndsWith("/discussions/new", StringComparison.Ordinal), "Opening the discussion form");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("Who was the discussion with?").FillAsync("Dana Fictional");
        await page.GetByLabel("Their role").FillAsync("UC work coach");
        await page.GetByLabel("Day").FillAsync("2");
        await page.GetByLabel("Month").FillAsync("3");
        await page.GetByLabel("Year").FillAsync("2026");
        await page.GetByLabel("Notes").FillAsync("Explained how journal messages reach the work coach's to-do list.");
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Record the discussion" }),
            url => url.EndsWith("/evidence", StringComparison.Ordinal), "Recording the discussion");
        Assert.Equal("Dana Fictional, UC work coach", await page.Locator("#discussions .govuk-summary-card__title").TextContentAsync());
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }
}
