using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SeriousCases.Core.Common;
using SeriousCases.Core.Investigations;
using SeriousCases.Core.Referrals;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Investigations;

/// <summary>Quality reviews of concluded IPRs by a second person (Triage), and their scores per quarter, on the database of the run.</summary>
public sealed class QualityReviewTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    private static Dictionary<string, string> All(string rating) => QualityChecklist.Questions.ToDictionary(q => q.Code, _ => rating);

    /// <summary>A concluded demo IPR (assigned to the demo investigator); each test takes its own by <paramref name="n"/>.</summary>
    private async Task<(Guid Id, string Reference)> ConcludedDemoIprAsync(int n) =>
        await app.WithDbAsync(async db =>
        {
            var investigatorId = await db.Users.Where(u => u.Email == "investigator@demo.test").Select(u => u.Id).SingleAsync();
            var ipr = await db.Investigations.Where(i => i.Stage == InvestigationStage.Concluded && i.InvestigatorUserId == investigatorId)
                .OrderBy(i => i.Reference).Skip(n).FirstAsync();
            return (ipr.Id, ipr.Reference);
        });

    [Fact]
    public async Task Triage_reviews_a_concluded_ipr_answering_every_question_and_the_investigator_reads_it()
    {
        var (id, reference) = await ConcludedDemoIprAsync(0);
        var triage = await app.SignInAsync("triage@demo.test");
        var list = await triage.GetDocumentAsync("/investigations/quality");
        Assert.NotNull(list.QuerySelector($"a[href='/investigations/{id}/quality-review']"));

        var form = await triage.GetFormAsync($"/investigations/{id}/quality-review");
        var blank = await (await triage.PostAsync($"/investigations/{id}/quality-review", form.ToContent())).ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Equal(QualityChecklist.Questions.Select(q => $"#answers-{q.Code}-Met"), blank.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")));
        Assert.All(QualityChecklist.Questions, q => Assert.NotNull(blank.GetElementById($"answers-{q.Code}-Met")));

        foreach (var q in QualityChecklist.Questions.Where(q => q.Code is not ("evidence" or "family")))
        {
            form.With($"answers.{q.Code}", "Met");
        }

        form.With("answers.fact-finding", "PartlyMet").With("comments", "Thorough journey; the family's view was not sought.");
        var partial = await (await triage.PostAsync($"/investigations/{id}/quality-review", form.ToContent())).ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["#answers-evidence-Met", "#answers-family-Met"], partial.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")));
        Assert.Contains("Select met, partly met or not met for question 7 (family engagement)", partial.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(partial.QuerySelector("#answers-fact-finding-PartlyMet[checked]"));
        Assert.NotNull(partial.QuerySelector("#answers-all-contacts-Met[checked]"));
        Assert.Null(partial.QuerySelector("input[name='answers.family'][checked]"));
        Assert.Contains("the family's view was not sought", partial.QuerySelector("#comments")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.QualityReviews.CountAsync(r => r.InvestigationId == id)));

        var saved = await triage.PostAsync($"/investigations/{id}/quality-review", form.With("answers.evidence", "Met").With("answers.family", "NotMet").ToContent());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await triage.GetDocumentAsync($"/investigations/{id}/quality-review");
        var main = page.QuerySelector("main")!.TextContent;
        // 7 met (14) + 1 partly met (1) + 1 not met (0) = 15 of 18.
        Assert.Contains("Quality review recorded: 15 out of 18", main, StringComparison.Ordinal);
        Assert.Contains("15 out of 18 (83.3%)", main, StringComparison.Ordinal);
        Assert.Contains("Tara Triage", main, StringComparison.Ordinal);

        var review = await app.WithDbAsync(db => db.QualityReviews.Include(r => r.Answers).SingleAsync(r => r.InvestigationId == id));
        Assert.Equal((15, 18, QualityChecklist.Questions.Count), (review.Score, review.MaxScore, review.Answers.Count));
        Assert.Equal(QualityRating.NotMet, review.Answers.Single(a => a.Code == "family").Rating);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == Core.Audit.AuditAction.Create && a.EntityType == nameof(QualityReview) && a.EntityId == review.Id.ToString())));

        // Off the list of those waiting; into the quarter's scores.
        var after = await triage.GetDocumentAsync("/investigations/quality");
        Assert.Null(after.QuerySelector($"a[href='/investigations/{id}/quality-review']"));
        var quarter = ReportingQuarter.Of(review.ReviewedOn).Name;
        Assert.Contains(after.QuerySelectorAll("tbody tr"), r => r.QuerySelector("th")?.TextContent == quarter);

        // The case's investigator reads the review, and cannot record one.
        var investigator = await app.SignInAsync("investigator@demo.test");
        var theirs = await investigator.GetDocumentAsync($"/investigations/{id}/quality-review");
        Assert.Contains("15 out of 18", theirs.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(theirs.QuerySelector("main form"));
        var theirForm = await investigator.GetFormAsync($"/investigations/{id}/quality-review");
        foreach (var (code, rating) in All("Met"))
        {
            theirForm.With($"answers.{code}", rating);
        }

        var refused = await investigator.PostAsync($"/investigations/{id}/quality-review", theirForm.ToContent());
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/access-denied", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await investigator.PostAsJsonAsync($"/api/v1/investigations/{id}/quality-reviews", new { answers = All("Met") })).StatusCode);
        await investigator.GetDocumentAsync("/investigations/quality", HttpStatusCode.Redirect);
        Assert.Equal(1, await app.WithDbAsync(db => db.QualityReviews.CountAsync(r => r.InvestigationId == id)));
        Assert.Equal(reference, (await (await investigator.GetAsync($"/api/v1/investigations/{id}/quality-reviews")).ReadJsonAsync(HttpStatusCode.OK)).GetProperty("reference").GetString());
    }

    [Fact]
    public async Task A_review_is_refused_for_the_cases_own_investigator_for_an_open_case_and_with_an_answer_missing()
    {
        var triage = await app.SignInAsync("triage@demo.test");
        var triageId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "triage@demo.test").Select(u => u.Id).SingleAsync());

        // A case Triage investigated themselves.
        var (own, ownReference) = await ConcludedDemoIprAsync(3);
        await app.WithDbAsync(async db =>
        {
            (await db.Investigations.SingleAsync(i => i.Id == own)).InvestigatorUserId = triageId;
            return await db.SaveChangesAsync();
        });
        var mine = await (await triage.PostAsJsonAsync($"/api/v1/investigations/{own}/quality-reviews", new { answers = All("Met") })).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal($"You investigated IPR {ownReference}: its quality must be reviewed by someone else", mine.GetProperty("errors").GetProperty("answers")[0].GetString());
        var ownPage = await triage.GetDocumentAsync($"/investigations/{own}/quality-review");
        Assert.Null(ownPage.QuerySelector("main form"));
        Assert.Contains("must be reviewed by someone else", ownPage.GetElementById("cannot-review")!.TextContent, StringComparison.Ordinal);
        var ownPost = await (await triage.PostAsync($"/investigations/{own}/quality-review", (await triage.GetFormAsync($"/investigations/{own}/quality-review")).ToContent()))
            .ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Equal("#cannot-review", ownPost.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));

        // A case still being investigated.
        var open = await app.WithDbAsync(async db =>
        {
            var ipr = new Investigation { Reference = "IPR-2026-7701", Stage = InvestigationStage.Drafting, NotifiedOn = new DateOnly(2026, 1, 5) };
            db.Investigations.Add(ipr);
            await db.SaveChangesAsync();
            return ipr.Id;
        });
        var notConcluded = await (await triage.PostAsJsonAsync($"/api/v1/investigations/{open}/quality-reviews", new { answers = All("Met") })).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("IPR IPR-2026-7701 is drafting: only a concluded IPR's quality is reviewed", notConcluded.GetProperty("errors").GetProperty("answers")[0].GetString());

        // Answers missing, unknown or not a rating.
        var (id, _) = await ConcludedDemoIprAsync(4);
        var answers = All("Met");
        answers.Remove("evidence");
        answers["family"] = "Excellent";
        answers["tone"] = "Met";
        var bad = await (await triage.PostAsJsonAsync($"/api/v1/investigations/{id}/quality-reviews", new { answers, comments = new string('c', 4001) })).ReadJsonAsync(HttpStatusCode.BadRequest);
        var errors = bad.GetProperty("errors");
        Assert.Equal("answers.family must be Met, PartlyMet or NotMet", errors.GetProperty("answers.family")[0].GetString());
        Assert.Equal("'tone' is not a question of the quality checklist", errors.GetProperty("answers")[0].GetString());

        answers.Remove("tone");
        answers["family"] = "NotMet";
        var missing = await (await triage.PostAsJsonAsync($"/api/v1/investigations/{id}/quality-reviews", new { answers, comments = new string('c', 4001) })).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Select met, partly met or not met for question 6 (findings supported by evidence)", missing.GetProperty("errors").GetProperty("answers.evidence")[0].GetString());
        Assert.Equal("Comments must be 4,000 characters or fewer", missing.GetProperty("errors").GetProperty("comments")[0].GetString());

        Assert.Equal(0, await app.WithDbAsync(db => db.QualityReviews.CountAsync(r => r.InvestigationId == own || r.InvestigationId == open || r.InvestigationId == id)));
        Assert.Equal(HttpStatusCode.NotFound, (await triage.PostAsJsonAsync($"/api/v1/investigations/{Guid.NewGuid()}/quality-reviews", new { answers = All("Met") })).StatusCode);
    }

    [Fact]
    public async Task A_case_can_be_reviewed_again_and_every_review_is_kept_latest_first()
    {
        var (id, _) = await ConcludedDemoIprAsync(6);
        var triage = await app.SignInAsync("triage@demo.test");
        var first = All("PartlyMet");
        var created = await (await triage.PostAsJsonAsync($"/api/v1/investigations/{id}/quality-reviews", new { answers = first })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal((9, 18, 50m), (created.GetProperty("score").GetInt32(), created.GetProperty("maxScore").GetInt32(), created.GetProperty("percentage").GetDecimal()));
        Assert.Equal("Tara Triage", created.GetProperty("reviewer").GetString());

        var again = await (await triage.PostAsJsonAsync($"/api/v1/investigations/{id}/quality-reviews", new { answers = All("Met"), comments = "Rewritten after feedback." }))
            .ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("Met", again.GetProperty("answers").GetProperty("all-contacts").GetString());

        var list = await (await triage.GetAsync($"/api/v1/investigations/{id}/quality-reviews")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal([18, 9], list.GetProperty("reviews").EnumerateArray().Select(r => r.GetProperty("score").GetInt32()));
        var page = await triage.GetDocumentAsync($"/investigations/{id}/quality-review");
        Assert.Contains("18 out of 18 (100%)", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("9 of 18", page.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Review this IPR again", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scores_are_averaged_per_quarter_of_review_for_a_before_and_after_comparison()
    {
        await using var database = await TestDatabase.CreateAsync(withDemoData: false);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 30, 12, 0, 0, TimeSpan.Zero));
        var reviewer = new Requester(Guid.NewGuid(), "Tara Triage", IsTriage: true);
        var ids = new List<Guid>();
        await using (var db = database.CreateContext(clock: clock))
        {
            for (var n = 0; n < 3; n++)
            {
                var ipr = new Investigation { Reference = $"IPR-2026-{n + 1:0000}", Stage = InvestigationStage.Concluded, ConcludedOn = new DateOnly(2026, 5, 1) };
                db.Investigations.Add(ipr);
                ids.Add(ipr.Id);
            }

            await db.SaveChangesAsync();
        }

        async Task ReviewAsync(Guid id, DateTimeOffset on, Func<int, QualityRating> rating)
        {
            clock.SetUtcNow(on);
            await using var db = database.CreateContext(clock: clock);
            var answers = QualityChecklist.Questions.Select((q, n) => (q.Code, rating(n))).ToDictionary(x => x.Code, x => x.Item2);
            await new QualityReviewService(db, clock).RecordAsync(id, answers, null, reviewer, CancellationToken.None);
        }

        // Q1 2026/27 (the last day of June, in UK time): one case at 50%.
        await ReviewAsync(ids[0], new DateTimeOffset(2026, 6, 30, 22, 30, 0, TimeSpan.Zero), _ => QualityRating.PartlyMet);
        // 11:30pm UTC on 30 June is 1 July in the UK: Q2. Two cases at 100% and 2/18.
        await ReviewAsync(ids[1], new DateTimeOffset(2026, 6, 30, 23, 30, 0, TimeSpan.Zero), _ => QualityRating.Met);
        await ReviewAsync(ids[2], new DateTimeOffset(2026, 8, 1, 9, 0, 0, TimeSpan.Zero), n => n == 0 ? QualityRating.Met : QualityRating.NotMet);

        await using (var db = database.CreateContext(clock: clock))
        {
            var scores = await new QualityReviewService(db, clock).ScoresByQuarterAsync(CancellationToken.None);
            Assert.Equal(
                [new QuarterScore(new ReportingQuarter(2026, 1), 1, 50m), new QuarterScore(new ReportingQuarter(2026, 2), 2, 55.6m)],
                scores);
            Assert.Equal(new DateOnly(2026, 7, 1), await db.QualityReviews.Where(r => r.InvestigationId == ids[1]).Select(r => r.ReviewedOn).SingleAsync());
        }

        // The first case reviewed again in Q3: it leaves Q1 and counts in Q3 with its new score.
        await ReviewAsync(ids[0], new DateTimeOffset(2026, 10, 2, 9, 0, 0, TimeSpan.Zero), _ => QualityRating.Met);
        await using (var db = database.CreateContext(clock: clock))
        {
            var scores = await new QualityReviewService(db, clock).ScoresByQuarterAsync(CancellationToken.None);
            Assert.Equal(
                [new QuarterScore(new ReportingQuarter(2026, 2), 2, 55.6m), new QuarterScore(new ReportingQuarter(2026, 3), 1, 100m)],
                scores);
            Assert.Equal(4, await db.QualityReviews.CountAsync());
        }
    }
}
