using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Investigations;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Investigations;

/// <summary>The IPRG records learning outcomes per case, for cases that concluded with learning (the 35 of the
/// 2022/23 publication among them) or are with the group; it sees the learning, never the customer.</summary>
public sealed class LearningOutcomeTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    /// <summary>A concluded demo IPR with learning, its published outcomes removed: it now waits for one.</summary>
    private async Task<(Guid Id, string Reference, string Customer)> DemoCaseWithoutOutcomesAsync() =>
        await app.WithDbAsync(async db =>
        {
            var ipr = await db.Investigations.Include(i => i.Customer)
                .Where(i => i.Stage == InvestigationStage.Concluded && i.Outcome == InvestigationOutcome.LearningIdentified && i.ReferralId != null)
                .OrderBy(i => i.Reference).FirstAsync();
            db.LearningOutcomes.RemoveRange(db.LearningOutcomes.Where(o => o.InvestigationId == ipr.Id));
            await db.SaveChangesAsync();
            return (ipr.Id, ipr.Reference, ipr.Customer!.FullName ?? "");
        });

    [Fact]
    public async Task The_group_records_a_learning_outcome_for_a_concluded_case_saying_what_is_wrong_first()
    {
        var (id, reference, customer) = await DemoCaseWithoutOutcomesAsync();
        var iprg = await app.SignInAsync("iprg@demo.test");

        var list = await iprg.GetDocumentAsync("/iprg/outcomes");
        Assert.NotNull(list.QuerySelector($"#awaiting a[href='/iprg/{id}/outcomes']"));
        Assert.Contains("35 cases", list.QuerySelector("#concluded caption")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(25, list.QuerySelectorAll("#concluded tbody tr").Length);
        var second = await iprg.GetDocumentAsync("/iprg/outcomes?pageNumber=2");
        Assert.Equal(10, second.QuerySelectorAll("#concluded tbody tr").Length);
        Assert.NotNull((await iprg.GetDocumentAsync("/iprg")).QuerySelector("a[href='/iprg/outcomes']"));

        var page = await iprg.GetDocumentAsync($"/iprg/{id}/outcomes");
        var main = page.QuerySelector("main")!.TextContent;
        Assert.Contains(reference, main, StringComparison.Ordinal);
        Assert.NotEmpty(customer);
        Assert.DoesNotContain(customer, main, StringComparison.Ordinal);
        var findings = await app.WithDbAsync(db => db.Findings.Where(f => f.InvestigationId == id).Select(f => f.Text).ToListAsync());
        Assert.All(findings, f => Assert.Contains(f, main, StringComparison.Ordinal));
        Assert.Contains("None yet.", main, StringComparison.Ordinal);

        var form = await iprg.GetFormAsync($"/iprg/{id}/outcomes");
        var empty = await (await iprg.PostAsync($"/iprg/{id}/outcomes", form.With("text", "   ").ToContent())).ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.StartsWith("Error:", empty.Title, StringComparison.Ordinal);
        Assert.Contains("Enter the learning outcome", empty.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("#text", empty.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        Assert.Contains("text-error", empty.QuerySelector("#text")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        var tooLong = await (await iprg.PostAsync($"/iprg/{id}/outcomes", form.With("text", "<script>x</script>" + new string('b', 4000)).ToContent())).ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Contains("4,000 characters or fewer", tooLong.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("<script>x</script>", tooLong.QuerySelector("#text")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(tooLong.QuerySelectorAll("main script"));
        Assert.Equal(0, await app.WithDbAsync(db => db.LearningOutcomes.CountAsync(o => o.InvestigationId == id)));

        Assert.Equal(HttpStatusCode.Redirect, (await iprg.PostAsync($"/iprg/{id}/outcomes", form.With("text", "Colleagues now check the journal daily.").ToContent())).StatusCode);
        var after = await iprg.GetDocumentAsync($"/iprg/{id}/outcomes");
        Assert.Contains("Learning outcome 1 recorded", after.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Colleagues now check the journal daily."], after.QuerySelectorAll("#outcomes li").Select(li => li.TextContent));
        Assert.Null((await iprg.GetDocumentAsync("/iprg/outcomes")).QuerySelector($"#awaiting a[href='/iprg/{id}/outcomes']"));

        // The API adds the next one, in order; it is on the IPR's report.
        var created = await (await iprg.PostAsJsonAsync($"/api/v1/investigations/{id}/learning-outcomes", new { text = "A reminder went to every team." })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(2, created.GetProperty("order").GetInt32());
        var bad = await (await iprg.PostAsJsonAsync($"/api/v1/investigations/{id}/learning-outcomes", new { text = "" })).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Enter the learning outcome", bad.GetProperty("errors").GetProperty("text")[0].GetString(), StringComparison.Ordinal);
        var investigator = await app.SignInAsync("investigator@demo.test");
        var report = await (await investigator.GetAsync($"/api/v1/investigations/{id}/report")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["Colleagues now check the journal daily.", "A reminder went to every team."], report.GetProperty("learningOutcomes").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Only_the_group_records_outcomes_and_only_for_cases_with_learning_or_with_the_group()
    {
        var (id, _, _) = await DemoCaseWithoutOutcomesAsync();
        foreach (var email in new[] { "investigator@demo.test", "triage@demo.test", "owner@demo.test", "panel@demo.test" })
        {
            var other = await app.SignInAsync(email);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync($"/api/v1/investigations/{id}/learning-outcomes", new { text = "Not theirs to record." })).StatusCode);
            var denied = await other.GetAsync($"/iprg/{id}/outcomes");
            Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
            Assert.Contains("/access-denied", denied.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.LearningOutcomes.CountAsync(o => o.InvestigationId == id)));

        var iprg = await app.SignInAsync("iprg@demo.test");
        var (drafting, noLearning, withGroup) = await app.WithDbAsync(async db =>
        {
            var a = await ReportCase.CreateAsync(db, "IPR-2026-7101", InvestigationStage.Drafting);
            var b = await db.Investigations.Where(i => i.Outcome == InvestigationOutcome.NoLearningIdentified).Select(i => i.Id).FirstAsync();
            var c = await ReportCase.CreateAsync(db, "IPR-2026-7102", InvestigationStage.WithIprg);
            return (a, b, c);
        });
        Assert.Equal(HttpStatusCode.NotFound, (await iprg.PostAsJsonAsync($"/api/v1/investigations/{drafting}/learning-outcomes", new { text = "Too early." })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await iprg.PostAsJsonAsync($"/api/v1/investigations/{noLearning}/learning-outcomes", new { text = "Nothing was learned." })).StatusCode);
        await iprg.GetDocumentAsync($"/iprg/{drafting}/outcomes", HttpStatusCode.NotFound);
        var open = await iprg.GetDocumentAsync($"/iprg/{withGroup}/outcomes");
        Assert.Contains("Some agreed activities are not finished yet", open.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var created = await (await iprg.PostAsJsonAsync($"/api/v1/investigations/{withGroup}/learning-outcomes", new { text = "Known already." })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(2, created.GetProperty("order").GetInt32());
    }
}
