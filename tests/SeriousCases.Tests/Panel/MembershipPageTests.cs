using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Audit;
using SeriousCases.Core.Panel;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Panel;

/// <summary>The Panel's membership pages and API over HTTP on the database of the run: the membership on a past date,
/// adding a member (an overlapping Chair refused, what was typed kept) and ending a membership against the version read.
/// New people are fictional and their dates far from the demo's.</summary>
public sealed class MembershipPageTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    private static string ErrorSummary(IHtmlDocument page) => page.QuerySelector(".govuk-error-summary")?.TextContent ?? "";

    private static IReadOnlyList<string> Names(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("table[id^='role-'] tbody tr td:first-child").Select(td => td.TextContent.Trim())];

    [Fact]
    public async Task A_panel_member_sees_the_membership_on_19_March_2020_grouped_by_role()
    {
        var panel = await app.SignInAsync("panel@demo.test");

        var page = await panel.GetDocumentAsync("/panel/membership?on=2020-03-19");
        Assert.Equal(11, Names(page).Count);
        Assert.Equal("Members on 19 March 2020", page.QuerySelector("#members-heading")!.TextContent.Trim());
        Assert.Equal("11 members.", page.QuerySelector("#member-count")!.TextContent.Trim());
        Assert.Equal(["Chair", "Permanent Secretary", "Directors General", "Independent Case Examiner"],
            page.QuerySelectorAll("table[id^='role-'] caption").Select(c => c.TextContent.Trim()));
        Assert.Equal("Hayley Tatum", Names(page)[0]);
        Assert.Equal("19", page.QuerySelector("#on-day")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector("a[href='/panel/membership/new']"));
        Assert.Null(page.QuerySelector("a[href$='/end']"));

        // The date form sends day, month and year.
        var form = await panel.GetDocumentAsync("/panel/membership?on.day=18&on.month=3&on.year=2020");
        Assert.Empty(Names(form));
        Assert.Contains("The Panel had no members on 18 March 2020", form.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var wrong = await panel.GetDocumentAsync("/panel/membership?on.day=31&on.month=2&on.year=2020", HttpStatusCode.BadRequest);
        Assert.Contains("The date must be a real date", ErrorSummary(wrong), StringComparison.Ordinal);
        Assert.Equal("31", wrong.QuerySelector("#on-day")!.GetAttribute("value"));

        var api = await (await panel.GetAsync("/api/v1/panel/membership?on=2020-03-19")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("2020-03-19", api.GetProperty("on").GetString());
        var members = api.GetProperty("members").EnumerateArray().ToList();
        Assert.Equal(11, members.Count);
        Assert.Equal(("Chair", "Chair", "Hayley Tatum"), (members[0].GetProperty("role").GetString(), members[0].GetProperty("roleName").GetString(), members[0].GetProperty("personName").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAsync("owner@demo.test")).GetAsync("/api/v1/panel/membership")).StatusCode);
    }

    [Fact]
    public async Task The_secretariat_is_refused_a_second_Chair_then_ends_a_membership_and_adds_a_member()
    {
        var secretariat = await app.SignInAsync("secretariat@demo.test");
        var today = await secretariat.GetDocumentAsync("/panel/membership");
        Assert.NotNull(today.QuerySelector("a[href='/panel/membership/new']"));

        FormValues Member(FormValues form, string role, string name, int fromYear) => form
            .With("role", role).With("personName", name).With("jobTitle", "Non-Executive Director (fictional)")
            .With("from.day", "1").With("from.month", "4").With("from.year", fromYear.ToString());

        var response = await secretariat.PostAsync("/panel/membership/new", Member(await secretariat.GetFormAsync("/panel/membership/new"), "Chair", "Jordan Example", 2036).ToContent());
        var refused = await response.ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Only one person can be Chair at a time: Hayley Tatum is Chair from 19 March 2020 with no end date", ErrorSummary(refused), StringComparison.Ordinal);
        Assert.Equal("#from-day", refused.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        Assert.Equal("Jordan Example", refused.QuerySelector("#personName")!.GetAttribute("value"));
        Assert.NotNull(refused.QuerySelector("#role-Chair[checked]"));
        Assert.Equal("2036", refused.QuerySelector("#from-year")!.GetAttribute("value"));

        // End the Chair's membership, from the link on the membership page.
        var endHref = today.QuerySelectorAll("#role-Chair a[href$='/end']").Single().GetAttribute("href")!;
        var endForm = await secretariat.GetFormAsync(endHref);
        var tooEarly = await (await secretariat.PostAsync(endHref, endForm.With("to.day", "1").With("to.month", "1").With("to.year", "2019").ToContent())).ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Contains("The end date must be the same as or after the start of the membership, 19 March 2020", ErrorSummary(tooEarly), StringComparison.Ordinal);
        Assert.Equal("2019", tooEarly.QuerySelector("#to-year")!.GetAttribute("value"));

        var ended = await secretariat.PostAsync(endHref, endForm.With("to.day", "31").With("to.month", "3").With("to.year", "2036").ToContent());
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        var after = await secretariat.GetDocumentAsync(ended.Headers.Location!.OriginalString);
        Assert.Contains("Hayley Tatum's membership as Chair ends on 31 March 2036", after.QuerySelector(".govuk-notification-banner--success")!.TextContent, StringComparison.Ordinal);

        // The same form again, with the version it was opened with: someone has ended it since.
        var stale = await (await secretariat.PostAsync(endHref, endForm.ToContent())).ReadDocumentAsync(HttpStatusCode.Conflict);
        Assert.Contains("Hayley Tatum's membership was ended on 31 March 2036 by someone else", ErrorSummary(stale), StringComparison.Ordinal);

        response = await secretariat.PostAsync("/panel/membership/new", Member(await secretariat.GetFormAsync("/panel/membership/new"), "Chair", "Jordan Example", 2036).ToContent());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/panel/membership?on=2036-04-01", response.Headers.Location!.OriginalString);
        var added = await secretariat.GetDocumentAsync(response.Headers.Location.OriginalString);
        Assert.Contains("Jordan Example added as Chair from 1 April 2036", added.QuerySelector(".govuk-notification-banner--success")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Jordan Example"], added.QuerySelectorAll("#role-Chair tbody td:first-child").Select(td => td.TextContent.Trim()));

        // Both changes are in the audit trail: the end (an update) and the new member (a creation).
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(PanelMembership) && a.Sequence > 0)
            .OrderByDescending(a => a.Sequence).Take(2).Select(a => new { a.Action, a.Changes }).ToListAsync());
        Assert.Equal(AuditAction.Create, audit[0].Action);
        Assert.Contains("Jordan Example", audit[0].Changes, StringComparison.Ordinal);
        Assert.Equal(AuditAction.Update, audit[1].Action);
        Assert.Contains("2036-03-31", audit[1].Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_panel_member_cannot_add_or_end_a_membership()
    {
        var panel = await app.SignInAsync("panel@demo.test");
        var id = await app.WithDbAsync(db => db.PanelMemberships.Select(m => m.Id).FirstAsync());
        foreach (var url in new[] { "/panel/membership/new", $"/panel/membership/{id}/end" })
        {
            var response = await panel.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/access-denied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
    }
}
