using Microsoft.Playwright;

namespace SeriousCases.Tests.Browser;

/// <summary>Two people take the 2022/23 edition from draft to published in a real browser: the analyst builds the draft
/// from the records and decides every flag (and is refused as their own checker); the secretariat checks, approves and
/// publishes it; then a visitor who has not signed in reads it. Every page, the public HTML edition and the downloaded
/// standalone HTML are checked with axe.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class PublicationJourneyTests(BrowserFixture app)
{
    [Fact]
    public async Task An_edition_goes_from_draft_to_published_as_two_people_would()
    {
        var analyst = await app.NewPageAsync();
        await JourneyTests.SignInAsync(analyst, "Ana Analyst");
        await analyst.GotoAsync("/publication");
        await BrowserFixture.AssertAccessibleAsync(analyst);
        await analyst.GetByLabel("Reporting year").FillAsync("2022-23");
        await JourneyTests.ClickAndWaitAsync(analyst, analyst.GetByRole(AriaRole.Button, new() { Name = "Build a draft from the records" }),
            url => !url.EndsWith("/publication", StringComparison.Ordinal), "Build a draft");
        var edition = analyst.Url;
        Assert.Equal("Draft", (await analyst.Locator("#edition-status").TextContentAsync())?.Trim());
        await BrowserFixture.AssertAccessibleAsync(analyst);

        // Every hit and flag decided: the small numbers together, the others one by one.
        var smallForm = analyst.Locator("#smallReason");
        if (await smallForm.CountAsync() > 0)
        {
            await smallForm.FillAsync("Counts of reviews, not of people; no case detail is printed beside them.");
            await analyst.Locator("#small-accept").ClickAsync();
            await Assertions.Expect(analyst.Locator("#small-accept")).ToHaveCountAsync(0);
        }

        var accept = analyst.Locator("button[id$='-accept']");
        for (var left = await accept.CountAsync(); left > 0; left--)
        {
            var field = (await accept.First.GetAttributeAsync("id"))!.Replace("-accept", "", StringComparison.Ordinal);
            await analyst.Locator($"textarea#{field}").FillAsync("Read in context: it does not point to the person.");
            await accept.First.ClickAsync();
            await Assertions.Expect(accept).ToHaveCountAsync(left - 1);
        }

        await BrowserFixture.AssertAccessibleAsync(analyst);

        // The drafter cannot be the checker.
        await analyst.GetByRole(AriaRole.Button, new() { Name = "Mark as checked" }).ClickAsync();
        await analyst.Locator(".govuk-error-summary").WaitForAsync();
        Assert.Contains("A second person must check it", await analyst.Locator(".govuk-error-summary").TextContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(analyst);

        var secretariat = await app.NewPageAsync();
        await JourneyTests.SignInAsync(secretariat, "Sam Secretariat", checkAccessibility: false);
        await secretariat.GotoAsync(edition);
        await BrowserFixture.AssertAccessibleAsync(secretariat);
        foreach (var (button, status) in new[] { ("Mark as checked", "Checked"), ("Approve for publication", "Approved"), ("Publish", "Published") })
        {
            await secretariat.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
            await Assertions.Expect(secretariat.Locator("#edition-status")).ToHaveTextAsync(status);
            await BrowserFixture.AssertAccessibleAsync(secretariat);
        }

        var steps = (await secretariat.Locator("#edition-steps").TextContentAsync())!;
        Assert.Contains("analyst@demo.test", steps, StringComparison.Ordinal);
        Assert.Contains("secretariat@demo.test", steps, StringComparison.Ordinal);

        var visitor = await app.NewPageAsync();
        await visitor.GotoAsync("/publications");
        await BrowserFixture.AssertAccessibleAsync(visitor);
        await JourneyTests.ClickAndWaitAsync(visitor, visitor.GetByRole(AriaRole.Link, new() { Name = "Internal Process Reviews completed in 2022/23" }),
            url => url.EndsWith("/publications/2022-23", StringComparison.Ordinal), "Open the 2022/23 edition");
        Assert.Equal("47", (await visitor.Locator("#table-iprs-completed tbody td").First.TextContentAsync())?.Trim());
        await BrowserFixture.AssertAccessibleAsync(visitor);

        // The standalone HTML file, as downloaded, read as a page of its own. Written into the visitor's page it would
        // keep the service's Content-Security-Policy, which refuses the file's own <style>, and be checked unstyled.
        var download = await visitor.APIRequest.GetAsync("/publications/2022-23/download/html");
        Assert.True(download.Ok);
        var standalone = await app.NewPageAsync();
        await standalone.SetContentAsync(await download.TextAsync());
        Assert.Equal(1, await standalone.EvaluateAsync<int>("() => document.styleSheets.length"));
        await BrowserFixture.AssertAccessibleAsync(standalone);
    }
}
