using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Actions;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Investigations;

/// <summary>From an accepted referral to IPRG-agreed activities and a concluded case, on the database of the run.</summary>
public sealed class IprgReviewTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task The_group_agrees_activities_for_each_finding_then_the_case_concludes()
    {
        var referrer = await app.SignInAsync("referrer@demo.test");
        var referral = await (await referrer.PostAsJsonAsync("/api/v1/referrals", new
        {
            receivedOn = "2026-11-03",
            nation = "Wales",
            serviceLines = new[] { "Employment and Support Allowance" },
            @event = "SeriousHarm",
            allegation = true,
            allegationDetail = "The customer's MP says a safeguarding concern was not acted on.",
            customer = new { name = "Cerys Morgan" },
        })).ReadJsonAsync(HttpStatusCode.Created);
        var triage = await app.SignInAsync("triage@demo.test");
        await (await triage.PostAsJsonAsync($"/api/v1/referrals/{referral.GetProperty("id").GetGuid()}/decision", new { decision = "accept" })).ReadJsonAsync(HttpStatusCode.OK);
        var id = await app.WithDbAsync(db => db.Investigations.Where(i => i.ReferralId == referral.GetProperty("id").GetGuid()).Select(i => i.Id).SingleAsync());
        var investigatorId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "investigator@demo.test").Select(u => u.Id).SingleAsync());
        var assign = await triage.GetFormAsync($"/investigations/{id}/assign");
        Assert.Equal(HttpStatusCode.Redirect, (await triage.PostAsync($"/investigations/{id}/assign", assign.With("investigator", investigatorId.ToString()).ToContent())).StatusCode);

        var investigator = await app.SignInAsync("investigator@demo.test");
        await (await investigator.PostAsJsonAsync($"/api/v1/investigations/{id}/stage", new { stage = "Launched" })).ReadJsonAsync(HttpStatusCode.OK);
        var finding = await (await investigator.PostAsJsonAsync($"/api/v1/investigations/{id}/findings", new
        {
            text = "Journal messages about a safeguarding concern were not read.",
            serviceLine = "ESA",
            themes = new[] { "SAFEGUARD" },
        })).ReadJsonAsync(HttpStatusCode.Created);
        var findingId = finding.GetProperty("id").GetGuid();

        var iprg = await app.SignInAsync("iprg@demo.test");
        var tooEarly = await (await iprg.PostAsJsonAsync($"/api/v1/findings/{findingId}/activities", new
        {
            owner = "ESA",
            serviceLine = "ESA",
            text = "ESA to assure IPRG that journal messages are read.",
            dueOn = "2027-03-31",
        })).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("while a case is with the group", tooEarly.GetProperty("errors").GetProperty("text")[0].GetString(), StringComparison.Ordinal);

        foreach (var stage in new[] { "FactFinding", "Drafting", "WithIprg" })
        {
            await (await investigator.PostAsJsonAsync($"/api/v1/investigations/{id}/stage", new { stage })).ReadJsonAsync(HttpStatusCode.OK);
        }

        var list = await iprg.GetDocumentAsync("/iprg");
        Assert.NotNull(list.QuerySelector($"a[href='/iprg/{id}']"));
        var review = await iprg.GetFormAsync($"/iprg/{id}");
        var noActivity = await (await iprg.PostAsync($"/iprg/{id}", review.ToContent())).ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Agree at least one activity for finding 1", noActivity.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);

        var bad = await (await iprg.PostAsJsonAsync($"/api/v1/findings/{findingId}/activities", new
        {
            owner = "Nobody",
            serviceLine = "ESA",
            text = "Read the journal.",
            dueOn = "2020-01-01",
        })).ReadJsonAsync(HttpStatusCode.BadRequest);
        var errors = bad.GetProperty("errors");
        Assert.Contains("'Nobody' is not an owner team", errors.GetProperty("owner")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("to assure IPRG", errors.GetProperty("text")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("today or in the future", errors.GetProperty("dueOn")[0].GetString(), StringComparison.Ordinal);

        // Through the page, with a date that is not real corrected on the way.
        var form = await iprg.GetFormAsync($"/iprg/{id}/findings/{findingId}/activities/new");
        form.With("owner", "ESA").With("serviceLine", "ESA").With("text", "ESA to assure IPRG that journal messages are read within two working days.")
            .With("dueOn.day", "31").With("dueOn.month", "2").With("dueOn.year", "2027");
        var wrongDate = await (await iprg.PostAsync($"/iprg/{id}/findings/{findingId}/activities/new", form.With("owner", "").ToContent())).ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Contains("The due date must be a real date", wrongDate.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Select the team that owns the activity", wrongDate.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        form.With("owner", "ESA");
        Assert.Equal(0, await app.WithDbAsync(db => db.AgreedActivities.CountAsync(a => a.InvestigationId == id)));
        Assert.Equal(HttpStatusCode.Redirect, (await iprg.PostAsync($"/iprg/{id}/findings/{findingId}/activities/new", form.With("dueOn.day", "28").ToContent())).StatusCode);

        var activity = await app.WithDbAsync(db => db.AgreedActivities.SingleAsync(a => a.InvestigationId == id));
        Assert.Equal(ActivityOrigin.IprgAgreedActivity, activity.Origin);
        Assert.Equal(findingId, activity.FindingId);
        Assert.Equal(new DateOnly(2027, 2, 28), activity.FirstDueOn);
        Assert.StartsWith("ACT-", activity.Reference, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await iprg.PostAsync($"/iprg/{id}", (await iprg.GetFormAsync($"/iprg/{id}")).ToContent())).StatusCode);
        var concluded = await (await investigator.PostAsJsonAsync($"/api/v1/investigations/{id}/stage", new { stage = "Concluded", outcome = "LearningIdentified" })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Concluded", concluded.GetProperty("stage").GetString());
        Assert.NotEqual(JsonValueKind.Null, concluded.GetProperty("iprgReviewedOn").ValueKind);

        // A concluded case has left the group.
        await iprg.GetDocumentAsync($"/iprg/{id}", HttpStatusCode.NotFound);

        // External scrutiny can be recorded after conclusion; a Significant Case Review only in Scotland.
        var scrutiny = await investigator.GetFormAsync($"/investigations/{id}/scrutiny/new");
        var scr = await (await investigator.PostAsync($"/investigations/{id}/scrutiny/new", scrutiny.With("kind", "SignificantCaseReview")
            .With("on.day", "1").With("on.month", "11").With("on.year", "2026").ToContent())).ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Contains("only happens in Scotland; the customer lived in Wales", scr.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("1", scr.QuerySelector("#on-day")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Redirect, (await investigator.PostAsync($"/investigations/{id}/scrutiny/new", scrutiny.With("kind", "SafeguardingAdultsReview").ToContent())).StatusCode);
        var casePage = await investigator.GetDocumentAsync($"/investigations/{id}");
        Assert.Contains("Safeguarding Adults Board: Safeguarding Adults Review, 1 November 2026", casePage.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.Investigations.Where(i => i.Id == id).Select(i => i.ExternalScrutiny).SingleAsync()));
    }
}
