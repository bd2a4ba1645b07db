using Microsoft.Playwright;
using SeriousCases.Core.Demo;
using SeriousCases.Core.Identity;

namespace SeriousCases.Tests.Browser;

[CollectionDefinition(nameof(BrowserCollection))]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>;

/// <summary>Real pages in a real browser, every one checked with axe-core for WCAG 2.2 AA.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class JourneyTests(BrowserFixture app)
{
    internal static async Task SignInAsync(IPage page, string name, bool checkAccessibility = true)
    {
        await page.GotoAsync("/sign-in");
        if (checkAccessibility)
        {
            // axe-core is JavaScript: it cannot run in a page with scripting switched off.
            await BrowserFixture.AssertAccessibleAsync(page);
        }

        var button = page.GetByRole(AriaRole.Button, new() { Name = $"Sign in as {name},", Exact = false });
        await ClickAndWaitAsync(page, button, url => !url.Contains("/sign-in", StringComparison.Ordinal), $"Sign-in as {name}");
    }

    /// <summary>Clicks something that navigates and waits for the new address. On a starved two-core runner a
    /// click has been seen to go unanswered; a second click tells that apart from a link or button that
    /// really fails, which fails here with what the page showed.</summary>
    internal static async Task ClickAndWaitAsync(IPage page, ILocator target, Func<string, bool> arrived, string what)
    {
        await target.ClickAsync();
        try
        {
            await page.WaitForURLAsync(arrived, new() { Timeout = 15_000 });
            return;
        }
        catch (TimeoutException)
        {
            if (!arrived(page.Url) && await target.CountAsync() > 0)
            {
                await target.ClickAsync();
            }
        }

        try
        {
            await page.WaitForURLAsync(arrived, new() { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"{what} did not leave {page.Url}; the page shows: {await page.Locator("h1").First.TextContentAsync()}");
        }
    }

    public static TheoryData<string> DemoEmails => [.. DemoUsers.All.Select(u => u.Email)];

    [Theory]
    [MemberData(nameof(DemoEmails))]
    public async Task Each_demo_user_signs_in_and_sees_only_their_sections(string email)
    {
        var user = DemoUsers.All.Single(u => u.Email == email);
        var page = await app.NewPageAsync();
        await SignInAsync(page, user.Name);

        Assert.Equal("What needs your attention", await page.Locator("h1").TextContentAsync());
        await BrowserFixture.AssertAccessibleAsync(page);
        var sections = await page.Locator(".govuk-service-navigation__list a").AllTextContentsAsync();
        Assert.Equal(user.Role == Roles.Administrator, sections.Any(s => s.Contains("Audit trail", StringComparison.Ordinal)));

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        Assert.Equal("You have signed out", await page.Locator("h1").TextContentAsync());
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Administrator_searches_the_audit_trail_and_opens_an_entry()
    {
        var page = await app.NewPageAsync();
        await SignInAsync(page, "Adi Administrator");
        await page.GetByRole(AriaRole.Link, new() { Name = "Audit trail" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByLabel("Day").First.FillAsync("31");
        await page.GetByLabel("Month").First.FillAsync("2");
        await page.GetByLabel("Year").First.FillAsync("2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        Assert.StartsWith("Error:", await page.TitleAsync());
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GotoAsync("/admin/audit?actor=admin%40demo.test");
        await ClickAndWaitAsync(page, page.Locator("table a").First, url => url.Contains("/admin/audit/", StringComparison.Ordinal), "Opening an audit entry");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Administrator_changes_a_service_line_and_sees_it_saved()
    {
        var page = await app.NewPageAsync();
        await SignInAsync(page, "Adi Administrator");
        await page.GotoAsync("/admin/reference-data/service-lines");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Change Carer's Allowance" }).Or(page.Locator("table a").First).First.ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByLabel("Abbreviation").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        Assert.StartsWith("Error:", await page.TitleAsync());
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByLabel("Abbreviation").FillAsync("XX");
        await page.GetByLabel("Description (optional)").FillAsync("Changed in a browser test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        Assert.Contains("has been saved", await page.Locator(".govuk-notification-banner").TextContentAsync());
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Sign_in_works_without_javascript()
    {
        var page = await app.NewPageAsync(javaScript: false);
        await SignInAsync(page, "Tara Triage", checkAccessibility: false);
        Assert.Equal("What needs your attention", await page.Locator("h1").TextContentAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Help_pages_are_accessible_without_signing_in()
    {
        var page = await app.NewPageAsync();
        foreach (var url in new[] { "/help/accessibility", "/help/privacy", "/help/cookies", "/error/404" })
        {
            await page.GotoAsync(url);
            await BrowserFixture.AssertAccessibleAsync(page);
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_accessibility_check_fails_on_a_page_with_a_violation()
    {
        // Proves the check above can fail: an unlabelled input and an image without alt text.
        var page = await app.NewPageAsync();
        await page.SetContentAsync("<!DOCTYPE html><html lang=\"en\"><head><title>Broken</title></head><body><main><h1>Broken</h1><img src=\"data:,\"><input type=\"text\"></main></body></html>");
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => BrowserFixture.AssertAccessibleAsync(page));
        Assert.Contains("image-alt", failure.Message, StringComparison.Ordinal);
        Assert.Contains("label", failure.Message, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_colleague_makes_a_referral_correcting_mistakes_on_the_way()
    {
        var page = await app.NewPageAsync();
        await SignInAsync(page, "Rowan Referrer");
        await page.GetByRole(AriaRole.Link, new() { Name = "Referrals" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Make a referral" }).ClickAsync();

        async Task Continue()
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        }

        // A date that does not exist is refused with the typed values kept.
        await page.GetByLabel("Day").FillAsync("31");
        await page.GetByLabel("Month").FillAsync("2");
        await page.GetByLabel("Year").FillAsync("2026");
        await BrowserFixture.AssertAccessibleAsync(page);
        await Continue();
        Assert.StartsWith("Error:", await page.TitleAsync());
        Assert.Equal("2026", await page.GetByLabel("Year").InputValueAsync());
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("Day").FillAsync("1");
        await page.GetByLabel("Month").FillAsync("10");
        await Continue();

        await page.GetByLabel("The customer's family").CheckAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await Continue();

        await page.GetByLabel("Full name").FillAsync("Nia Lloyd");
        await page.GetByLabel("National Insurance number (optional)").FillAsync("QQ 65 43 21 A");
        await BrowserFixture.AssertAccessibleAsync(page);
        await Continue();

        await page.GetByLabel("England").CheckAsync();
        await Continue();
        await page.GetByLabel("Universal Credit").CheckAsync();
        await page.GetByLabel("Personal Independence Payment").CheckAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await Continue();
        await page.GetByLabel("The customer died", new() { Exact = true }).CheckAsync();
        await Continue();
        await page.GetByRole(AriaRole.Radio, new() { Name = "Yes" }).CheckAsync();
        await page.GetByLabel("If yes, what is the suggestion or allegation?").FillAsync("The family say the customer's payments stopped without contact.");
        await Continue();

        // A Significant Case Review exists only in Scotland.
        await page.GetByLabel("Significant Case Review").CheckAsync();
        await Continue();
        Assert.Contains("only happens in Scotland", await page.Locator(".govuk-error-summary").TextContentAsync());
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("Significant Case Review").UncheckAsync();
        await page.GetByLabel("Safeguarding Adults Review").CheckAsync();
        await Continue();

        Assert.Equal("Check your answers before sending the referral", await page.Locator("h1").TextContentAsync());
        Assert.Contains("Nia Lloyd", await page.Locator(".govuk-summary-list").TextContentAsync());
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the referral" }).ClickAsync();
        Assert.Equal("Referral sent", (await page.Locator("h1").TextContentAsync())!.Trim());
        await BrowserFixture.AssertAccessibleAsync(page);

        var reference = (await page.Locator(".govuk-panel__body strong").TextContentAsync())!.Trim();
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to your referrals" }).ClickAsync();
        Assert.Contains("With triage", await page.Locator("table").TextContentAsync());
        await page.Context.CloseAsync();

        // Triage accepts it.
        var triage = await app.NewPageAsync();
        await SignInAsync(triage, "Tara Triage");
        await triage.GetByRole(AriaRole.Link, new() { Name = "Triage", Exact = true }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(triage);
        await triage.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(triage);
        await triage.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        Assert.StartsWith("Error:", await triage.TitleAsync());
        await BrowserFixture.AssertAccessibleAsync(triage);
        await triage.GetByLabel("Accept: open an Internal Process Review").CheckAsync();
        await triage.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        Assert.Contains("accepted", await triage.Locator(".govuk-notification-banner").TextContentAsync());
        await BrowserFixture.AssertAccessibleAsync(triage);
        await triage.Context.CloseAsync();
    }

    [Fact]
    public async Task An_analyst_adds_insight_correcting_a_mistake_and_searches_the_register()
    {
        var page = await app.NewPageAsync();
        await SignInAsync(page, "Ana Analyst");
        await page.GetByRole(AriaRole.Link, new() { Name = "Insight", Exact = true }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Add an item" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("Source", new() { Exact = true }).SelectOptionAsync("PFD");
        await page.GetByLabel("The source's reference").FillAsync("PFD-BROWSER-1");
        await page.GetByLabel("Day").First.FillAsync("2");
        await page.GetByLabel("Month").First.FillAsync("13");
        await page.GetByLabel("Year").First.FillAsync("2026");
        await page.GetByLabel("Employment and Support Allowance").CheckAsync();
        await page.GetByLabel("Summary", new() { Exact = true }).FillAsync("The coroner asked how vulnerability is identified when appointments are missed.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to the register" }).ClickAsync();
        Assert.StartsWith("Error:", await page.TitleAsync());
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByLabel("Month").First.FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to the register" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.EndsWith("/insight/new", StringComparison.Ordinal));
        Assert.Equal("PFD-BROWSER-1", await page.Locator("h1").TextContentAsync());
        Assert.Contains("27 April 2026", await page.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GotoAsync("/insight?q=vulnerability+appointments");
        Assert.Equal(1, await page.Locator("tbody tr").CountAsync());
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GotoAsync("/insight/import");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Administrator_reads_the_criteria_and_is_told_what_a_new_version_lacks()
    {
        var page = await app.NewPageAsync();
        await SignInAsync(page, "Adi Administrator");
        await page.GetByRole(AriaRole.Link, new() { Name = "IPR criteria" }).ClickAsync();
        Assert.Contains("Version 2022-04", await page.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Add a version" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the version" }).ClickAsync();
        Assert.StartsWith("Error:", await page.TitleAsync());
        Assert.Contains("Enter a name for the version", await page.Locator(".govuk-error-summary").TextContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_ipr_runs_from_assignment_to_iprg_agreed_activities()
    {
        var id = await app.WithDbAsync(async db =>
        {
            var ipr = new Core.Investigations.Investigation
            {
                Reference = "IPR-2026-9001",
                Stage = Core.Investigations.InvestigationStage.Accepted,
                NotifiedOn = new DateOnly(2026, 11, 2),
                AcceptedOn = new DateOnly(2026, 11, 9),
            };
            db.Investigations.Add(ipr);
            await db.SaveChangesAsync();
            return ipr.Id;
        });

        var triage = await app.NewPageAsync();
        await SignInAsync(triage, "Tara Triage");
        await triage.GetByRole(AriaRole.Link, new() { Name = "IPRs", Exact = true }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(triage);
        await triage.GetByRole(AriaRole.Link, new() { Name = "Assign IPR-2026-9001" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(triage);
        await triage.GetByRole(AriaRole.Button, new() { Name = "Assign" }).ClickAsync();
        Assert.StartsWith("Error:", await triage.TitleAsync());
        await BrowserFixture.AssertAccessibleAsync(triage);
        await triage.Locator("#investigator").SelectOptionAsync(new SelectOptionValue { Label = "Ivan Investigator" });
        await triage.GetByRole(AriaRole.Button, new() { Name = "Assign" }).ClickAsync();
        await triage.WaitForURLAsync(url => url.EndsWith($"/investigations/{id}", StringComparison.Ordinal));
        await BrowserFixture.AssertAccessibleAsync(triage);
        await triage.Context.CloseAsync();

        var investigator = await app.NewPageAsync();
        await SignInAsync(investigator, "Ivan Investigator");
        await investigator.GetByRole(AriaRole.Link, new() { Name = "IPRs", Exact = true }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(investigator);
        await investigator.GetByRole(AriaRole.Link, new() { Name = "IPR-2026-9001" }).ClickAsync();
        await investigator.GetByLabel("Launched").CheckAsync();
        await investigator.GetByRole(AriaRole.Button, new() { Name = "Save stage" }).ClickAsync();
        Assert.Contains("is now launched", await investigator.Locator(".govuk-notification-banner").TextContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(investigator);

        // Learning identified, with a theme forgotten at first.
        await investigator.GetByRole(AriaRole.Link, new() { Name = "Add learning identified" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(investigator);
        await investigator.GetByLabel("Learning identified", new() { Exact = true }).FillAsync("A request for a call back was not met.");
        await investigator.GetByLabel("Service line it concerns").SelectOptionAsync(new SelectOptionValue { Label = "Universal Credit" });
        await investigator.GetByRole(AriaRole.Button, new() { Name = "Add learning identified" }).ClickAsync();
        Assert.StartsWith("Error:", await investigator.TitleAsync());
        await BrowserFixture.AssertAccessibleAsync(investigator);
        await investigator.GetByLabel("Call-backs").CheckAsync();
        await investigator.GetByRole(AriaRole.Button, new() { Name = "Add learning identified" }).ClickAsync();
        Assert.Contains("A request for a call back was not met.", await investigator.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        foreach (var stage in new[] { "Fact-finding", "Drafting", "With the IPRG" })
        {
            await investigator.GetByLabel(stage, new() { Exact = true }).CheckAsync();
            await investigator.GetByRole(AriaRole.Button, new() { Name = "Save stage" }).ClickAsync();
            Assert.Contains("is now", await investigator.Locator(".govuk-notification-banner").TextContentAsync(), StringComparison.Ordinal);
        }

        await investigator.Context.CloseAsync();

        // The IPRG agrees an activity and records its review.
        var iprg = await app.NewPageAsync();
        await SignInAsync(iprg, "Imogen Groupmember");
        await iprg.GetByRole(AriaRole.Link, new() { Name = "IPRG review", Exact = true }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(iprg);
        await iprg.GetByRole(AriaRole.Link, new() { Name = "IPR-2026-9001" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(iprg);
        await iprg.GetByRole(AriaRole.Link, new() { Name = "Agree an activity for finding 1" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(iprg);
        await iprg.GetByLabel("Owner").SelectOptionAsync("UC");
        await iprg.GetByLabel("The activity").FillAsync("UC to assure IPRG that call backs are made when requested.");
        await iprg.GetByLabel("Day").FillAsync("31");
        await iprg.GetByLabel("Month").FillAsync("3");
        await iprg.GetByLabel("Year").FillAsync("2027");
        await iprg.GetByRole(AriaRole.Button, new() { Name = "Agree the activity" }).ClickAsync();
        Assert.Contains("UC to assure IPRG that call backs are made when requested.", await iprg.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        await iprg.GetByRole(AriaRole.Button, new() { Name = "Record the group's review" }).ClickAsync();
        Assert.Contains("Review of IPR IPR-2026-9001 recorded", await iprg.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(iprg);
        await iprg.Context.CloseAsync();
    }
}
