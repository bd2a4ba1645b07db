using SeriousCases.Core.Panel;

namespace SeriousCases.Tests.Panel;

/// <summary>The Panel meets quarterly in the department's April-to-March year: a quarter without a meeting is a
/// warning, "missed" once it has ended and "not yet planned" while it has not.</summary>
public sealed class PanelScheduleTests
{
    [Theory]
    [InlineData(2020, 3, 19, 2019, 4)]
    [InlineData(2020, 4, 1, 2020, 1)]
    [InlineData(2020, 7, 2, 2020, 2)]
    [InlineData(2020, 12, 31, 2020, 3)]
    [InlineData(2021, 1, 1, 2020, 4)]
    [InlineData(2021, 3, 31, 2020, 4)]
    public void A_date_falls_in_its_financial_year_and_quarter(int y, int m, int d, int year, int quarter)
    {
        var q = PanelSchedule.QuarterOf(new DateOnly(y, m, d));
        Assert.Equal(new FinancialQuarter(year, quarter), q);
        Assert.Equal(year, PanelSchedule.FinancialYearOf(new DateOnly(y, m, d)));
        Assert.True(q.Contains(new DateOnly(y, m, d)));
    }

    [Fact]
    public void Quarters_run_april_to_june_july_to_september_october_to_december_and_january_to_march()
    {
        var quarters = PanelSchedule.Quarters(2026);
        Assert.Equal([new DateOnly(2026, 4, 1), new DateOnly(2026, 7, 1), new DateOnly(2026, 10, 1), new DateOnly(2027, 1, 1)], quarters.Select(q => q.Start));
        Assert.Equal([new DateOnly(2026, 6, 30), new DateOnly(2026, 9, 30), new DateOnly(2026, 12, 31), new DateOnly(2027, 3, 31)], quarters.Select(q => q.End));
        Assert.Equal("Q4 (January to March 2027)", quarters[3].Name);
        Assert.Equal("2026 to 2027", PanelSchedule.DescribeYear(2026));
    }

    [Fact]
    public void A_year_with_a_meeting_every_quarter_has_no_warnings()
    {
        var meetings = new[] { new DateOnly(2020, 4, 20), new DateOnly(2020, 7, 2), new DateOnly(2020, 10, 15), new DateOnly(2021, 3, 31) };
        Assert.Empty(PanelSchedule.Warnings(2020, meetings, new DateOnly(2021, 6, 1)));
    }

    [Fact]
    public void An_ended_quarter_without_a_meeting_is_missed_and_a_later_one_not_yet_planned()
    {
        // 2 December 2026: Q1 and Q2 have ended, Q3 is under way, Q4 is ahead.
        var warnings = PanelSchedule.Warnings(2026, [new DateOnly(2026, 12, 23)], new DateOnly(2026, 12, 2));
        Assert.Equal([(1, QuarterGap.Missed), (2, QuarterGap.Missed), (4, QuarterGap.NotYetPlanned)], warnings.Select(w => (w.Quarter.Number, w.Gap)));
        Assert.Equal("The Panel did not meet in Q1 (April to June 2026). The Terms of Reference say it meets every quarter.", warnings[0].Message);
        Assert.StartsWith("No meeting is planned for Q4 (January to March 2027)", warnings[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_current_quarter_without_a_meeting_is_not_yet_planned_until_its_last_day_has_passed()
    {
        Assert.Equal(QuarterGap.NotYetPlanned, PanelSchedule.Warnings(2026, [], new DateOnly(2026, 6, 30))[0].Gap);
        Assert.Equal(QuarterGap.Missed, PanelSchedule.Warnings(2026, [], new DateOnly(2026, 7, 1))[0].Gap);
    }

    [Fact]
    public void Meetings_of_another_year_do_not_count()
    {
        var warnings = PanelSchedule.Warnings(2020, [new DateOnly(2020, 3, 19)], new DateOnly(2020, 3, 20));
        Assert.Equal(4, warnings.Count);
    }
}
