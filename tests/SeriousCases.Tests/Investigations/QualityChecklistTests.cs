using SeriousCases.Core.Common;
using SeriousCases.Core.Investigations;

namespace SeriousCases.Tests.Investigations;

/// <summary>The quality checklist's scoring: met 2, partly met 1, not met 0, every question answered, no others.</summary>
public sealed class QualityChecklistTests
{
    private static Dictionary<string, QualityRating> All(QualityRating rating) =>
        QualityChecklist.Questions.ToDictionary(q => q.Code, _ => rating);

    [Fact]
    public void The_checklist_asks_what_an_ipr_must_do_each_question_once()
    {
        Assert.Equal(9, QualityChecklist.Questions.Count);
        Assert.Equal(QualityChecklist.Questions.Count, QualityChecklist.Questions.Select(q => q.Code).Distinct().Count());
        Assert.Contains(QualityChecklist.Questions, q => q.Text.Contains("across every service line", StringComparison.Ordinal));
        Assert.Contains(QualityChecklist.Questions, q => q.Text.Contains("learning, not blame", StringComparison.Ordinal));
        Assert.All(QualityChecklist.Questions, q => Assert.True(q.Code.Length <= 60, "Answer codes are stored in 60 characters"));
    }

    [Fact]
    public void All_met_scores_full_marks()
    {
        var score = QualityChecklist.Score(All(QualityRating.Met));
        Assert.Equal(new QualityScore(18, 18, 100m), score);
    }

    [Fact]
    public void All_not_met_scores_nothing()
    {
        Assert.Equal(new QualityScore(0, 18, 0m), QualityChecklist.Score(All(QualityRating.NotMet)));
    }

    [Fact]
    public void A_mixed_review_adds_two_for_met_and_one_for_partly_met()
    {
        var answers = All(QualityRating.Met);
        answers["fact-finding"] = QualityRating.PartlyMet;
        answers["family"] = QualityRating.NotMet;
        answers["timeliness"] = QualityRating.PartlyMet;

        var score = QualityChecklist.Score(answers);

        // 6 met (12) + 2 partly met (2) + 1 not met (0) = 14 of 18 = 77.78%.
        Assert.Equal(14, score.Points);
        Assert.Equal(18, score.Max);
        Assert.Equal(77.8m, score.Percentage);
    }

    [Fact]
    public void A_missing_answer_is_refused_naming_the_question()
    {
        var answers = All(QualityRating.Met);
        answers.Remove("evidence");
        answers.Remove("all-contacts");

        var ex = Assert.Throws<DomainValidationException>(() => QualityChecklist.Score(answers));

        Assert.Equal(["answers.all-contacts", "answers.evidence"], ex.Errors.Select(e => e.Field));
        Assert.Equal("Select met, partly met or not met for question 1 (every contact reviewed)", ex.Errors[0].Message);
        Assert.Contains("question 6", ex.Errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_answer_to_a_question_the_checklist_does_not_have_is_refused()
    {
        var answers = All(QualityRating.Met);
        answers["tone-of-voice"] = QualityRating.Met;

        var ex = Assert.Throws<DomainValidationException>(() => QualityChecklist.Score(answers));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("answers", error.Field);
        Assert.Equal("'tone-of-voice' is not a question of the quality checklist", error.Message);
    }

    [Fact]
    public void A_rating_outside_the_scale_is_no_answer()
    {
        var answers = All(QualityRating.Met);
        answers["clear-report"] = (QualityRating)7;

        var ex = Assert.Throws<DomainValidationException>(() => QualityChecklist.Score(answers));
        Assert.Equal("answers.clear-report", Assert.Single(ex.Errors).Field);
    }

    [Theory]
    [InlineData("2026-04-01", 2026, 1, "2026/27 Q1 (April to June 2026)")]
    [InlineData("2026-06-30", 2026, 1, "2026/27 Q1 (April to June 2026)")]
    [InlineData("2026-07-01", 2026, 2, "2026/27 Q2 (July to September 2026)")]
    [InlineData("2026-12-31", 2026, 3, "2026/27 Q3 (October to December 2026)")]
    [InlineData("2027-01-01", 2026, 4, "2026/27 Q4 (January to March 2027)")]
    [InlineData("2027-03-31", 2026, 4, "2026/27 Q4 (January to March 2027)")]
    [InlineData("2027-04-01", 2027, 1, "2027/28 Q1 (April to June 2027)")]
    public void Quarters_follow_the_april_to_march_reporting_year(string day, int startYear, int quarter, string name)
    {
        var q = ReportingQuarter.Of(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(new ReportingQuarter(startYear, quarter), q);
        Assert.Equal(name, q.Name);
    }

    [Fact]
    public void The_reporting_year_runs_from_april_to_march()
    {
        Assert.Equal((new DateOnly(2025, 4, 1), new DateOnly(2026, 3, 31)), ReportingYear.Containing(new DateOnly(2026, 3, 31)));
        Assert.Equal((new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31)), ReportingYear.Containing(new DateOnly(2026, 4, 1)));
        Assert.Equal("2099/00", ReportingYear.Name(2099));
    }

    [Fact]
    public void Scores_by_quarter_count_each_case_once_by_its_latest_review()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid();
        var at = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var scores = QualityReviewService.ByQuarter(
        [
            // Case a: reviewed in Q4 2025/26 at 50%, again in Q1 2026/27 at 100%: only the second counts.
            new ReviewFact(a, new DateOnly(2026, 3, 31), at, 9, 18),
            new ReviewFact(a, new DateOnly(2026, 4, 1), at, 18, 18),
            // Case b: Q4 2025/26 at 12/18.
            new ReviewFact(b, new DateOnly(2026, 2, 10), at, 12, 18),
            // Case c: reviewed twice the same day; the one recorded later counts (10/18).
            new ReviewFact(c, new DateOnly(2026, 5, 5), at, 4, 18),
            new ReviewFact(c, new DateOnly(2026, 5, 5), at.AddMinutes(5), 10, 18),
        ]);

        Assert.Equal(2, scores.Count);
        Assert.Equal(new QuarterScore(new ReportingQuarter(2025, 4), 1, 66.7m), scores[0]);
        // (100 + 55.56) / 2 = 77.78
        Assert.Equal(new QuarterScore(new ReportingQuarter(2026, 1), 2, 77.8m), scores[1]);
    }
}
