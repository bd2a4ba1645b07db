using Microsoft.Playwright;
using SeriousCases.Core.Investigations;

namespace SeriousCases.Tests.Browser;

/// <summary>Family engagement, quality review and their management figures in a real browser, every page checked with axe-core.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class FamilyAndQualityJourneyTests(BrowserFixture app)
{
    [Fact]
    public async Task The_investigator_records_a_family_meeting_correcting_a_mistake()
    {
        var id = await app.WithDbAsync(async db =>
        {
            var ipr = new Investigation
            {
                Reference = "IPR-2026-9201",
                Stage = InvestigationStage.FactFinding,
                InvestigatorUserId = db.Users.Single(u => u.Email == "investigator@demo.test").Id,
                NotifiedOn = new DateOnly(2026, 1, 5),
                AcceptedOn = new DateOnly(2026, 1, 12),
            };
            db.Investigations.Add(ipr);
            await db.SaveChangesAsync();
            return ipr.Id;
        });

        var page = await app.NewPageAsync();
        await JourneyTests.SignInAsync(page, "Ivan Investigator");
        await page.GotoAsync($"/investigations/{id}");
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Family engagement" }),
            url => url.EndsWith("/family", StringComparison.Ordinal), "Opening family engagement");
        Assert.Contains("No contact with the family has been recorded.", await page.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);

        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Record a contact or meeting" }),
            url => url.EndsWith("/family/new", StringComparison.Ordinal), "Opening the form");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("A meeting").CheckAsync();
        await page.GetByLabel("Day").FillAsync("31");
        await page.GetByLabel("Month").FillAsync("2");
        await page.GetByLabel("Year").FillAsync("2026");
        await page.GetByLabel("Name of the DWP colleague who contacted or met the family").FillAsync("Gwen Director");
        await page.GetByLabel("Director General").CheckAsync();
        await page.GetByLabel("Yes").CheckAsync();
        await page.GetByLabel("Notes (optional)").FillAsync("Explained what the review found.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the contact or meeting" }).ClickAsync();
        Assert.StartsWith("Error:", await page.TitleAsync());
        Assert.Contains("The date must be a real date", await page.Locator(".govuk-error-summary").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("Gwen Director", await page.GetByLabel("Name of the DWP colleague who contacted or met the family").InputValueAsync());
        Assert.True(await page.GetByLabel("Director General").IsCheckedAsync());
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByLabel("Day").FillAsync("28");
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Record the contact or meeting" }),
            url => url.EndsWith("/family", StringComparison.Ordinal), "Recording the meeting");
        Assert.Contains("Meeting with the family on 28 February 2026 recorded", await page.Locator(".govuk-notification-banner").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("Gwen Director", await page.Locator("table").TextContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Triage_reviews_the_quality_of_a_concluded_ipr_forgetting_a_question_at_first()
    {
        var page = await app.NewPageAsync();
        await JourneyTests.SignInAsync(page, "Tara Triage");
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "waiting for a quality review", Exact = false }),
            url => url.EndsWith("/investigations/quality", StringComparison.Ordinal), "Opening the quality list");
        await BrowserFixture.AssertAccessibleAsync(page);

        await JourneyTests.ClickAndWaitAsync(page, page.Locator("table a[href$='/quality-review']").First,
            url => url.EndsWith("/quality-review", StringComparison.Ordinal), "Opening a concluded IPR's quality review");
        await BrowserFixture.AssertAccessibleAsync(page);

        foreach (var q in QualityChecklist.Questions.Where(q => q.Code != "family"))
        {
            await page.Locator($"#answers-{q.Code}-Met").CheckAsync();
        }

        await page.Locator("#answers-timeliness-PartlyMet").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the quality review" }).ClickAsync();
        Assert.StartsWith("Error:", await page.TitleAsync());
        Assert.Contains("question 7 (family engagement)", await page.Locator(".govuk-error-summary").TextContentAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("#answers-timeliness-PartlyMet").IsCheckedAsync());
        await BrowserFixture.AssertAccessibleAsync(page);

        // The error links to the question's first choice.
        await page.Locator(".govuk-error-summary a").First.ClickAsync();
        Assert.Equal("answers-family-Met", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Locator("#answers-family-NotMet").CheckAsync();
        await page.GetByLabel("Comments (optional)").FillAsync("The family's view was not sought.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the quality review" }).ClickAsync();
        Assert.Contains("Quality review recorded: 15 out of 18", await page.Locator(".govuk-notification-banner").TextContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GotoAsync("/investigations/quality");
        Assert.Contains("Q", await page.Locator("table").First.Locator("tbody th").First.TextContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_analyst_reads_the_family_engagement_figures_and_corrects_a_period()
    {
        var page = await app.NewPageAsync();
        await JourneyTests.SignInAsync(page, "Ana Analyst");
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Management information" }),
            url => url.EndsWith("/management", StringComparison.Ordinal), "Opening management information");
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Family engagement figures by level" }),
            url => url.Contains("/management/family-engagement", StringComparison.Ordinal), "Opening family engagement");
        Assert.Equal("Family engagement", (await page.Locator("h1").TextContentAsync())!.Trim());
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.Locator("#to-year").FillAsync("2000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show figures" }).ClickAsync();
        Assert.StartsWith("Error:", await page.TitleAsync());
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.Locator("#to-year").FillAsync("2099");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show figures" }).ClickAsync();
        Assert.Contains("31 March 2099", await page.Locator("main h2").First.TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.GetByRole(AriaRole.Link, new() { Name = "Download these figures (CSV)" }).CountAsync());
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }
}
