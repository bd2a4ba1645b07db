using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Audit;
using SeriousCases.Core.Investigations;
using SeriousCases.Core.Referrals;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Referrals;

/// <summary>The referral API's contract, assessment, record-level rule, validation and the triage
/// decision both ways, on the database of the run.</summary>
public sealed class ReferralApiTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    private static object Referral(string nation = "England", string @event = "Died", bool allegation = true, string[]? reviews = null,
        string nino = "QQ 12 34 56 C", string[]? lines = null) => new
        {
            receivedOn = "2026-10-01",
            nation,
            serviceLines = lines ?? ["Universal Credit", "Personal Independence Payment"],
            @event,
            allegation,
            allegationDetail = allegation ? "The family say payments stopped without contact." : null,
            externalReviews = reviews ?? [],
            customer = new { name = "Fern Walker", dateOfBirth = "1970-05-04", nationalInsuranceNumber = nino, dateOfDeath = "2026-09-20" },
        };

    [Fact]
    public async Task A_colleague_refers_a_case_and_gets_the_assessment_then_reads_it_back()
    {
        var referrer = await app.SignInAsync("referrer@demo.test");
        var created = await (await referrer.PostAsJsonAsync("/api/v1/referrals", Referral())).ReadJsonAsync(HttpStatusCode.Created);
        var assessment = created.GetProperty("assessment");
        Assert.True(assessment.GetProperty("criteriaMet").GetBoolean());
        Assert.Equal("Allegation", assessment.GetProperty("route").GetString());
        Assert.Equal("2022-04", assessment.GetProperty("criteriaVersion").GetString());
        Assert.StartsWith("REF-2026-", created.GetProperty("reference").GetString(), StringComparison.Ordinal);
        var id = created.GetProperty("id").GetGuid();

        var read = await (await referrer.GetAsync($"/api/v1/referrals/{id}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Submitted", read.GetProperty("status").GetString());
        Assert.Equal("QQ123456C", read.GetProperty("nationalInsuranceNumber").GetString());
        Assert.Equal(["Personal Independence Payment", "Universal Credit"], read.GetProperty("serviceLines").EnumerateArray().Select(e => e.GetString()));

        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == id.ToString()).Select(a => a.Action).ToListAsync());
        Assert.Contains(AuditAction.Create, audit);
        Assert.Contains(AuditAction.View, audit);
        var customerAudit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Customer").OrderByDescending(a => a.Sequence).FirstAsync());
        Assert.DoesNotContain("Fern Walker", customerAudit.Changes!, StringComparison.Ordinal);

        // Another colleague cannot see it (and is not told it exists); Triage can.
        var other = await app.SignInAsync("owner@demo.test");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/referrals/{id}")).StatusCode);
        var triage = await app.SignInAsync("triage@demo.test");
        Assert.Equal(HttpStatusCode.OK, (await triage.GetAsync($"/api/v1/referrals/{id}")).StatusCode);
    }

    [Fact]
    public async Task Bad_input_names_every_field_to_fix_and_stores_nothing()
    {
        var referrer = await app.SignInAsync("referrer@demo.test");
        var before = await app.WithDbAsync(db => db.Referrals.CountAsync());
        var problem = await (await referrer.PostAsJsonAsync("/api/v1/referrals",
            Referral(nation: "Wales", reviews: ["SignificantCaseReview"], nino: "AB12", lines: ["Universal Credit", "Winter Fuel"]))).ReadJsonAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Contains("only happens in Scotland", errors.GetProperty("externalReviews")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("like QQ 12 34 56 C", errors.GetProperty("nationalInsuranceNumber")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("'Winter Fuel' is not a service line", errors.GetProperty("serviceLines")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Referrals.CountAsync()));

        // The same review in Scotland is accepted, and meets the criteria without an allegation.
        var scotland = await (await referrer.PostAsJsonAsync("/api/v1/referrals",
            Referral(nation: "Scotland", @event: "None", allegation: false, reviews: ["SignificantCaseReview"]))).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("ExternalReview", scotland.GetProperty("assessment").GetProperty("route").GetString());
    }

    [Fact]
    public async Task Triage_accepts_a_referral_which_opens_an_IPR_and_cannot_decide_it_twice()
    {
        var referrer = await app.SignInAsync("referrer@demo.test");
        var id = (await (await referrer.PostAsJsonAsync("/api/v1/referrals", Referral())).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await referrer.PostAsJsonAsync($"/api/v1/referrals/{id}/decision", new { decision = "accept" })).StatusCode);

        var triage = await app.SignInAsync("triage@demo.test");
        await (await triage.PostAsJsonAsync($"/api/v1/referrals/{id}/decision", new { decision = "accept" })).ReadJsonAsync(HttpStatusCode.OK);
        var investigation = await app.WithDbAsync(db => db.Investigations.Include(i => i.ServiceLines).SingleAsync(i => i.ReferralId == id));
        Assert.Equal(2, investigation.ServiceLines.Count);
        Assert.Equal(InvestigationStage.Accepted, investigation.Stage);
        Assert.StartsWith("IPR-", investigation.Reference, StringComparison.Ordinal);

        // The IPR enters the insight register by itself, linked to the referral and the IPR, without personal details.
        var insight = await app.WithDbAsync(db => db.InsightItems.Include(i => i.Source).Include(i => i.ServiceLines).SingleAsync(i => i.InvestigationId == investigation.Id));
        Assert.Equal("IPR", insight.Source!.Code);
        Assert.Equal(investigation.Reference, insight.ExternalReference);
        Assert.Equal(id, insight.ReferralId);
        Assert.Equal(2, insight.ServiceLines.Count);
        Assert.DoesNotContain("Fern", insight.Summary, StringComparison.Ordinal);

        var again = await (await triage.PostAsJsonAsync($"/api/v1/referrals/{id}/decision", new { decision = "notMet", rationale = "Changed my mind" })).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("already been decided", again.GetProperty("errors").GetProperty("decision")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_referral_that_does_not_meet_the_criteria_is_explained_and_not_met_needs_a_rationale()
    {
        var referrer = await app.SignInAsync("referrer@demo.test");
        var created = await (await referrer.PostAsJsonAsync("/api/v1/referrals",
            Referral(@event: "SeriousHarm", allegation: false))).ReadJsonAsync(HttpStatusCode.Created);
        var assessment = created.GetProperty("assessment");
        Assert.False(assessment.GetProperty("criteriaMet").GetBoolean());
        Assert.Equal(JsonValueKind.Null, assessment.GetProperty("route").ValueKind);
        Assert.Contains("There is no suggestion or allegation that DWP's actions or omissions contributed.",
            assessment.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        var id = created.GetProperty("id").GetGuid();

        var triage = await app.SignInAsync("triage@demo.test");
        var problem = await (await triage.PostAsJsonAsync($"/api/v1/referrals/{id}/decision", new { decision = "notMet" })).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("in words the referrer will understand", problem.GetProperty("errors").GetProperty("rationale")[0].GetString(), StringComparison.Ordinal);
        var accepting = await (await triage.PostAsJsonAsync($"/api/v1/referrals/{id}/decision", new { decision = "accept" })).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("differs from the criteria assessment", accepting.GetProperty("errors").GetProperty("rationale")[0].GetString(), StringComparison.Ordinal);

        await (await triage.PostAsJsonAsync($"/api/v1/referrals/{id}/decision",
            new { decision = "notMet", rationale = "There is no suggestion that DWP contributed, and no external review." })).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(ReferralStatus.NotMet, await app.WithDbAsync(db => db.Referrals.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
        Assert.False(await app.WithDbAsync(db => db.Investigations.AnyAsync(i => i.ReferralId == id)));

        // The referrer's feedback is queued with the conditions in plain words and nothing about the customer.
        var referrerId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "referrer@demo.test").Select(u => u.Id).SingleAsync());
        var feedback = await app.WithDbAsync(db => db.Notifications.SingleAsync(n => n.RelatedId == id));
        Assert.Equal(referrerId, feedback.RecipientUserId);
        Assert.Null(feedback.SentAt);
        Assert.Contains("does not meet the criteria", feedback.Body, StringComparison.Ordinal);
        Assert.Contains("There is no suggestion or allegation that DWP's actions or omissions contributed.", feedback.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Fern Walker", feedback.Body, StringComparison.Ordinal);

        // And the case waits for an ACS Senior Leader.
        Assert.True(await app.WithDbAsync(db => db.Referrals.AnyAsync(r => r.Id == id && r.ClosedAt == null)));
    }

    [Fact]
    public async Task A_date_before_any_criteria_version_is_refused_with_what_to_do()
    {
        var referrer = await app.SignInAsync("referrer@demo.test");
        var request = JsonSerializer.SerializeToElement(Referral());
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(request.GetRawText())!;
        body["receivedOn"] = "2019-01-01";
        var problem = await (await referrer.PostAsJsonAsync("/api/v1/referrals", body)).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("criteria from 1 April 2020", problem.GetProperty("errors").GetProperty("receivedOn")[0].GetString(), StringComparison.Ordinal);
    }
}
