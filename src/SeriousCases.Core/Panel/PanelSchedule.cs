using System.Globalization;

namespace SeriousCases.Core.Panel;

/// <summary>A quarter of the department's financial year (April to March): Q1 April to June, Q2 July to September,
/// Q3 October to December, Q4 January to March. <see cref="Year"/> is the year the financial year starts in.</summary>
public sealed record FinancialQuarter(int Year, int Number)
{
    public DateOnly Start => new DateOnly(Year, 4, 1).AddMonths((Number - 1) * 3);

    public DateOnly End => Start.AddMonths(3).AddDays(-1);

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    /// <summary>"Q1 (April to June 2026)", "Q4 (January to March 2027)".</summary>
    public string Name => string.Create(CultureInfo.InvariantCulture, $"Q{Number} ({Start:MMMM} to {End:MMMM yyyy})");
}

public enum QuarterGap
{
    /// <summary>The quarter has ended and the Panel did not meet in it.</summary>
    Missed = 1,
    /// <summary>The quarter has not ended and no meeting is planned in it.</summary>
    NotYetPlanned = 2,
}

public sealed record QuarterWarning(FinancialQuarter Quarter, QuarterGap Gap)
{
    public string Message => Gap == QuarterGap.Missed
        ? $"The Panel did not meet in {Quarter.Name}. The Terms of Reference say it meets every quarter."
        : $"No meeting is planned for {Quarter.Name}. Plan one: the Panel meets every quarter.";
}

/// <summary>The Panel meets quarterly (Terms of Reference, seeds 000 and 001). The department's year runs April to March;
/// a quarter with no meeting is a warning, "missed" once it has ended, "not yet planned" while it has not.</summary>
public static class PanelSchedule
{
    /// <summary>The year the financial year holding <paramref name="date"/> starts in (1 March 2027 is in 2026 to 2027).</summary>
    public static int FinancialYearOf(DateOnly date) => date.Month >= 4 ? date.Year : date.Year - 1;

    public static DateOnly YearStart(int year) => new(year, 4, 1);

    public static DateOnly YearEnd(int year) => new(year + 1, 3, 31);

    /// <summary>GOV.UK style: "2026 to 2027".</summary>
    public static string DescribeYear(int year) => string.Create(CultureInfo.InvariantCulture, $"{year} to {year + 1}");

    public static IReadOnlyList<FinancialQuarter> Quarters(int year) => [.. Enumerable.Range(1, 4).Select(n => new FinancialQuarter(year, n))];

    public static FinancialQuarter QuarterOf(DateOnly date)
    {
        var year = FinancialYearOf(date);
        var monthsIn = ((date.Month - 4) + 12) % 12;
        return new FinancialQuarter(year, (monthsIn / 3) + 1);
    }

    /// <summary>A warning for every quarter of <paramref name="year"/> with none of <paramref name="meetings"/> in it.</summary>
    public static IReadOnlyList<QuarterWarning> Warnings(int year, IEnumerable<DateOnly> meetings, DateOnly today)
    {
        var dates = meetings.ToList();
        return [.. Quarters(year)
            .Where(q => !dates.Exists(q.Contains))
            .Select(q => new QuarterWarning(q, q.End < today ? QuarterGap.Missed : QuarterGap.NotYetPlanned))];
    }
}
