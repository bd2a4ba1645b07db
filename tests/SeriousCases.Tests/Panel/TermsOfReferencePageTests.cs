using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Panel;

/// <summary>The Terms of Reference pages and API over HTTP on the database of the run, with the demo's two versions.</summary>
public sealed class TermsOfReferencePageTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    private static string ErrorSummary(IHtmlDocument page) => page.QuerySelector(".govuk-error-summary")?.TextContent ?? "";

    private Task<(Guid July2020, Guid January2024)> SeededAsync() => app.WithDbAsync(async db =>
    {
        var versions = await db.TermsOfReferenceVersions.AsNoTracking().ToListAsync();
        return (versions.Single(v => v.ApprovedOn == new DateOnly(2020, 7, 2)).Id, versions.Single(v => v.ApprovedOn == new DateOnly(2024, 1, 1)).Id);
    });

    [Fact]
    public async Task A_panel_member_reads_every_version_the_current_one_marked_and_its_text_rendered()
    {
        var (july2020, january2024) = await SeededAsync();
        var panel = await app.SignInAsync("panel@demo.test");

        var list = await panel.GetDocumentAsync("/panel/terms-of-reference");
        var rows = list.QuerySelectorAll("#versions tbody tr");
        Assert.Equal(2, rows.Length);
        Assert.Contains("Terms of Reference (January 2024)", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Current version", rows[0].TextContent, StringComparison.Ordinal);
        // Reviewed annually from January 2024: due on 1 January 2025 and, without a newer version, overdue ever since.
        Assert.Contains("1 January 2025", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Review overdue", rows[0].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Review overdue", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("ongoing review", rows[1].TextContent, StringComparison.Ordinal);
        Assert.NotNull(list.QuerySelector("a[href='/panel/terms-of-reference/compare']"));
        Assert.NotNull(list.QuerySelector("nav.moj-sub-navigation a[href='/panel/membership']"));
        Assert.Null(list.QuerySelector("a[href^='/panel/terms-of-reference/new']"));

        var current = await panel.GetDocumentAsync($"/panel/terms-of-reference/{january2024}");
        Assert.Equal("Terms of Reference (January 2024)", current.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Current version", current.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var text = current.QuerySelector("#terms-of-reference-text")!;
        Assert.Equal("Purpose", text.QuerySelector("h2")!.TextContent.Trim());
        Assert.Contains("departmental quality data", text.QuerySelectorAll("ul.govuk-list--bullet li").Select(li => li.TextContent.Trim()));
        Assert.DoesNotContain("##", text.TextContent, StringComparison.Ordinal);
        Assert.NotNull(current.QuerySelector($"a[href='/panel/terms-of-reference/compare?from={july2020}&to={january2024}']"));

        var old = await panel.GetDocumentAsync($"/panel/terms-of-reference/{july2020}");
        Assert.Contains("This version was replaced by", old.QuerySelector(".govuk-inset-text")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await panel.GetAsync($"/panel/terms-of-reference/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task The_comparison_marks_added_and_removed_lines_for_every_reader()
    {
        var (july2020, january2024) = await SeededAsync();
        var panel = await app.SignInAsync("panel@demo.test");

        var page = await panel.GetDocumentAsync("/panel/terms-of-reference/compare");
        Assert.Equal(july2020.ToString(), page.QuerySelector("select#from option[selected]")!.GetAttribute("value"));
        Assert.Equal(january2024.ToString(), page.QuerySelector("select#to option[selected]")!.GetAttribute("value"));
        var added = page.QuerySelectorAll("#diff ins").Select(e => e.TextContent.Trim()).ToList();
        var removed = page.QuerySelectorAll("#diff del").Select(e => e.TextContent.Trim()).ToList();
        Assert.Contains("Added: departmental quality data", added);
        Assert.Contains("Added: Issues considered by the Panel", added);
        Assert.Contains("Removed: Referral of issues to the Panel", removed);
        Assert.All(page.QuerySelectorAll("#diff ins .govuk-visually-hidden, #diff del .govuk-visually-hidden"), s => Assert.Matches("^(Added|Removed): $", s.TextContent));
        var summary = page.QuerySelector("#diff-summary")!.TextContent;
        Assert.Matches($@"{added.Count} lines added, {removed.Count} lines removed and \d+ lines unchanged", System.Text.RegularExpressions.Regex.Replace(summary, @"\s+", " "));

        // The other way round, what was added is now removed.
        var reversed = await panel.GetDocumentAsync($"/panel/terms-of-reference/compare?from={january2024}&to={july2020}");
        Assert.Contains("Removed: departmental quality data", reversed.QuerySelectorAll("#diff del").Select(e => e.TextContent.Trim()));

        var same = await panel.GetDocumentAsync($"/panel/terms-of-reference/compare?from={july2020}&to={july2020}", HttpStatusCode.BadRequest);
        Assert.Contains("Select two different versions to compare", ErrorSummary(same), StringComparison.Ordinal);
        var unknown = await panel.GetDocumentAsync("/panel/terms-of-reference/compare?from=nonsense", HttpStatusCode.BadRequest);
        Assert.Contains("Select the earlier version from the list", ErrorSummary(unknown), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_secretariat_home_page_says_the_review_is_overdue()
    {
        var home = await (await app.SignInAsync("secretariat@demo.test")).GetDocumentAsync("/");
        var link = home.QuerySelectorAll("main a[href='/panel/terms-of-reference']").Single();
        Assert.Equal("The review of the Terms of Reference is overdue: it was due by 1 January 2025", link.TextContent.Trim());

        var panelHome = await (await app.SignInAsync("panel@demo.test")).GetDocumentAsync("/");
        Assert.DoesNotContain("review of the Terms of Reference", panelHome.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_panel_member_cannot_add_a_version()
    {
        var panel = await app.SignInAsync("panel@demo.test");
        var before = await app.WithDbAsync(db => db.TermsOfReferenceVersions.CountAsync());

        var get = await panel.GetAsync("/panel/terms-of-reference/new");
        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
        Assert.Contains("/access-denied", get.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // The page's own form token is not needed to be refused: the page rule answers first.
        var form = await panel.GetFormAsync("/panel/terms-of-reference");
        var post = await panel.PostAsync("/panel/terms-of-reference/new", form.With("title", "Not allowed").With("text", "Text").ToContent());
        Assert.Contains("/access-denied", post.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.TermsOfReferenceVersions.CountAsync()));

        var referrer = await app.SignInAsync("referrer@demo.test");
        Assert.Contains("/access-denied", (await referrer.GetAsync("/panel/terms-of-reference")).Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_lists_every_version_for_the_panel_and_refuses_others()
    {
        var panel = await app.SignInAsync("panel@demo.test");
        var versions = await (await panel.GetAsync("/api/v1/panel/terms-of-reference")).ReadJsonAsync(HttpStatusCode.OK);

        var demo = versions.EnumerateArray().Where(v => v.GetProperty("approvedOn").GetString()!.StartsWith("202", StringComparison.Ordinal)).ToList();
        var january = demo.Single(v => v.GetProperty("approvedOn").GetString() == "2024-01-01");
        Assert.Equal("Terms of Reference (January 2024)", january.GetProperty("title").GetString());
        Assert.Equal("2025-01-01", january.GetProperty("reviewDueOn").GetString());
        Assert.StartsWith("## Purpose\n", january.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.True(january.TryGetProperty("id", out _));
        var july = demo.Single(v => v.GetProperty("approvedOn").GetString() == "2020-07-02");
        Assert.False(july.GetProperty("isCurrent").GetBoolean());
        Assert.Single(versions.EnumerateArray(), v => v.GetProperty("isCurrent").GetBoolean());

        var referrer = await app.SignInAsync("referrer@demo.test");
        Assert.Equal(HttpStatusCode.Forbidden, (await referrer.GetAsync("/api/v1/panel/terms-of-reference")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateBrowserlessClient().GetAsync("/api/v1/panel/terms-of-reference")).StatusCode);
    }
}
