using Microsoft.Playwright;
using SeriousCases.Core.Notifications;

namespace SeriousCases.Tests.Browser;

/// <summary>The escalation ladder and the notifications page in a real browser, every page checked with axe.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class EscalationJourneyTests(BrowserFixture app)
{
    [Fact]
    public async Task An_administrator_changes_a_step_of_the_ladder_after_an_error()
    {
        var page = await app.NewPageAsync();
        await JourneyTests.SignInAsync(page, "Adi Administrator", checkAccessibility: false);
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Escalation", Exact = true }),
            url => url.EndsWith("/admin/reference-data/escalation", StringComparison.Ordinal), "Opening the escalation ladder");
        await BrowserFixture.AssertAccessibleAsync(page);

        await JourneyTests.ClickAndWaitAsync(page, page.Locator("table a").First, url => url.EndsWith("/edit", StringComparison.Ordinal), "Changing a step");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByLabel("Days after the due date").FillAsync("two weeks before");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        Assert.StartsWith("Error:", await page.TitleAsync());
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByLabel("Days after the due date").FillAsync("-21");
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }),
            url => url.EndsWith("/admin/reference-data/escalation", StringComparison.Ordinal), "Saving the step");
        Assert.Contains("21 days before the due date", await page.Locator("table").TextContentAsync() ?? "", StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_user_reads_their_notifications()
    {
        await app.WithDbAsync(async db =>
        {
            var owner = db.Users.Single(u => u.Email == "owner@demo.test").Id;
            db.Notifications.Add(new Notification { RecipientUserId = owner, Subject = "ACT-2027-0042 is due on 1 March 2027", Body = "A reminder", RelatedType = "AgreedActivity", RelatedId = Guid.NewGuid() });
            return await db.SaveChangesAsync();
        });
        var page = await app.NewPageAsync();
        await JourneyTests.SignInAsync(page, "Owen Owner", checkAccessibility: false);
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Notifications", Exact = true }),
            url => url.EndsWith("/notifications", StringComparison.Ordinal), "Opening notifications");
        await BrowserFixture.AssertAccessibleAsync(page);
        Assert.Contains("ACT-2027-0042 is due on 1 March 2027", await page.Locator("main").TextContentAsync() ?? "", StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
