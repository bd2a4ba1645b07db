using System.Net;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Referrals;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Referrals;

/// <summary>The referral question pages without a browser: answers are saved as the referrer goes,
/// errors keep what was typed, a draft is nobody else's, and a missing answer blocks sending.</summary>
public sealed class ReferralJourneyTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    private static async Task<string> StartAsync(HttpClient client)
    {
        var form = await client.GetFormAsync("/referrals");
        var response = await client.PostAsync("/referrals?handler=Start", form.ToContent());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.ToString().Replace("/received", "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_answer_is_saved_in_the_draft_and_a_mistake_keeps_what_was_typed()
    {
        var referrer = await app.SignInAsync("referrer@demo.test");
        var draft = await StartAsync(referrer);

        var form = await referrer.GetFormAsync($"{draft}/customer");
        var bad = await referrer.PostAsync($"{draft}/customer", form.With("customerName", "Owen Baker").With("nationalInsuranceNumber", "12345").ToContent());
        var page = await bad.ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.StartsWith("Error:", page.Title, StringComparison.Ordinal);
        Assert.Equal("Owen Baker", page.QuerySelector("#customerName")!.GetAttribute("value"));
        Assert.Contains("like QQ 12 34 56 C", page.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("#nationalInsuranceNumber", page.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));

        form = await referrer.GetFormAsync($"{draft}/customer");
        var good = await referrer.PostAsync($"{draft}/customer", form.With("customerName", "Owen Baker").With("nationalInsuranceNumber", "qq 11 22 33 b").ToContent());
        Assert.True(good.StatusCode == HttpStatusCode.Redirect, (await good.ReadDocumentAsync(good.StatusCode)).QuerySelector(".govuk-error-summary")?.TextContent);
        Assert.Equal($"{draft}/nation", good.Headers.Location!.ToString());
        var reopened = await referrer.GetDocumentAsync($"{draft}/customer");
        Assert.Equal("QQ112233B", reopened.QuerySelector("#nationalInsuranceNumber")!.GetAttribute("value"));

        // Sending with questions unanswered lists each with a link to its page.
        var check = await referrer.GetFormAsync($"{draft}/check");
        var refused = await (await referrer.PostAsync($"{draft}/check", check.ToContent())).ReadDocumentAsync(HttpStatusCode.BadRequest);
        var links = refused.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"{draft}/received?returnTo=check", links);
        Assert.Contains($"{draft}/what-happened?returnTo=check", links);
        Assert.Equal(ReferralStatus.Draft, await app.WithDbAsync(db => db.Referrals.Where(r => r.Customer!.FullName == "Owen Baker").Select(r => r.Status).SingleAsync()));

        // Another colleague cannot open the draft.
        var other = await app.SignInAsync("owner@demo.test");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{draft}/customer")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await referrer.GetAsync($"{draft}/no-such-question")).StatusCode);
    }
}
