using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Actions;
using SeriousCases.Core.Audit;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Actions;

/// <summary>The action register's pages over HTTP on the database of the run: who sees what, the filters, keyset
/// paging, saved views, the CSV export, and every form's errors and stale-version conflict. Each test adds its own
/// activities (ACT-2026-96xx) and never counts the demo data.</summary>
public sealed class ActionRegisterPageTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    private static IReadOnlyList<string> References(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("#register tbody tr td:first-child a").Select(a => a.TextContent.Trim())];

    private static string ErrorSummary(IHtmlDocument page) => page.QuerySelector(".govuk-error-summary")?.TextContent ?? "";

    private Task<Guid> AddAsync(ActivityBuilder builder) => app.WithDbAsync(builder.CreateAsync);

    /// <summary>Filters on one due date, far from the demo's, so a test finds its own activities on the first page.</summary>
    private static string DueOn(int daysFromToday)
    {
        var d = Core.Common.UkTime.Today(TimeProvider.System).AddDays(daysFromToday);
        return $"dueFrom.day={d.Day}&dueFrom.month={d.Month}&dueFrom.year={d.Year}&dueTo.day={d.Day}&dueTo.month={d.Month}&dueTo.year={d.Year}";
    }

    [Fact]
    public async Task An_owner_lands_on_their_teams_activities_and_never_sees_another_teams()
    {
        var ours = await AddAsync(new ActivityBuilder("ACT-2026-9601") { Owner = "UC", DueInDays = 601 });
        var theirs = await AddAsync(new ActivityBuilder("ACT-2026-9602") { Owner = "PIP", DueInDays = 601 });
        var owner = await app.SignInAsync("owner@demo.test");

        var page = await owner.GetDocumentAsync("/actions");
        Assert.Equal("true", page.QuerySelector("input[name=mine][checked]")?.GetAttribute("value"));
        var shown = References(page);
        var owned = await app.WithDbAsync(db => db.AgreedActivities.Where(a => shown.Contains(a.Reference))
            .Select(a => new { a.OwnerTeam!.ShortName, Contributors = a.Contributors.Select(c => c.OwnerTeam!.ShortName).ToList() }).ToListAsync());
        Assert.NotEmpty(owned);
        Assert.All(owned, a => Assert.True(a.ShortName == "UC" || a.Contributors.Contains("UC")));

        Assert.Equal(["ACT-2026-9601"], References(await owner.GetDocumentAsync("/actions?" + DueOn(601))));
        Assert.Equal(["ACT-2026-9601"], References(await owner.GetDocumentAsync("/actions?mine=false&" + DueOn(601))));
        Assert.Empty(References(await owner.GetDocumentAsync("/actions?mine=false&owner=PIP&" + DueOn(601))));
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/actions/{theirs}")).StatusCode);
        var detail = await owner.GetDocumentAsync($"/actions/{ours}");
        Assert.NotNull(detail.QuerySelector("a[href$='/progress']"));
        Assert.Null(detail.QuerySelector("a[href$='/assure']"));
    }

    [Fact]
    public async Task A_panel_member_sees_panel_items_only_and_never_an_ipr_reference()
    {
        var panelItem = await AddAsync(new ActivityBuilder("ACT-2026-9603") { Origin = ActivityOrigin.PanelRecommendation, Owner = "CXD", DirectorGeneral = "Director General for Service Excellence", MeetingOn = new DateOnly(2020, 7, 2) });
        var iprItem = await AddAsync(new ActivityBuilder("ACT-2026-9604") { Origin = ActivityOrigin.IprgAgreedActivity, OnDemoIpr = true });
        var panel = await app.SignInAsync("panel@demo.test");

        var page = await panel.GetDocumentAsync("/actions");
        var shown = References(page);
        Assert.Contains("ACT-2026-9603", shown);
        var origins = await app.WithDbAsync(db => db.AgreedActivities.Where(a => shown.Contains(a.Reference)).Select(a => a.Origin).ToListAsync());
        Assert.All(origins, o => Assert.Contains(o, new[] { ActivityOrigin.PanelRecommendation, ActivityOrigin.PanelActionPoint, ActivityOrigin.PanelDecisionWork }));
        Assert.DoesNotContain("IPR-", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("input[name=mine]"));

        var detail = await panel.GetDocumentAsync($"/actions/{panelItem}");
        Assert.Contains("Serious Case Panel meeting of 2 July 2020", detail.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("IPR-", detail.Body.TextContent, StringComparison.Ordinal);
        Assert.Null(detail.QuerySelector("#activity-actions"));
        Assert.Equal(HttpStatusCode.NotFound, (await panel.GetAsync($"/actions/{iprItem}")).StatusCode);

        // The IPRG sees the case behind its own activity.
        var iprg = await (await app.SignInAsync("iprg@demo.test")).GetDocumentAsync($"/actions/{iprItem}");
        Assert.Contains("IPR-", iprg.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_referrer_is_refused_the_register()
    {
        var referrer = await app.SignInAsync("referrer@demo.test");
        foreach (var url in new[] { "/actions", "/actions/export.csv", "/actions/new" })
        {
            var response = await referrer.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/access-denied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Filters_select_by_owner_status_dates_overdue_and_due_soon_and_say_what_is_wrong()
    {
        await AddAsync(new ActivityBuilder("ACT-2026-9611") { Owner = "DLA", DueInDays = -20, Status = ActivityStatus.InProgress });
        await AddAsync(new ActivityBuilder("ACT-2026-9612") { Owner = "DLA", DueInDays = 5 });
        await AddAsync(new ActivityBuilder("ACT-2026-9613") { Owner = "DLA", DueInDays = 200 });
        var secretariat = await app.SignInAsync("secretariat@demo.test");

        var dla = await secretariat.GetDocumentAsync("/actions?owner=DLA");
        Assert.Superset(new HashSet<string> { "ACT-2026-9611", "ACT-2026-9612", "ACT-2026-9613" }, References(dla).ToHashSet());
        var overdue = await secretariat.GetDocumentAsync("/actions?owner=DLA&overdue=true");
        Assert.Contains("ACT-2026-9611", References(overdue));
        Assert.DoesNotContain("ACT-2026-9612", References(overdue));
        Assert.Contains("20 days overdue", overdue.QuerySelector("#register")!.TextContent, StringComparison.Ordinal);
        var soon = References(await secretariat.GetDocumentAsync("/actions?owner=DLA&dueSoon=true"));
        Assert.Contains("ACT-2026-9612", soon);
        Assert.DoesNotContain("ACT-2026-9613", soon);
        Assert.DoesNotContain("ACT-2026-9611", References(await secretariat.GetDocumentAsync("/actions?owner=DLA&status=NotStarted")));

        var far = Core.Common.UkTime.Today(TimeProvider.System).AddDays(150);
        var later = References(await secretariat.GetDocumentAsync($"/actions?owner=DLA&dueFrom.day={far.Day}&dueFrom.month={far.Month}&dueFrom.year={far.Year}"));
        Assert.Equal(["ACT-2026-9613"], later.Where(r => r.StartsWith("ACT-2026-96", StringComparison.Ordinal)));

        var bad = await secretariat.GetDocumentAsync("/actions?dueFrom.day=31&dueFrom.month=2&dueFrom.year=2026", HttpStatusCode.BadRequest);
        Assert.Contains("Due from must be a real date", ErrorSummary(bad), StringComparison.Ordinal);
        Assert.Equal("31", bad.QuerySelector("#dueFrom-day")!.GetAttribute("value"));
        var unknown = await secretariat.GetDocumentAsync("/actions?owner=Nobody", HttpStatusCode.BadRequest);
        Assert.Contains("There is no owner team called Nobody", ErrorSummary(unknown), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_register_pages_on_with_next_page_links_and_no_activity_twice()
    {
        var secretariat = await app.SignInAsync("secretariat@demo.test");
        var first = await secretariat.GetDocumentAsync("/actions");
        var next = first.QuerySelector(".govuk-pagination__next a")?.GetAttribute("href");
        Assert.NotNull(next);
        Assert.Contains("after=", next, StringComparison.Ordinal);
        var second = await secretariat.GetDocumentAsync(next);
        Assert.Empty(References(first).Intersect(References(second)));
        Assert.Contains("showing 51 to", second.QuerySelector("caption")!.TextContent, StringComparison.Ordinal);

        var forged = await secretariat.GetDocumentAsync("/actions?after=nonsense", HttpStatusCode.BadRequest);
        Assert.Contains("The page link is not valid", ErrorSummary(forged), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saved_views_are_kept_per_user_with_a_clear_error_when_the_name_is_missing_or_taken()
    {
        var owner = await app.SignInAsync("owner@demo.test");
        var form = await owner.GetFormAsync("/actions?overdue=true");
        var missing = await (await owner.PostAsync("/actions?handler=SaveView&overdue=true&mine=true", form.With("viewName", " ").ToContent())).ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Enter a name for the view", ErrorSummary(missing), StringComparison.Ordinal);

        var saved = await owner.PostAsync("/actions?handler=SaveView&overdue=true&mine=true", form.With("viewName", "UC overdue").ToContent());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var list = await owner.GetDocumentAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains("View ‘UC overdue’ saved", list.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        var link = list.QuerySelectorAll(".govuk-summary-list a").Single(a => a.TextContent == "UC overdue");
        Assert.Contains("overdue=true", link.GetAttribute("href"), StringComparison.Ordinal);

        var taken = await (await owner.PostAsync("/actions?handler=SaveView", form.With("viewName", "uc OVERDUE").ToContent())).ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Contains("You already have a view called ‘uc OVERDUE’", ErrorSummary(taken), StringComparison.Ordinal);
        Assert.Equal("uc OVERDUE", taken.QuerySelector("#viewName")!.GetAttribute("value"));

        // Another user has views of their own only, and cannot delete this one.
        var id = await app.WithDbAsync(db => db.SavedViews.Where(v => v.Name == "UC overdue").Select(v => v.Id).SingleAsync());
        var analyst = await app.SignInAsync("analyst@demo.test");
        Assert.Empty((await analyst.GetDocumentAsync("/actions")).QuerySelectorAll(".govuk-summary-list a"));
        var theirForm = await analyst.GetFormAsync("/actions");
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.PostAsync("/actions?handler=DeleteView", theirForm.With("viewId", id.ToString()).ToContent())).StatusCode);

        var deleted = await owner.PostAsync("/actions?handler=DeleteView", (await owner.GetFormAsync("/actions")).With("viewId", id.ToString()).ToContent());
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.SavedViews.AnyAsync(v => v.Id == id)));
    }

    [Fact]
    public async Task The_csv_export_holds_every_matching_activity_escapes_formulas_and_is_audited()
    {
        await AddAsync(new ActivityBuilder("ACT-2026-9621") { Owner = "IB/ESA", Text = "=HYPERLINK(\"http://example.test\") remind colleagues" });
        var secretariat = await app.SignInAsync("secretariat@demo.test");
        var response = await secretariat.GetAsync("/actions/export.csv?owner=IB%2FESA");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var csv = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("Reference,Origin,Activity", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("ACT-2026-9621", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",\"=HYPERLINK", csv, StringComparison.Ordinal);

        // Every matching activity, not the first page only.
        var all = await secretariat.GetAsync("/actions/export.csv?origin=IprgAgreedActivity");
        var lines = (await all.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;
        var total = await app.WithDbAsync(db => db.AgreedActivities.CountAsync(a => a.Origin == ActivityOrigin.IprgAgreedActivity));
        Assert.True(total > ActionRegisterService.DefaultPageSize);
        Assert.True(lines >= total, $"{lines} lines for {total} activities");
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.Export && e.EntityType == nameof(AgreedActivity))));
    }

    [Fact]
    public async Task Progress_needs_a_note_and_a_stale_version_shows_who_changed_it_and_keeps_the_text()
    {
        var id = await AddAsync(new ActivityBuilder("ACT-2026-9631"));
        var first = await app.SignInAsync("owner@demo.test");
        var second = await app.SignInAsync("owner@demo.test");
        var url = $"/actions/{id}/progress";

        var empty = await (await first.PostAsync(url, (await first.GetFormAsync(url)).With("note", "").ToContent())).ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Enter the progress update", ErrorSummary(empty), StringComparison.Ordinal);
        Assert.StartsWith("Error:", empty.Title, StringComparison.Ordinal);

        var a = await first.GetFormAsync(url);
        var b = await second.GetFormAsync(url);
        var ok = await first.PostAsync(url, a.With("note", "Guidance drafted and sent to the UC policy team.").ToContent());
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var detail = await first.GetDocumentAsync(ok.Headers.Location!.OriginalString);
        Assert.Contains("Progress update added to ACT-2026-9631", detail.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Guidance drafted", detail.QuerySelector("#history")!.TextContent, StringComparison.Ordinal);

        var conflict = await (await second.PostAsync(url, b.With("note", "Team leaders briefed on the new process.").ToContent())).ReadDocumentAsync(HttpStatusCode.Conflict);
        Assert.Contains("This activity was changed by Owen Owner", ErrorSummary(conflict), StringComparison.Ordinal);
        Assert.Equal("Team leaders briefed on the new process.", conflict.QuerySelector("#note")!.TextContent);
        Assert.Contains("Guidance drafted", conflict.QuerySelector("#their-change")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.ActivityUpdates.CountAsync(u => u.AgreedActivityId == id && u.Kind == ActivityEventKind.Progress)));

        // Saving again, with the other change in view, adds the second update.
        var again = new Support.FormValues(conflict.QuerySelectorAll("main form input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? ""));
        Assert.Equal(HttpStatusCode.Redirect, (await second.PostAsync(url, again.With("note", "Team leaders briefed on the new process.").ToContent())).StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.ActivityUpdates.CountAsync(u => u.AgreedActivityId == id && u.Kind == ActivityEventKind.Progress)));
    }

    [Fact]
    public async Task Completion_needs_evidence_and_an_outcome_and_keeps_what_was_typed()
    {
        var id = await AddAsync(new ActivityBuilder("ACT-2026-9632") { Status = ActivityStatus.InProgress });
        var owner = await app.SignInAsync("owner@demo.test");
        var url = $"/actions/{id}/complete";
        var form = await owner.GetFormAsync(url);
        var bad = await (await owner.PostAsync(url, form.With("evidence", "Bulletin published on the intranet.").With("outcome", "").ToContent())).ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Enter the learning outcome", ErrorSummary(bad), StringComparison.Ordinal);
        Assert.Equal("Bulletin published on the intranet.", bad.QuerySelector("#evidence")!.TextContent);

        var done = await owner.PostAsync(url, form.With("outcome", "Customers get their call back.").ToContent());
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var a = await app.WithDbAsync(db => db.AgreedActivities.SingleAsync(x => x.Id == id));
        Assert.Equal(ActivityState.AwaitingAssurance, ActivityRules.StateOf(a));

        // The owner cannot assure their own work.
        var assure = await owner.GetAsync($"/actions/{id}/assure");
        Assert.Contains("/access-denied", assure.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replanning_keeps_the_first_date_and_needs_a_real_date_and_a_reason()
    {
        var id = await AddAsync(new ActivityBuilder("ACT-2026-9633") { DueInDays = -3 });
        var owner = await app.SignInAsync("owner@demo.test");
        var url = $"/actions/{id}/replan";
        var form = await owner.GetFormAsync(url);
        var bad = await (await owner.PostAsync(url, form.With("dueOn.day", "30").With("dueOn.month", "2").With("dueOn.year", "2030").With("reason", "").ToContent()))
            .ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Contains("The new due date must be a real date", ErrorSummary(bad), StringComparison.Ordinal);
        Assert.Contains("Enter why the due date is changing", ErrorSummary(bad), StringComparison.Ordinal);
        Assert.Equal("30", bad.QuerySelector("#dueOn-day")!.GetAttribute("value"));

        var ok = await owner.PostAsync(url, form.With("dueOn.day", "31").With("dueOn.month", "3").With("dueOn.year", "2030").With("reason", "Colleagues redeployed to new claims.").ToContent());
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var a = await app.WithDbAsync(db => db.AgreedActivities.SingleAsync(x => x.Id == id));
        Assert.Equal(new DateOnly(2030, 3, 31), a.DueOn);
        Assert.NotEqual(a.DueOn, a.FirstDueOn);
        var list = await owner.GetDocumentAsync("/actions?mine=true&owner=UC&dueFrom.day=31&dueFrom.month=3&dueFrom.year=2030&dueTo.day=31&dueTo.month=3&dueTo.year=2030");
        Assert.Contains("was ", list.QuerySelector("#register")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assurance_needs_a_grade_and_a_superseding_reference_and_conflicts_are_shown()
    {
        var id = await AddAsync(new ActivityBuilder("ACT-2026-9634") { Origin = ActivityOrigin.IprgAgreedActivity, OnDemoIpr = true, ReportedComplete = true });
        var iprg = await app.SignInAsync("iprg@demo.test");
        var url = $"/actions/{id}/assure";
        var form = await iprg.GetFormAsync(url);
        var none = await (await iprg.PostAsync(url, form.ToContent())).ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Select whether the evidence gives assurance", ErrorSummary(none), StringComparison.Ordinal);
        var superseded = await (await iprg.PostAsync(url, form.With("grade", "Superseded").With("supersededBy", "ACT-2026-9999").ToContent())).ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Contains("There is no other activity with the reference ACT-2026-9999", ErrorSummary(superseded), StringComparison.Ordinal);
        Assert.NotNull(superseded.QuerySelector("#grade-Superseded[checked]"));
        var partly = await (await iprg.PostAsync(url, form.With("grade", "PartlyAssured").With("note", "").ToContent())).ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Enter what the owner still needs to show", ErrorSummary(partly), StringComparison.Ordinal);

        // The owner's completion was withdrawn and reported again while the form was open.
        var stale = await iprg.GetFormAsync(url);
        await app.WithDbAsync(async db =>
        {
            var a = await db.AgreedActivities.SingleAsync(x => x.Id == id);
            a.EvidenceOfCompletion += " Sample check added.";
            db.ActivityUpdates.Add(new ActivityUpdate { AgreedActivityId = id, Kind = ActivityEventKind.CompletionReported, At = TimeProvider.System.GetUtcNow().UtcDateTime, ByName = "Owen Owner", Note = "Completion reported. Sample check added." });
            return await db.SaveChangesAsync();
        });
        var conflict = await (await iprg.PostAsync(url, stale.With("grade", "Assured").With("note", "Evidence checked at the group.").ToContent())).ReadDocumentAsync(HttpStatusCode.Conflict);
        Assert.Contains("changed by Owen Owner", ErrorSummary(conflict), StringComparison.Ordinal);
        Assert.Equal("Evidence checked at the group.", conflict.QuerySelector("#note")!.TextContent);

        var ok = await iprg.PostAsync(url, (await iprg.GetFormAsync(url)).With("grade", "Assured").ToContent());
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(ActivityState.Complete, ActivityRules.StateOf(await app.WithDbAsync(db => db.AgreedActivities.SingleAsync(x => x.Id == id))));
    }

    [Fact]
    public async Task The_secretariat_closes_an_activity_only_with_a_reason()
    {
        var id = await AddAsync(new ActivityBuilder("ACT-2026-9635") { Origin = ActivityOrigin.PanelActionPoint, Owner = "CXD", MeetingOn = new DateOnly(2020, 3, 19) });
        var secretariat = await app.SignInAsync("secretariat@demo.test");
        var url = $"/actions/{id}/close";
        var form = await secretariat.GetFormAsync(url);
        var bad = await (await secretariat.PostAsync(url, form.With("reason", "").ToContent())).ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Enter why the activity is closing without completion", ErrorSummary(bad), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.PostAsync(url, form.With("reason", "Overtaken by the new Terms of Reference.").ToContent())).StatusCode);
        Assert.Equal(ActivityStatus.ClosedWithoutCompletion, await app.WithDbAsync(db => db.AgreedActivities.Where(x => x.Id == id).Select(x => x.Status).SingleAsync()));
    }

    [Fact]
    public async Task The_secretariat_adds_activities_of_each_origin_with_what_each_needs()
    {
        var secretariat = await app.SignInAsync("secretariat@demo.test");
        var form = await secretariat.GetFormAsync("/actions/new");
        var empty = await (await secretariat.PostAsync("/actions/new", form.ToContent())).ReadDocumentAsync(HttpStatusCode.BadRequest);
        var summary = ErrorSummary(empty);
        Assert.Contains("Select where the activity comes from", summary, StringComparison.Ordinal);
        Assert.Contains("Enter the activity or recommendation", summary, StringComparison.Ordinal);
        Assert.Contains("Select the team that owns the activity", summary, StringComparison.Ordinal);
        Assert.Contains("Enter the date the activity is due", summary, StringComparison.Ordinal);

        var due = Core.Common.UkTime.Today(TimeProvider.System).AddDays(90);
        FormValues Filled() => form.With("text", "Review the guidance on named contacts.").With("owner", "UC")
            .With("dueOn.day", due.Day.ToString(System.Globalization.CultureInfo.InvariantCulture)).With("dueOn.month", due.Month.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With("dueOn.year", due.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)).With("priority", "High");
        var recommendation = await (await secretariat.PostAsync("/actions/new", Filled().With("origin", "PanelRecommendation").With("meetingOn-PanelRecommendation", "2020-07-02").ToContent()))
            .ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Enter the Director General or committee accountable", ErrorSummary(recommendation), StringComparison.Ordinal);
        Assert.Equal("Review the guidance on named contacts.", recommendation.QuerySelector("#text")!.TextContent);
        Assert.NotNull(recommendation.QuerySelector("#meetingOn-PanelRecommendation option[value='2020-07-02'][selected]"));

        var commitment = await (await secretariat.PostAsync("/actions/new", Filled().With("origin", "ParliamentOrNaoCommitment").With("originDescription", "").ToContent()))
            .ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Enter where the commitment was made", ErrorSummary(commitment), StringComparison.Ordinal);

        var created = await secretariat.PostAsync("/actions/new", Filled().With("origin", "PanelRecommendation").With("meetingOn-PanelRecommendation", "2020-07-02")
            .With("directorGeneral", "Director General for Service Excellence").With("contributors", "PIP").ToContent());
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = await secretariat.GetDocumentAsync(created.Headers.Location!.OriginalString);
        Assert.Contains("added to the register", page.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("SCP-20200702-R", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("PIP", page.QuerySelector(".govuk-summary-list")!.TextContent, StringComparison.Ordinal);

        var owner = await app.SignInAsync("owner@demo.test");
        Assert.Contains("/access-denied", (await owner.GetAsync("/actions/new")).Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }
}
