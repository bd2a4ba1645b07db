using System.Net;
using SeriousCases.Core.Themes;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Themes;

/// <summary>The overview and a theme's page on the database under test: priorities with their inputs, the trend as an SVG
/// chart with the same figures as a table and a CSV file, evidence, activities with their effect, and what a Panel member
/// does not see (case references, links to case records).</summary>
public sealed class ThemePageTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    private const string FindingText = "The fictional customer's journal messages about their welfare went unanswered.";

    private Task<(Guid ThemeId, string Reference)> BuildAsync(string code) => app.WithDbAsync(async db =>
    {
        var id = await ThemeRecords.ThemeAsync(db, code, $"Page test theme {code}");
        await ThemeRecords.InsightAsync(db, id, "COMPLAINT", [4, 5, 4, 5, 4, 5, 4, 5, 4, 5, 4, 5, 4, 5, 2, 2, 2, 1, 2, 2, 1, 2]);
        var completed = Periods.FirstDay(Periods.AddMonths(ThemeRecords.LastCompleteMonth, -8)).AddDays(10);
        var (_, reference, _) = await ThemeRecords.FindingAsync(db, id, completed.AddDays(-60), completed, FindingText);
        return (id, reference);
    });

    [Fact]
    public async Task The_secretariat_sees_the_overview_and_a_themes_chart_table_csv_evidence_and_effect()
    {
        var (themeId, reference) = await BuildAsync("TPAGE");
        var secretariat = await app.SignInAsync("secretariat@demo.test");

        var overview = await secretariat.GetDocumentAsync("/themes");
        Assert.Equal("Themes and trends", overview.QuerySelector("h1")!.TextContent.Trim());
        var row = Assert.Single(overview.QuerySelectorAll("#priorities tbody tr"), r => r.TextContent.Contains("Page test theme TPAGE", StringComparison.Ordinal));
        Assert.Contains("1 open, 1 overdue, 1 completed", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Personal Independence Payment", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Universal Credit", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Complaints: ", row.TextContent, StringComparison.Ordinal);
        Assert.NotNull(overview.QuerySelector($"a[href='/themes/{themeId}']"));

        var page = await secretariat.GetDocumentAsync($"/themes/{themeId}");
        Assert.NotNull(page.QuerySelector("svg[role=img] title"));
        Assert.NotEmpty(page.QuerySelectorAll("svg polyline"));
        Assert.Equal(22, page.QuerySelectorAll("#figures tbody tr").Length);
        Assert.Contains(reference, page.QuerySelector("#findings")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(FindingText, page.QuerySelector("#findings")!.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(page.QuerySelectorAll("#insight a[href^='/insight/']"));
        var activities = page.QuerySelector("#activities")!.TextContent;
        Assert.Contains("Fewer findings and insight items on this theme since the change, a signal not chance", activities, StringComparison.Ordinal);
        Assert.Contains("Overdue", activities, StringComparison.Ordinal);

        var csv = await secretariat.GetAsync($"/themes/{themeId}?handler=Csv&by=quarter");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Period,Value,Mean,Lower limit,Upper limit,In a signal", lines[0]);
        Assert.Matches(@"^\d{4}-Q[1-4],\d+,", lines[1]);

        var quarter = await secretariat.GetDocumentAsync($"/themes/{themeId}?by=quarter&source=FINDINGS");
        Assert.Contains("IPR findings", quarter.QuerySelector("#figures caption")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_panel_member_sees_the_theme_without_case_references_or_links_to_case_records()
    {
        var (themeId, reference) = await BuildAsync("TMEMBER");
        var panel = await app.SignInAsync("panel@demo.test");

        var html = await (await panel.GetAsync($"/themes/{themeId}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(reference, html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/insight/", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/investigations/", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/actions/", html, StringComparison.Ordinal);
        Assert.Contains(FindingText, (await panel.GetDocumentAsync($"/themes/{themeId}")).QuerySelector("#findings")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await panel.GetAsync("/themes")).StatusCode);

        var bad = await panel.GetDocumentAsync($"/themes/{themeId}?source=NOPE");
        Assert.Equal("Choose a source from the list", bad.QuerySelector(".govuk-error-summary a[href='#source']")!.TextContent.Trim());

        var referrer = await app.SignInAsync("referrer@demo.test");
        Assert.NotEqual(HttpStatusCode.OK, (await referrer.GetAsync($"/themes/{themeId}")).StatusCode);
    }
}
