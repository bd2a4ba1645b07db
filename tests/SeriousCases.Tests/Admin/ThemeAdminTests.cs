using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Common;
using SeriousCases.Core.ReferenceData;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Admin;

/// <summary>Administrators extend the theme list; a theme taken out of use cannot code new findings; two
/// administrators never overwrite each other's changes.</summary>
public sealed class ThemeAdminTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    [Fact]
    public void Codes_and_names_are_checked_with_messages_that_say_what_to_fix()
    {
        var errors = ThemeRules.Validate("call backs", new ThemeChange("", new string('x', 2001), true), isNew: true);
        Assert.Throws<DomainValidationException>(errors.ThrowIfAny);
        Assert.True(errors.Has("code") && errors.Has("name") && errors.Has("description"));
        Assert.False(ThemeRules.Validate("BENEFITCAP", new ThemeChange("Benefit cap", null, true), isNew: true).Has("code"));
        Assert.False(ThemeRules.Validate(null, new ThemeChange("Benefit cap", null, true), isNew: false).Has("code"));
    }

    [Fact]
    public async Task An_administrator_adds_a_theme_which_can_then_code_a_finding_and_the_list_is_open_to_all()
    {
        var admin = await app.SignInAsync("admin@demo.test");
        var form = await admin.GetFormAsync("/admin/reference-data/themes/new");
        var bad = await (await admin.PostAsync("/admin/reference-data/themes/new", form.With("code", "benefit cap").With("name", "Benefit cap").ToContent()))
            .ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Contains("capital letters or digits", bad.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Benefit cap", bad.QuerySelector("#name")!.GetAttribute("value"));

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync("/admin/reference-data/themes/new", form.With("code", "BENEFITCAP").With("name", "Benefit cap").ToContent())).StatusCode);
        var list = await admin.GetDocumentAsync("/admin/reference-data/themes");
        Assert.Contains("Benefit cap has been added", list.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);

        var again = await (await admin.PostAsJsonAsync("/api/v1/themes", new { code = "BENEFITCAP", name = "benefit CAP" })).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("already a theme with the code BENEFITCAP", again.GetProperty("errors").GetProperty("code")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("already a theme called", again.GetProperty("errors").GetProperty("name")[0].GetString(), StringComparison.Ordinal);

        var investigator = await app.SignInAsync("investigator@demo.test");
        var themes = await (await investigator.GetAsync("/api/v1/themes")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Contains(themes.EnumerateArray(), t => t.GetProperty("code").GetString() == "BENEFITCAP");
        Assert.Equal(HttpStatusCode.Forbidden, (await investigator.PostAsJsonAsync("/api/v1/themes", new { code = "OTHER", name = "Other" })).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Theme" && a.Action == Core.Audit.AuditAction.Create)));
    }

    [Fact]
    public async Task A_change_saved_by_someone_else_is_shown_not_overwritten()
    {
        var id = await app.WithDbAsync(db => db.Themes.Where(t => t.Code == "CALLBACK").Select(t => t.Id).SingleAsync());
        var first = await app.SignInAsync("admin@demo.test");
        var second = await app.SignInAsync("admin@demo.test");
        var a = await first.GetFormAsync($"/admin/reference-data/themes/{id}/edit");
        var b = await second.GetFormAsync($"/admin/reference-data/themes/{id}/edit");
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostAsync($"/admin/reference-data/themes/{id}/edit", a.With("name", "Call-backs and follow-up").ToContent())).StatusCode);
        var conflict = await (await second.PostAsync($"/admin/reference-data/themes/{id}/edit", b.With("name", "Call backs not made").ToContent())).ReadDocumentAsync(HttpStatusCode.Conflict);
        Assert.Contains("Call-backs and follow-up", conflict.QuerySelector("#their-changes")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Call backs not made", conflict.QuerySelector("#name")!.GetAttribute("value"));
        Assert.Equal("Call-backs and follow-up", await app.WithDbAsync(db => db.Themes.Where(t => t.Id == id).Select(t => t.Name).SingleAsync()));

        // Taken out of use: kept on old records, no longer offered for new learning.
        var c = await first.GetFormAsync($"/admin/reference-data/themes/{id}/edit");
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostAsync($"/admin/reference-data/themes/{id}/edit", c.With("name", "Call-backs and follow-up").With("isActive", "false").ToContent())).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Themes.Where(t => t.Id == id).Select(t => t.IsActive).SingleAsync()));
    }
}
