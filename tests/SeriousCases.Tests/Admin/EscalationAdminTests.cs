using System.Net;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Actions;
using SeriousCases.Core.Common;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Admin;

/// <summary>Administrators view and change the escalation ladder; bad input is explained, a change saved by someone
/// else in between is shown rather than overwritten.</summary>
public sealed class EscalationAdminTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    [Fact]
    public void Days_and_names_are_checked_with_messages_that_say_what_to_fix()
    {
        var errors = new ValidationErrors();
        Assert.Null(EscalationLadderRules.Validate(new EscalationStepChange("", "eight weeks", true), errors));
        Assert.True(errors.Has("name") && errors.Has("daysAfterDue"));
        Assert.Equal(-14, EscalationLadderRules.Validate(new EscalationStepChange("Reminder", " -14 ", true), new ValidationErrors()));
        var far = new ValidationErrors();
        Assert.Null(EscalationLadderRules.Validate(new EscalationStepChange("Later", "4000", true), far));
        Assert.True(far.Has("daysAfterDue"));
        Assert.Equal("14 days before the due date", EscalationLadderService.DescribeDays(-14));
    }

    [Fact]
    public async Task An_administrator_sees_the_ladder_and_changes_a_step_with_errors_explained()
    {
        var id = await app.WithDbAsync(db => db.EscalationSteps.Where(s => s.Code == "PANEL").Select(s => s.Id).SingleAsync());
        var admin = await app.SignInAsync("admin@demo.test");
        var list = await admin.GetDocumentAsync("/admin/reference-data/escalation");
        Assert.Contains("56 days after the due date", list.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("14 days before the due date", list.QuerySelector("table")!.TextContent, StringComparison.Ordinal);

        var form = await admin.GetFormAsync($"/admin/reference-data/escalation/{id}/edit");
        var bad = await (await admin.PostAsync($"/admin/reference-data/escalation/{id}/edit", form.With("name", "Overdue 10 weeks").With("daysAfterDue", "ten weeks").With("isActive", "true").ToContent()))
            .ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Contains("whole number", bad.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("#daysAfterDue", bad.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        Assert.Equal("ten weeks", bad.QuerySelector("#daysAfterDue")!.GetAttribute("value"));
        Assert.Equal("Overdue 10 weeks", bad.QuerySelector("#name")!.GetAttribute("value"));

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync($"/admin/reference-data/escalation/{id}/edit", form.With("daysAfterDue", "70").ToContent())).StatusCode);
        var after = await admin.GetDocumentAsync("/admin/reference-data/escalation");
        Assert.Contains("Overdue 10 weeks has been saved", after.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(70, await app.WithDbAsync(db => db.EscalationSteps.Where(s => s.Id == id).Select(s => s.DaysAfterDue).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(EscalationStep) && a.Action == Core.Audit.AuditAction.Update)));

        var owner = await app.SignInAsync("owner@demo.test");
        Assert.NotEqual(HttpStatusCode.OK, (await owner.GetAsync("/admin/reference-data/escalation")).StatusCode);
    }

    [Fact]
    public async Task A_change_saved_by_someone_else_is_shown_not_overwritten()
    {
        var id = await app.WithDbAsync(db => db.EscalationSteps.Where(s => s.Code == "MINISTERS").Select(s => s.Id).SingleAsync());
        var first = await app.SignInAsync("admin@demo.test");
        var second = await app.SignInAsync("admin@demo.test");
        var a = await first.GetFormAsync($"/admin/reference-data/escalation/{id}/edit");
        var b = await second.GetFormAsync($"/admin/reference-data/escalation/{id}/edit");
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostAsync($"/admin/reference-data/escalation/{id}/edit", a.With("name", "Overdue 20 weeks: ministers").With("daysAfterDue", "140").With("isActive", "true").ToContent())).StatusCode);
        var conflict = await (await second.PostAsync($"/admin/reference-data/escalation/{id}/edit", b.With("name", "Ministers").With("daysAfterDue", "100").With("isActive", "false").ToContent()))
            .ReadDocumentAsync(HttpStatusCode.Conflict);
        Assert.Contains("Overdue 20 weeks: ministers", conflict.QuerySelector("#their-changes")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("100", conflict.QuerySelector("#daysAfterDue")!.GetAttribute("value"));
        Assert.Equal(140, await app.WithDbAsync(db => db.EscalationSteps.Where(s => s.Id == id).Select(s => s.DaysAfterDue).SingleAsync()));

        // Saving again, now against their version, replaces it.
        var again = await second.GetFormAsync($"/admin/reference-data/escalation/{id}/edit");
        Assert.Equal(HttpStatusCode.Redirect, (await second.PostAsync($"/admin/reference-data/escalation/{id}/edit", again.With("name", "Ministers").With("daysAfterDue", "100").With("isActive", "false").ToContent())).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.EscalationSteps.Where(s => s.Id == id).Select(s => s.IsActive).SingleAsync()));
    }
}
