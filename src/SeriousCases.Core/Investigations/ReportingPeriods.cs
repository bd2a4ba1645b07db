using System.Globalization;

namespace SeriousCases.Core.Investigations;

/// <summary>DWP reports by year from 1 April to 31 March (the annual publication's "2022/23").</summary>
public static class ReportingYear
{
    /// <summary>The first day of the reporting year that holds <paramref name="day"/>.</summary>
    public static DateOnly StartOf(DateOnly day) => new(day.Month >= 4 ? day.Year : day.Year - 1, 4, 1);

    /// <summary>The first and last day of the reporting year that holds <paramref name="day"/>.</summary>
    public static (DateOnly From, DateOnly To) Containing(DateOnly day)
    {
        var from = StartOf(day);
        return (from, from.AddYears(1).AddDays(-1));
    }

    /// <summary>"2026/27" for the year starting 1 April 2026.</summary>
    public static string Name(int startYear) =>
        string.Create(CultureInfo.InvariantCulture, $"{startYear}/{(startYear + 1) % 100:00}");
}

/// <summary>A quarter of a reporting year: Q1 is April to June, Q4 is January to March of the next calendar year.</summary>
public sealed record ReportingQuarter(int StartYear, int Quarter) : IComparable<ReportingQuarter>
{
    public static ReportingQuarter Of(DateOnly day)
    {
        var start = ReportingYear.StartOf(day).Year;
        var monthsIn = ((day.Year - start) * 12) + day.Month - 4;
        return new ReportingQuarter(start, (monthsIn / 3) + 1);
    }

    public DateOnly From => new DateOnly(StartYear, 4, 1).AddMonths((Quarter - 1) * 3);

    public DateOnly To => From.AddMonths(3).AddDays(-1);

    /// <summary>"2026/27 Q1 (April to June 2026)".</summary>
    public string Name => string.Create(CultureInfo.InvariantCulture,
        $"{ReportingYear.Name(StartYear)} Q{Quarter} ({From.ToString("MMMM", CultureInfo.InvariantCulture)} to {To.ToString("MMMM yyyy", CultureInfo.InvariantCulture)})");

    public int CompareTo(ReportingQuarter? other) => other is null ? 1 : (StartYear, Quarter).CompareTo((other.StartYear, other.Quarter));
}
