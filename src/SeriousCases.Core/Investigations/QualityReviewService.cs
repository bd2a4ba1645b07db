using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;
using SeriousCases.Core.Referrals;

namespace SeriousCases.Core.Investigations;

/// <summary>A quality review as pages and the API show it, with the reviewer's name.</summary>
public sealed record QualityReviewView(QualityReview Review, string? ReviewerName)
{
    public decimal Percentage => QualityScore.PercentageOf(Review.Score, Review.MaxScore);
}

/// <summary>One IPR's quality reviews (latest first) and whether the person asking may review it now.</summary>
public sealed record CaseQualityReviews(Guid Id, string Reference, InvestigationStage Stage, DateOnly? ConcludedOn, IReadOnlyList<QualityReviewView> Reviews,
    string? CannotReviewBecause)
{
    public bool MayReview => CannotReviewBecause is null;
}

/// <summary>A concluded IPR no one has reviewed yet.</summary>
public sealed record AwaitingQualityReview(Guid Id, string Reference, DateOnly? ConcludedOn, string? InvestigatorName);

/// <summary>The reviews of one reporting quarter: how many, and their mean percentage (one decimal place).</summary>
public sealed record QuarterScore(ReportingQuarter Quarter, int Reviews, decimal MeanPercentage);

/// <summary>A review as the quarterly figures need it.</summary>
public sealed record ReviewFact(Guid InvestigationId, DateOnly ReviewedOn, DateTime RecordedAt, int Score, int MaxScore);

/// <summary>Checklist reviews of concluded IPRs by a second person (seed 003: "pre and post review of
/// investigation quality"). Only Triage reviews, never of a case they investigated. A case may be reviewed
/// again: every review is kept, and the latest is the one that counts.</summary>
public sealed class QualityReviewService(SeriousCasesDbContext db, TimeProvider clock)
{
    public const int CommentsMax = 4000;

    /// <summary>The reviews of a case <paramref name="by"/> works (others: not found, audited).</summary>
    public async Task<CaseQualityReviews> ReviewsAsync(Guid id, Requester by, CancellationToken ct)
    {
        var ipr = await db.CaseForWorkAsync(id, by, ct);
        var reviews = await db.QualityReviews.AsNoTracking()
            .Include(r => r.Answers)
            .Where(r => r.InvestigationId == id)
            .ToListAsync(ct);
        var reviewerIds = reviews.Select(r => r.ReviewerUserId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => reviewerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return new CaseQualityReviews(ipr.Id, ipr.Reference, ipr.Stage, ipr.ConcludedOn,
            [.. reviews.OrderByDescending(r => r.ReviewedOn).ThenByDescending(r => r.CreatedAt).Select(r => new QualityReviewView(r, names.GetValueOrDefault(r.ReviewerUserId)))],
            WhyNot(ipr, by));
    }

    /// <summary>Why <paramref name="by"/> may not review <paramref name="ipr"/>, or null when they may.</summary>
    private static string? WhyNot(Investigation ipr, Requester by)
    {
        if (!by.IsTriage)
        {
            return "A quality review is recorded by IPR triage";
        }

        if (ipr.InvestigatorUserId == by.UserId)
        {
            return $"You investigated IPR {ipr.Reference}: its quality must be reviewed by someone else";
        }

        return ipr.Stage != InvestigationStage.Concluded
            ? $"IPR {ipr.Reference} is {InvestigationStages.Describe(ipr.Stage).ToLowerInvariant()}: only a concluded IPR's quality is reviewed"
            : null;
    }

    /// <summary>Records a review: a rating for every question of <see cref="QualityChecklist"/>, and optional comments.</summary>
    public async Task<QualityReview> RecordAsync(Guid id, IReadOnlyDictionary<string, QualityRating> answers, string? comments, Requester by, CancellationToken ct)
    {
        var ipr = await db.CaseForWorkAsync(id, by, ct);
        if (WhyNot(ipr, by) is { } reason)
        {
            throw new DomainValidationException(QualityChecklist.AnswersField, reason);
        }

        var errors = new ValidationErrors();
        QualityChecklist.Check(answers, errors);
        comments = comments?.Trim();
        if (comments?.Length > CommentsMax)
        {
            errors.Add("comments", "Comments must be 4,000 characters or fewer");
        }

        errors.ThrowIfAny();
        var score = QualityChecklist.Score(answers);
        var review = new QualityReview
        {
            InvestigationId = id,
            ReviewerUserId = by.UserId,
            ReviewedOn = UkTime.Today(clock),
            Score = score.Points,
            MaxScore = score.Max,
            Comments = string.IsNullOrEmpty(comments) ? null : comments,
            Answers = [.. QualityChecklist.Questions.Select(q => new QualityReviewAnswer { Code = q.Code, Rating = answers[q.Code] })],
        };
        db.QualityReviews.Add(review);
        await db.SaveChangesAsync(ct);
        return review;
    }

    /// <summary>Concluded IPRs without a review, most recently concluded first.</summary>
    public async Task<IReadOnlyList<AwaitingQualityReview>> AwaitingAsync(CancellationToken ct) =>
        await db.Investigations.AsNoTracking()
            .Where(i => i.Stage == InvestigationStage.Concluded && !db.QualityReviews.Any(r => r.InvestigationId == i.Id))
            .OrderByDescending(i => i.ConcludedOn).ThenByDescending(i => i.Reference)
            .Take(500)
            .Select(i => new AwaitingQualityReview(i.Id, i.Reference, i.ConcludedOn,
                db.Users.Where(u => u.Id == i.InvestigatorUserId).Select(u => u.DisplayName).FirstOrDefault()))
            .ToListAsync(ct);

    public async Task<int> AwaitingCountAsync(CancellationToken ct) =>
        await db.Investigations.CountAsync(i => i.Stage == InvestigationStage.Concluded && !db.QualityReviews.Any(r => r.InvestigationId == i.Id), ct);

    /// <summary>The mean score per reporting quarter of review, oldest first, so quality before and after a change can be compared.</summary>
    public async Task<IReadOnlyList<QuarterScore>> ScoresByQuarterAsync(CancellationToken ct)
    {
        var facts = await db.QualityReviews.AsNoTracking()
            .Select(r => new ReviewFact(r.InvestigationId, r.ReviewedOn, r.CreatedAt, r.Score, r.MaxScore))
            .ToListAsync(ct);
        return ByQuarter(facts);
    }

    /// <summary>The counting itself: each case counts once, by its latest review, in the quarter that review was made.</summary>
    public static IReadOnlyList<QuarterScore> ByQuarter(IEnumerable<ReviewFact> reviews) =>
        [.. reviews
            .GroupBy(r => r.InvestigationId)
            .Select(g => g.OrderByDescending(r => r.ReviewedOn).ThenByDescending(r => r.RecordedAt).First())
            .GroupBy(r => ReportingQuarter.Of(r.ReviewedOn))
            .OrderBy(g => g.Key)
            .Select(g => new QuarterScore(g.Key, g.Count(),
                Math.Round(g.Average(r => r.MaxScore == 0 ? 0m : r.Score * 100m / r.MaxScore), 1, MidpointRounding.AwayFromZero)))];
}
