using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Referrals;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Referrals;

/// <summary>Triage through the pages, both ways, and what the referrer then sees.</summary>
public sealed class TriagePageTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    private async Task<(HttpClient Referrer, Guid Id)> ReferAsync(bool allegation)
    {
        var referrer = await app.SignInAsync("referrer@demo.test");
        var response = await referrer.PostAsJsonAsync("/api/v1/referrals", new
        {
            receivedOn = "2026-11-02",
            nation = "Wales",
            serviceLines = new[] { "Universal Credit" },
            @event = "SeriousHarm",
            allegation,
            allegationDetail = allegation ? "The customer's MP says a change was not acted on." : null,
            customer = new { name = "Rhys Evans" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (referrer, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Not_met_needs_a_rationale_and_the_referrer_reads_it()
    {
        var (referrer, id) = await ReferAsync(allegation: false);
        var triage = await app.SignInAsync("triage@demo.test");
        var home = await triage.GetDocumentAsync("/");
        Assert.Contains("waiting for a triage decision", home.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var queue = await triage.GetDocumentAsync("/triage");
        Assert.NotNull(queue.QuerySelector($"a[href='/triage/{id}']"));
        // Received 2 November; the target from reference data is 14 days, so the decision was due on the 16th.
        var row = queue.QuerySelector($"a[href='/triage/{id}']")!.Closest("tr")!.TextContent;
        Assert.Contains("16 November 2026", row, StringComparison.Ordinal);
        Assert.Contains("Overdue", row, StringComparison.Ordinal);

        var page = await triage.GetDocumentAsync($"/triage/{id}");
        Assert.Contains("The criteria are not met.", page.QuerySelector(".govuk-inset-text")!.TextContent, StringComparison.Ordinal);
        var form = await triage.GetFormAsync($"/triage/{id}");

        var noChoice = await (await triage.PostAsync($"/triage/{id}", form.ToContent())).ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Equal("#decision-accept", noChoice.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));

        var noRationale = await (await triage.PostAsync($"/triage/{id}", form.With("decision", "notMet").ToContent())).ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Contains("in words the referrer will understand", noRationale.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(noRationale.QuerySelector("#decision-notMet[checked]"));

        const string why = "There is no suggestion that DWP contributed, and DWP has not been asked to join a review.";
        var done = await triage.PostAsync($"/triage/{id}", form.With("decision", "notMet").With("rationale", why).ToContent());
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var banner = await triage.GetDocumentAsync("/triage");
        Assert.Contains("does not meet the criteria", banner.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);

        var seen = await referrer.GetDocumentAsync($"/referrals/{id}/submitted");
        Assert.Contains(why, seen.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Criteria not met", seen.QuerySelector("main .govuk-tag")!.TextContent, StringComparison.Ordinal);

        // The case goes to the ACS Senior Leaders, who record learning and close it.
        var acssl = await app.SignInAsync("acssl@demo.test");
        Assert.Contains("waiting for you to capture learning", (await acssl.GetDocumentAsync("/")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull((await acssl.GetDocumentAsync("/acs-learning")).QuerySelector($"a[href='/acs-learning/{id}']"));
        var close = await acssl.GetFormAsync($"/acs-learning/{id}");
        var unanswered = await (await acssl.PostAsync($"/acs-learning/{id}", close.ToContent())).ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Equal("#learningCaptured-yes", unanswered.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        var noText = await (await acssl.PostAsync($"/acs-learning/{id}", close.With("learningCaptured", "yes").ToContent())).ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Enter the learning captured", noText.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        const string learning = "Frontline colleagues should check for a change of circumstances before closing a claim.";
        Assert.Equal(HttpStatusCode.Redirect, (await acssl.PostAsync($"/acs-learning/{id}", close.With("learning", learning).ToContent())).StatusCode);
        Assert.Null((await acssl.GetDocumentAsync("/acs-learning")).QuerySelector($"a[href='/acs-learning/{id}']"));
        var closed = await app.WithDbAsync(db => db.Referrals.SingleAsync(r => r.Id == id));
        Assert.Equal(learning, closed.LearningCaptured);
        Assert.NotNull(closed.ClosedAt);

        // An ACS Senior Leader sees only not met referrals.
        var (_, accepted) = await ReferAsync(allegation: true);
        await acssl.GetDocumentAsync($"/acs-learning/{accepted}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Accepting_opens_an_IPR_and_going_against_the_assessment_needs_a_rationale()
    {
        var (_, id) = await ReferAsync(allegation: true);
        var triage = await app.SignInAsync("triage@demo.test");
        var form = await triage.GetFormAsync($"/triage/{id}");
        var against = await (await triage.PostAsync($"/triage/{id}", form.With("decision", "notMet").ToContent())).ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Contains("differs from the criteria assessment", against.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await triage.PostAsync($"/triage/{id}", form.With("decision", "accept").ToContent())).StatusCode);
        Assert.Equal(ReferralStatus.Accepted, await app.WithDbAsync(db => db.Referrals.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.Investigations.AnyAsync(i => i.ReferralId == id)));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAsync("owner@demo.test")).GetAsync($"/referrals/{id}/submitted")).StatusCode);
    }
}
