using Microsoft.Playwright;
using SeriousCases.Core.Common;
using SeriousCases.Core.Panel;

namespace SeriousCases.Tests.Browser;

/// <summary>The secretariat takes a held meeting's minutes from the generated draft to the public page in a real
/// browser: generate, agree, choose redactions with the preview marked, publish; then a visitor who has not signed in
/// reads them. Every page is checked with axe. "Morgan Tilbury" is invented.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class MinutesJourneyTests(BrowserFixture app)
{
    [Fact]
    public async Task The_secretariat_publishes_the_minutes_and_a_visitor_reads_them_without_signing_in()
    {
        var held = UkTime.Today(TimeProvider.System).AddDays(-5);
        var id = await app.WithDbAsync(async db =>
        {
            var meeting = new PanelMeeting
            {
                MeetingOn = held,
                Format = MeetingFormat.Virtual,
                Status = MeetingStatus.Held,
                ChairName = "Hayley Tatum",
                AgendaItems = [new AgendaItem { Number = 1, Kind = AgendaItemKind.Welcome, Title = "Welcome and introductions", Minute = "The Chair welcomed the Panel." }],
                Attendance =
                [
                    new MeetingAttendance { Kind = AttendanceKind.Member, Order = 1, PersonName = "Hayley Tatum", JobTitle = "Non-Executive Director" },
                    new MeetingAttendance { Kind = AttendanceKind.Secretariat, Order = 2, PersonName = "Morgan Tilbury" },
                ],
                Decisions = [new PanelDecision { Number = 1, AgendaItemNumber = 1, Text = "The Panel agreed its forward look." }],
            };
            db.PanelMeetings.Add(meeting);
            await db.SaveChangesAsync();
            return meeting.Id;
        });
        var minutes = $"/panel/meetings/{id}/minutes";
        var page = await app.NewPageAsync();
        await JourneyTests.SignInAsync(page, "Sam Secretariat", checkAccessibility: false);

        await page.GotoAsync(minutes);
        await BrowserFixture.AssertAccessibleAsync(page);
        await JourneyTests.ClickAndWaitAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Write the minutes" }),
            url => url.EndsWith("/minutes/edit", StringComparison.Ordinal), "Write the minutes");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate draft from the meeting record" }).ClickAsync();
        await page.Locator(".govuk-notification-banner--success").WaitForAsync();
        Assert.Contains("**Decision 1** – The Panel agreed its forward look.", await page.Locator("#minutesText").InputValueAsync(), StringComparison.Ordinal);
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
        await page.GetByLabel("Morgan Tilbury").CheckAsync();
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
