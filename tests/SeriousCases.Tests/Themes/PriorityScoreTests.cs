using SeriousCases.Core.Themes;

namespace SeriousCases.Tests.Themes;

/// <summary>The priority score's four parts, each up to 25, on known inputs; and the month keys and period labels.</summary>
public sealed class PriorityScoreTests
{
    [Fact]
    public void The_largest_theme_doubling_at_the_worst_severity_with_five_overdue_activities_scores_100()
    {
        var score = PriorityScore.Compute(new PriorityInputs(40, 20, 5, 5), 40);

        Assert.Equal((25, 25, 25, 25), (score.VolumePart, score.GrowthPart, score.SeverityPart, score.OverduePart));
        Assert.Equal(100, score.Score);
        Assert.Equal(1.0, score.Growth);
    }

    [Fact]
    public void Each_part_scales_with_its_input()
    {
        var score = PriorityScore.Compute(new PriorityInputs(10, 10, 3, 2), 40);

        Assert.Equal(6.25, score.VolumePart);     // a quarter of the largest theme's volume
        Assert.Equal(12.5, score.GrowthPart);     // no change
        Assert.Equal(12.5, score.SeverityPart);   // mean severity 3 of 1 to 5
        Assert.Equal(10, score.OverduePart);      // 5 points per overdue activity
        Assert.Equal(41, score.Score);
    }

    [Fact]
    public void Halving_scores_no_growth_points_and_new_volume_scores_all_of_them()
    {
        Assert.Equal(0, PriorityScore.Compute(new PriorityInputs(5, 10, null, 0), 10).GrowthPart);
        Assert.Equal(6.25, PriorityScore.Compute(new PriorityInputs(15, 20, null, 0), 20).GrowthPart); // a quarter fewer
        var fresh = PriorityScore.Compute(new PriorityInputs(3, 0, null, 9), 3);
        Assert.Equal(25, fresh.GrowthPart);
        Assert.Null(fresh.Growth);
        Assert.Equal(0, fresh.SeverityPart); // not known
        Assert.Equal(25, fresh.OverduePart); // at most 25
        Assert.Equal(12.5, PriorityScore.Compute(new PriorityInputs(0, 0, null, 0), 0).GrowthPart);
    }

    [Fact]
    public void Month_keys_and_periods()
    {
        Assert.Equal(202401, Periods.AddMonths(202312, 1));
        Assert.Equal(202212, Periods.AddMonths(202401, -13));
        Assert.Equal(13, Periods.MonthsBetween(202212, 202401));
        Assert.Equal(202404, Periods.PeriodOf(202406, SeriesPeriod.Quarter));
        Assert.Equal("2024-Q2", Periods.Label(202404, SeriesPeriod.Quarter));
        Assert.Equal("2024-03", Periods.Label(202403, SeriesPeriod.Month));
        Assert.Equal("April to June 2024", Periods.Words(202404, SeriesPeriod.Quarter));
        Assert.Equal(202403, Periods.ParseMonth("2024-03"));
        Assert.Null(Periods.ParseMonth("March"));
        Assert.Null(Periods.Parse("week"));
    }
}
