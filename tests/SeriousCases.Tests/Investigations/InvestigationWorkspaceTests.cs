using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Audit;
using SeriousCases.Core.Investigations;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Investigations;

/// <summary>The workspace on the database of the run: Triage assigns, the investigator sees only their own
/// cases (others are not found, and the attempt is audited), and stages move under the rules.</summary>
public sealed class InvestigationWorkspaceTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    /// <summary>A referral accepted at triage: the IPR it opens, not yet assigned.</summary>
    private async Task<Guid> AcceptedIprAsync()
    {
        var referrer = await app.SignInAsync("referrer@demo.test");
        var created = await (await referrer.PostAsJsonAsync("/api/v1/referrals", new
        {
            receivedOn = "2026-11-02",
            nation = "England",
            serviceLines = new[] { "Universal Credit" },
            @event = "Died",
            allegation = true,
            allegationDetail = "The family say a payment was stopped.",
            customer = new { name = "Owen Price" },
        })).ReadJsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        var triage = await app.SignInAsync("triage@demo.test");
        await (await triage.PostAsJsonAsync($"/api/v1/referrals/{id}/decision", new { decision = "accept" })).ReadJsonAsync(HttpStatusCode.OK);
        return await app.WithDbAsync(db => db.Investigations.Where(i => i.ReferralId == id).Select(i => i.Id).SingleAsync());
    }

    [Fact]
    public async Task Triage_assigns_and_only_the_assigned_investigator_sees_the_case()
    {
        var id = await AcceptedIprAsync();
        var investigator = await app.SignInAsync("investigator@demo.test");
        Assert.Equal(HttpStatusCode.NotFound, (await investigator.GetAsync($"/api/v1/investigations/{id}")).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.AccessRefused && a.EntityId == id.ToString())));
        await investigator.GetDocumentAsync($"/investigations/{id}", HttpStatusCode.NotFound);

        var triage = await app.SignInAsync("triage@demo.test");
        var form = await triage.GetFormAsync($"/investigations/{id}/assign");
        var none = await (await triage.PostAsync($"/investigations/{id}/assign", form.ToContent())).ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Select an investigator", none.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        var investigatorId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "investigator@demo.test").Select(u => u.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await triage.PostAsync($"/investigations/{id}/assign", form.With("investigator", investigatorId.ToString()).ToContent())).StatusCode);

        var caseload = await (await investigator.GetAsync("/api/v1/investigations?assignedTo=me")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Contains(caseload.EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);
        var page = await investigator.GetDocumentAsync("/investigations");
        Assert.NotNull(page.QuerySelector($"a[href='/investigations/{id}']"));
        var read = await (await investigator.GetAsync($"/api/v1/investigations/{id}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Ivan Investigator", read.GetProperty("investigator").GetString());
        Assert.Equal(["Universal Credit"], read.GetProperty("serviceLines").EnumerateArray().Select(e => e.GetString()));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.View && a.EntityId == id.ToString())));

        // Only Triage assigns.
        var refused = await investigator.GetAsync($"/investigations/{id}/assign");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/access-denied", refused.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stages_move_one_at_a_time_dated_and_recorded_and_conclusion_waits_for_the_iprg()
    {
        var id = await AcceptedIprAsync();
        var triage = await app.SignInAsync("triage@demo.test");
        var skip = await (await triage.PostAsJsonAsync($"/api/v1/investigations/{id}/stage", new { stage = "Drafting" })).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("can move to launched, not drafting", skip.GetProperty("errors").GetProperty("stage")[0].GetString(), StringComparison.Ordinal);
        var unassigned = await (await triage.PostAsJsonAsync($"/api/v1/investigations/{id}/stage", new { stage = "Launched" })).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Assign an investigator", unassigned.GetProperty("errors").GetProperty("stage")[0].GetString(), StringComparison.Ordinal);

        var investigatorId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "investigator@demo.test").Select(u => u.Id).SingleAsync());
        await app.WithDbAsync(async db =>
        {
            var ipr = await db.Investigations.SingleAsync(i => i.Id == id);
            ipr.InvestigatorUserId = investigatorId;
            return await db.SaveChangesAsync();
        });

        var investigator = await app.SignInAsync("investigator@demo.test");
        foreach (var stage in new[] { "Launched", "FactFinding", "Drafting", "WithIprg" })
        {
            await (await investigator.PostAsJsonAsync($"/api/v1/investigations/{id}/stage", new { stage })).ReadJsonAsync(HttpStatusCode.OK);
        }

        var early = await (await investigator.PostAsJsonAsync($"/api/v1/investigations/{id}/stage", new { stage = "Concluded", outcome = "NoLearningIdentified" })).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("The IPRG must review the case", early.GetProperty("errors").GetProperty("stage")[0].GetString(), StringComparison.Ordinal);

        // The group's review (recorded by the IPRG's own screens in the next step of this work).
        await app.WithDbAsync(async db =>
        {
            var ipr = await db.Investigations.SingleAsync(i => i.Id == id);
            ipr.IprgReviewedOn = ipr.SentToIprgOn;
            return await db.SaveChangesAsync();
        });
        var concluded = await (await investigator.PostAsJsonAsync($"/api/v1/investigations/{id}/stage", new { stage = "Concluded", outcome = "NoLearningIdentified" })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Concluded", concluded.GetProperty("stage").GetString());
        Assert.Equal("NoLearningIdentified", concluded.GetProperty("outcome").GetString());
        Assert.Equal(5, concluded.GetProperty("history").GetArrayLength());
        Assert.NotEqual(JsonValueKind.Null, concluded.GetProperty("launchedOn").ValueKind);

        var after = await (await investigator.PostAsJsonAsync($"/api/v1/investigations/{id}/stage", new { stage = "Drafting" })).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("is concluded", after.GetProperty("errors").GetProperty("stage")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(5, await app.WithDbAsync(db => db.StageChanges.CountAsync(s => s.InvestigationId == id)));
    }

    [Fact]
    public async Task The_case_page_moves_the_stage_and_says_what_is_wrong()
    {
        var id = await AcceptedIprAsync();
        var triage = await app.SignInAsync("triage@demo.test");
        var form = await triage.GetFormAsync($"/investigations/{id}");
        var empty = await (await triage.PostAsync($"/investigations/{id}", form.ToContent())).ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Select the stage", empty.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        var unassigned = await (await triage.PostAsync($"/investigations/{id}", form.With("stage", "Launched").ToContent())).ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Assign an investigator before the IPR is launched", unassigned.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(unassigned.QuerySelector("#stage-Launched[checked]"));
        Assert.Equal(InvestigationStage.Accepted, await app.WithDbAsync(db => db.Investigations.Where(i => i.Id == id).Select(i => i.Stage).SingleAsync()));
    }

    [Fact]
    public async Task Learning_is_recorded_with_its_line_and_themes_while_the_case_is_investigated()
    {
        var id = await AcceptedIprAsync();
        var investigatorId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "investigator@demo.test").Select(u => u.Id).SingleAsync());
        await app.WithDbAsync(async db =>
        {
            var ipr = await db.Investigations.SingleAsync(i => i.Id == id);
            ipr.InvestigatorUserId = investigatorId;
            return await db.SaveChangesAsync();
        });
        var investigator = await app.SignInAsync("investigator@demo.test");
        var finding = new { text = "The customer's request for a call back was not met.", serviceLine = "UC", themes = new[] { "Call-backs" } };

        var early = await (await investigator.PostAsJsonAsync($"/api/v1/investigations/{id}/findings", finding)).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("while the IPR is being investigated", early.GetProperty("errors").GetProperty("text")[0].GetString(), StringComparison.Ordinal);
        await (await investigator.PostAsJsonAsync($"/api/v1/investigations/{id}/stage", new { stage = "Launched" })).ReadJsonAsync(HttpStatusCode.OK);

        var bad = await (await investigator.PostAsJsonAsync($"/api/v1/investigations/{id}/findings", new { text = "", serviceLine = "Winter Fuel", themes = new[] { "Weather" } })).ReadJsonAsync(HttpStatusCode.BadRequest);
        var errors = bad.GetProperty("errors");
        Assert.Contains("Enter the learning identified", errors.GetProperty("text")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("'Winter Fuel' is not a service line", errors.GetProperty("serviceLine")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("'Weather' is not a theme", errors.GetProperty("themes")[0].GetString(), StringComparison.Ordinal);

        var created = await (await investigator.PostAsJsonAsync($"/api/v1/investigations/{id}/findings", finding)).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(1, created.GetProperty("order").GetInt32());
        Assert.Equal("Universal Credit", created.GetProperty("serviceLine").GetString());
        Assert.Equal(["Call-backs"], created.GetProperty("themes").EnumerateArray().Select(e => e.GetString()));

        var page = await investigator.GetDocumentAsync($"/investigations/{id}");
        Assert.Contains("The customer's request for a call back was not met.", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var form = await investigator.GetFormAsync($"/investigations/{id}/findings/new");
        var noTheme = await (await investigator.PostAsync($"/investigations/{id}/findings/new", form.With("text", "Journal messages were not read.").With("serviceLine", "UC").ToContent())).ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Equal("#themes-0", noTheme.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        Assert.Contains("Journal messages were not read.", noTheme.QuerySelector("#text")!.TextContent, StringComparison.Ordinal);

        // Someone else's case is not found.
        var other = await app.SignInAsync("triage@demo.test");
        Assert.Equal(HttpStatusCode.Created, (await other.PostAsJsonAsync($"/api/v1/investigations/{id}/findings", finding)).StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.Findings.CountAsync(f => f.InvestigationId == id)));
    }

    [Fact]
    public async Task Cases_behind_a_timeliness_target_are_listed_and_shown_against_each_step()
    {
        var (late, onTime) = await app.WithDbAsync(async db =>
        {
            var a = new Investigation { Reference = "IPR-2026-8001", NotifiedOn = new DateOnly(2026, 1, 5), AcceptedOn = new DateOnly(2026, 1, 12) };
            var b = new Investigation { Reference = "IPR-2026-8002", NotifiedOn = new DateOnly(2099, 1, 1), AcceptedOn = new DateOnly(2026, 11, 20) };
            db.Investigations.AddRange(a, b);
            await db.SaveChangesAsync();
            return (a.Id, b.Id);
        });
        var triage = await app.SignInAsync("triage@demo.test");
        var behind = await triage.GetDocumentAsync("/investigations?behind=true");
        Assert.NotNull(behind.QuerySelector($"a[href='/investigations/{late}']"));
        Assert.Null(behind.QuerySelector($"a[href='/investigations/{onTime}']"));
        var row = behind.QuerySelector($"a[href='/investigations/{late}']")!.Closest("tr")!.TextContent;
        Assert.Contains("Overdue", row, StringComparison.Ordinal);
        Assert.Contains("Notification to IPR launch", row, StringComparison.Ordinal);

        var page = await triage.GetDocumentAsync($"/investigations/{late}");
        var timeliness = page.QuerySelectorAll("table").First(t => t.QuerySelector("caption")?.TextContent == "Timeliness").TextContent;
        Assert.Contains("2 February 2026", timeliness, StringComparison.Ordinal);
        Assert.Contains("Overdue", timeliness, StringComparison.Ordinal);
        Assert.NotNull((await triage.GetDocumentAsync("/investigations")).QuerySelector($"a[href='/investigations/{onTime}']"));
    }
}
