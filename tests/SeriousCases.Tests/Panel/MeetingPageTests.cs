using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Common;
using SeriousCases.Core.Panel;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Panel;

/// <summary>The Panel's meeting pages over HTTP on the database of the run: planning one meeting and a year's, papers
/// numbered by the service and flagged late, attendance rules in the error summary with the input kept, members reading
/// without changing, and a stale version refused with who changed it. Each test plans its own meetings on dates no
/// other test uses.</summary>
public sealed class MeetingPageTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    private static DateOnly Today => UkTime.Today(TimeProvider.System);

    private static string ErrorSummary(IHtmlDocument page) => page.QuerySelector(".govuk-error-summary")?.TextContent ?? "";

    private static FormValues Date(FormValues form, string name, DateOnly d) =>
        form.With($"{name}.day", d.Day.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With($"{name}.month", d.Month.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With($"{name}.year", d.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static Guid IdFrom(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        return Guid.Parse(location.Split('/')[3]);
    }

    private static async Task<Guid> PlanAsync(HttpClient secretariat, DateOnly on, string format = "InPerson")
    {
        var form = Date(await secretariat.GetFormAsync("/panel/meetings/new"), "meetingOn", on).With("format", format);
        return IdFrom(await secretariat.PostAsync("/panel/meetings/new", form.ToContent()));
    }

    private static async Task<HttpResponseMessage> AddPaperAsync(HttpClient secretariat, Guid meeting, string title, DateOnly? circulated = null)
    {
        var form = (await secretariat.GetFormAsync($"/panel/meetings/{meeting}/paper")).With("title", title).With("presenter", "Customer Experience Directorate");
        if (circulated is { } c)
        {
            form = Date(form, "circulatedOn", c);
        }

        return await secretariat.PostAsync($"/panel/meetings/{meeting}/paper", form.ToContent());
    }

    [Fact]
    public async Task The_secretariat_plans_a_meeting_with_the_standard_agenda_and_the_chair_of_the_day()
    {
        var secretariat = await app.SignInAsync("secretariat@demo.test");
        var empty = await (await secretariat.PostAsync("/panel/meetings/new", (await secretariat.GetFormAsync("/panel/meetings/new")).ToContent()))
            .ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Enter the date of the meeting", ErrorSummary(empty), StringComparison.Ordinal);
        Assert.Contains("Select how the meeting will be held", ErrorSummary(empty), StringComparison.Ordinal);

        var on = Today.AddDays(701);
        var note = Date(await secretariat.GetFormAsync("/panel/meetings/new"), "meetingOn", on).With("formatNote", "Caxton House");
        var kept = await (await secretariat.PostAsync("/panel/meetings/new", note.ToContent())).ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Equal(on.Day.ToString(System.Globalization.CultureInfo.InvariantCulture), kept.QuerySelector("#meetingOn-day")!.GetAttribute("value"));
        Assert.Equal("Caxton House", kept.QuerySelector("#formatNote")!.TextContent);

        var id = await PlanAsync(secretariat, on, "Hybrid");
        var overview = await secretariat.GetDocumentAsync($"/panel/meetings/{id}");
        Assert.Contains($"Meeting planned for {UkTime.Format(on)}", overview.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Hybrid", overview.QuerySelector("#details")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Hayley Tatum", overview.QuerySelector("#chair")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Papers circulated", overview.QuerySelector("#deadlines")!.TextContent, StringComparison.Ordinal);
        var agenda = await secretariat.GetDocumentAsync($"/panel/meetings/{id}/agenda");
        Assert.Equal(["Welcome and introductions", "Update on actions and decisions", "Group discussion – themes", "AOB and close"],
            agenda.QuerySelectorAll("#agenda tbody tr td:nth-child(2)").Select(c => c.TextContent.Trim()));

        var twice = await (await secretariat.PostAsync("/panel/meetings/new", Date(await secretariat.GetFormAsync("/panel/meetings/new"), "meetingOn", on).With("format", "Virtual").ToContent()))
            .ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Contains($"There is already a meeting on {UkTime.Format(on)}", ErrorSummary(twice), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_secretariat_plans_the_years_meetings_on_one_form_and_the_list_warns_of_empty_quarters()
    {
        var year = PanelSchedule.FinancialYearOf(Today) + 1;
        var quarters = PanelSchedule.Quarters(year);
        var secretariat = await app.SignInAsync("secretariat@demo.test");
        var before = await secretariat.GetDocumentAsync($"/panel?year={year}");
        Assert.Equal(4, before.QuerySelectorAll(".app-quarter-warning").Length);

        var url = $"/panel/meetings/plan?year={year}";
        var wrong = Date(await secretariat.GetFormAsync(url), "q1", quarters[1].Start).With("format", "Virtual");
        var refused = await (await secretariat.PostAsync(url, wrong.ToContent())).ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Contains($"The date for Q1 must be between {UkTime.Format(quarters[0].Start)} and {UkTime.Format(quarters[0].End)}", ErrorSummary(refused), StringComparison.Ordinal);

        var form = await secretariat.GetFormAsync(url);
        foreach (var q in quarters.Take(3))
        {
            form = Date(form, $"q{q.Number}", q.Start.AddDays(10));
        }

        var saved = await secretariat.PostAsync(url, form.With("format", "Virtual").ToContent());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var list = await secretariat.GetDocumentAsync($"/panel?year={year}");
        Assert.Contains("3 meetings planned", list.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, list.QuerySelectorAll("#meetings tbody tr").Length);
        var warning = Assert.Single(list.QuerySelectorAll(".app-quarter-warning"));
        Assert.Contains($"No meeting is planned for {quarters[3].Name}", warning.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Papers_are_numbered_by_the_service_and_flagged_late_when_circulated_after_a_week_before()
    {
        var secretariat = await app.SignInAsync("secretariat@demo.test");
        var meeting = await PlanAsync(secretariat, Today.AddDays(-3));
        var r1 = await AddPaperAsync(secretariat, meeting, "Actions update", Today.AddDays(-12));
        Assert.True(r1.StatusCode == HttpStatusCode.Redirect, ErrorSummary(await r1.ReadDocumentAsync(r1.StatusCode)));
        Assert.Equal(HttpStatusCode.Redirect, (await AddPaperAsync(secretariat, meeting, "Stopping payments", Today.AddDays(-5))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AddPaperAsync(secretariat, meeting, "Paying safely")).StatusCode);

        var page = await secretariat.GetDocumentAsync($"/panel/meetings/{meeting}/agenda");
        var rows = page.QuerySelectorAll("#papers tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Contains("Paper 1", rows[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Late", rows[0], StringComparison.Ordinal);
        Assert.Contains("Paper 2", rows[1], StringComparison.Ordinal);
        Assert.Contains("Late", rows[1], StringComparison.Ordinal);
        Assert.Contains("Paper 3", rows[2], StringComparison.Ordinal);
        Assert.Contains("Not yet", rows[2], StringComparison.Ordinal);
        Assert.Contains("Late", rows[2], StringComparison.Ordinal);

        var future = await (await AddPaperAsync(secretariat, meeting, "Tomorrow's paper", Today.AddDays(1))).ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Contains("must be today or in the past", ErrorSummary(future), StringComparison.Ordinal);
        Assert.Equal("Tomorrow's paper", future.QuerySelector("#title")!.GetAttribute("value"));
        var list = await secretariat.GetDocumentAsync($"/panel?year={PanelSchedule.FinancialYearOf(Today.AddDays(-3))}");
        Assert.Contains("2 late", list.QuerySelector("#meetings")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_papers_added_at_once_get_different_numbers()
    {
        var first = await app.SignInAsync("secretariat@demo.test");
        var second = await app.SignInAsync("secretariat@demo.test");
        var meeting = await PlanAsync(first, Today.AddDays(702));
        var forms = await Task.WhenAll(first.GetFormAsync($"/panel/meetings/{meeting}/paper"), second.GetFormAsync($"/panel/meetings/{meeting}/paper"));
        var answers = await Task.WhenAll(
            first.PostAsync($"/panel/meetings/{meeting}/paper", forms[0].With("title", "First").ToContent()),
            second.PostAsync($"/panel/meetings/{meeting}/paper", forms[1].With("title", "Second").ToContent()));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));
        var numbers = await app.WithDbAsync(db => db.PanelPapers.Where(p => p.PanelMeetingId == meeting).Select(p => p.Number).OrderBy(n => n).ToListAsync());
        Assert.Equal([1, 2], numbers);
    }

    [Fact]
    public async Task A_deputy_breaking_the_rules_is_refused_in_the_error_summary_with_the_input_kept()
    {
        var secretariat = await app.SignInAsync("secretariat@demo.test");
        var meeting = await PlanAsync(secretariat, Today.AddDays(703));
        var url = $"/panel/meetings/{meeting}/attendee";
        var form = (await secretariat.GetFormAsync(url)).With("kind", "Deputy").With("personName", "Casey Morgan")
            .With("jobTitle", "Finance Director").With("onBehalfOf", "Nick Joicey");
        var refused = await (await secretariat.PostAsync(url, form.ToContent())).ReadDocumentAsync(HttpStatusCode.BadRequest);
        var summary = ErrorSummary(refused);
        Assert.Contains("Confirm that the Chair agreed to the deputy", summary, StringComparison.Ordinal);
        Assert.Contains("Nick Joicey is not recorded as giving apologies", summary, StringComparison.Ordinal);
        Assert.Equal("Casey Morgan", refused.QuerySelector("#personName")!.GetAttribute("value"));
        Assert.Equal("Finance Director", refused.QuerySelector("#jobTitle")!.GetAttribute("value"));
        Assert.Equal("Nick Joicey", refused.QuerySelector("#onBehalfOf option[selected]")!.GetAttribute("value"));
        Assert.NotNull(refused.QuerySelector("#kind-Deputy[checked]"));
        Assert.NotNull(refused.QuerySelector(".govuk-error-summary a[href='#chairAgreedDeputy']"));

        var notMember = await (await secretariat.PostAsync(url, (await secretariat.GetFormAsync(url)).With("kind", "Deputy").With("personName", "Casey Morgan")
            .With("onBehalfOf", "Sara Weller").With("chairAgreedDeputy", "true").With("addApologies", "true").ToContent())).ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Sara Weller was not a member of the Panel on", ErrorSummary(notMember), StringComparison.Ordinal);

        var saved = await secretariat.PostAsync(url, form.With("chairAgreedDeputy", "true").With("addApologies", "true").ToContent());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var attendance = await secretariat.GetDocumentAsync($"/panel/meetings/{meeting}/attendance");
        Assert.Contains("On behalf of Nick Joicey, with the Chair’s agreement", attendance.Body!.TextContent, StringComparison.Ordinal);
        var apologies = attendance.QuerySelector("dl[aria-labelledby='group-Apologies']")!.TextContent;
        Assert.Contains("Nick Joicey", apologies, StringComparison.Ordinal);

        // Present and giving apologies at once is refused.
        var both = await (await secretariat.PostAsync(url, (await secretariat.GetFormAsync(url)).With("kind", "Member").With("personName", "Nick Joicey").ToContent()))
            .ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Contains("One person cannot be both present and giving apologies", ErrorSummary(both), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_panel_member_reads_the_meeting_pages_and_is_refused_the_secretariats_forms()
    {
        var secretariat = await app.SignInAsync("secretariat@demo.test");
        var meeting = await PlanAsync(secretariat, Today.AddDays(704));
        Assert.Equal(HttpStatusCode.Redirect, (await AddPaperAsync(secretariat, meeting, "Actions update")).StatusCode);
        var paper = await app.WithDbAsync(db => db.PanelPapers.Where(p => p.PanelMeetingId == meeting).Select(p => p.Id).SingleAsync());
        var form = await secretariat.GetFormAsync($"/panel/meetings/{meeting}/paper");

        var panel = await app.SignInAsync("panel@demo.test");
        var list = await panel.GetDocumentAsync($"/panel?year={PanelSchedule.FinancialYearOf(Today.AddDays(704))}");
        Assert.Null(list.QuerySelector("a[href^='/panel/meetings/plan']"));
        Assert.Null(list.QuerySelector("a[href='/panel/meetings/new']"));
        var overview = await panel.GetDocumentAsync($"/panel/meetings/{meeting}");
        Assert.Null(overview.QuerySelector($"a[href='/panel/meetings/{meeting}/edit']"));
        var agenda = await panel.GetDocumentAsync($"/panel/meetings/{meeting}/agenda");
        Assert.Contains("Actions update", agenda.QuerySelector("#papers")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(agenda.QuerySelectorAll("main form"));
        Assert.Null(agenda.QuerySelector("a[href*='/paper']"));
        var attendance = await panel.GetDocumentAsync($"/panel/meetings/{meeting}/attendance");
        Assert.Null(attendance.QuerySelector("a[href*='/attendee']"));

        foreach (var url in new[] { "/panel/meetings/new", "/panel/meetings/plan", $"/panel/meetings/{meeting}/edit", $"/panel/meetings/{meeting}/paper",
                     $"/panel/meetings/{meeting}/paper/{paper}/circulated", $"/panel/meetings/{meeting}/attendee", $"/panel/meetings/{meeting}/agenda-item", $"/panel/meetings/{meeting}/held" })
        {
            Assert.True(Denied(await panel.GetAsync(url)), url);
        }

        // A form posted with the secretariat's fields is refused too, and nothing is added.
        Assert.True(Denied(await panel.PostAsync($"/panel/meetings/{meeting}/paper", form.With("title", "Member's paper").ToContent())));
        Assert.Equal(1, await app.WithDbAsync(db => db.PanelPapers.CountAsync(p => p.PanelMeetingId == meeting)));
    }

    private static bool Denied(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Forbidden
        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/access-denied", StringComparison.Ordinal));

    [Fact]
    public async Task A_stale_change_to_the_details_is_refused_with_who_changed_it_and_the_input_kept()
    {
        var first = await app.SignInAsync("secretariat@demo.test");
        var second = await app.SignInAsync("secretariat@demo.test");
        var meeting = await PlanAsync(first, Today.AddDays(705));
        var url = $"/panel/meetings/{meeting}/edit";
        var mine = await first.GetFormAsync(url);
        var theirs = await second.GetFormAsync(url);
        var on = Today.AddDays(705);
        Assert.Equal(HttpStatusCode.Redirect, (await second.PostAsync(url, Date(theirs, "meetingOn", on).With("format", "Virtual").With("chairName", "Hayley Tatum").ToContent())).StatusCode);

        var conflict = await (await first.PostAsync(url, Date(mine, "meetingOn", on).With("format", "Hybrid").With("formatNote", "Caxton House and online")
            .With("chairName", "Hayley Tatum").ToContent())).ReadDocumentAsync(HttpStatusCode.Conflict);
        Assert.Contains("The meeting was changed by Sam Secretariat on", ErrorSummary(conflict), StringComparison.Ordinal);
        Assert.Contains("Virtual", conflict.QuerySelector("#current-details")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Caxton House and online", conflict.QuerySelector("#formatNote")!.TextContent);
        Assert.NotNull(conflict.QuerySelector("#format-Hybrid[checked]"));

        // Saving again, with their change in view, applies it.
        var version = conflict.QuerySelector("input[name=version]")!.GetAttribute("value")!;
        var again = await first.PostAsync(url, Date(mine.With("version", version), "meetingOn", on).With("format", "Hybrid").ToContent());
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(MeetingFormat.Hybrid, await app.WithDbAsync(db => db.PanelMeetings.Where(m => m.Id == meeting).Select(m => m.Format).SingleAsync()));
    }

    [Fact]
    public async Task Someone_chairing_for_the_chair_must_say_for_whom()
    {
        var secretariat = await app.SignInAsync("secretariat@demo.test");
        var meeting = await PlanAsync(secretariat, Today.AddDays(706));
        var url = $"/panel/meetings/{meeting}/edit";
        var form = Date(await secretariat.GetFormAsync(url), "meetingOn", Today.AddDays(706)).With("format", "InPerson").With("chairName", "Sara Weller");
        var refused = await (await secretariat.PostAsync(url, form.ToContent())).ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Sara Weller was not the Chair of the Panel on", ErrorSummary(refused), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.PostAsync(url, form.With("chairOnBehalfOf", "Hayley Tatum").ToContent())).StatusCode);
        var overview = await secretariat.GetDocumentAsync($"/panel/meetings/{meeting}");
        Assert.Contains("On behalf of Hayley Tatum", overview.QuerySelector("#chair")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_agenda_is_reordered_and_trimmed_while_planned_and_a_theme_discussion_names_its_theme()
    {
        var secretariat = await app.SignInAsync("secretariat@demo.test");
        var meeting = await PlanAsync(secretariat, Today.AddDays(707));
        var items = await app.WithDbAsync(db => db.AgendaItems.Where(a => a.PanelMeetingId == meeting).OrderBy(a => a.Number).ToListAsync());
        var theme = await app.WithDbAsync(db => db.Themes.Where(t => t.Code == "STOP").Select(t => t.Id).SingleAsync());

        var itemUrl = $"/panel/meetings/{meeting}/agenda-item/{items[2].Id}";
        var edit = await secretariat.PostAsync(itemUrl, (await secretariat.GetFormAsync(itemUrl)).With("kind", "ThemeDiscussion").With("title", "Group discussion – stopping payments").With("themeId", theme.ToString()).ToContent());
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        var wrongKind = await (await secretariat.PostAsync($"/panel/meetings/{meeting}/agenda-item", (await secretariat.GetFormAsync($"/panel/meetings/{meeting}/agenda-item"))
            .With("kind", "Welcome").With("themeId", theme.ToString()).ToContent())).ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Only a group discussion of a theme links to a theme", ErrorSummary(wrongKind), StringComparison.Ordinal);

        var agendaForm = await secretariat.GetFormAsync($"/panel/meetings/{meeting}/agenda");
        var version = await app.WithDbAsync(db => db.AgendaItems.Where(a => a.Id == items[2].Id).Select(a => a.Version).SingleAsync());
        var moved = await secretariat.PostAsync($"{itemUrl}?handler=MoveUp", agendaForm.With("version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToContent());
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var removeUrl = $"/panel/meetings/{meeting}/agenda-item/{items[0].Id}?handler=Remove";
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.PostAsync(removeUrl, agendaForm.With("version", "1").ToContent())).StatusCode);

        var page = await secretariat.GetDocumentAsync($"/panel/meetings/{meeting}/agenda");
        var rows = page.QuerySelectorAll("#agenda tbody tr").Select(r => (r.Children[0].TextContent.Trim(), r.Children[1].TextContent.Trim(), r.Children[2].TextContent.Trim())).ToList();
        Assert.Equal([("1", "Group discussion – stopping payments", "Stopping payments"), ("2", "Update on actions and decisions", ""), ("3", "AOB and close", "")], rows);
        // Theme names are plain text for the secretariat (the theme records are the Administrators').
        Assert.Null(page.QuerySelector("#agenda a[href='/admin/reference-data/themes']"));
    }

    [Fact]
    public async Task The_secretariats_home_page_lists_papers_due_within_a_week()
    {
        var secretariat = await app.SignInAsync("secretariat@demo.test");
        var on = Today.AddDays(10);
        var meeting = await PlanAsync(secretariat, on);
        Assert.Equal(HttpStatusCode.Redirect, (await AddPaperAsync(secretariat, meeting, "Actions update")).StatusCode);
        var home = await secretariat.GetDocumentAsync("/");
        Assert.Contains($"Paper 1 for the meeting on {UkTime.Format(on)} is due to be circulated by {UkTime.Format(on.AddDays(-7))}", home.Body!.TextContent, StringComparison.Ordinal);
    }
}
