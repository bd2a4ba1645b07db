using System.Globalization;

namespace SeriousCases.Core.Themes;

public enum SeriesPeriod
{
    Month = 1,
    Quarter = 2,
}

/// <summary>Month keys (year × 100 + month, as stored on insight items) and the periods series are shown in: a month
/// "2024-03", a calendar quarter "2024-Q1".</summary>
public static class Periods
{
    public static int MonthKey(DateOnly date) => (date.Year * 100) + date.Month;

    public static int AddMonths(int monthKey, int months)
    {
        var index = (monthKey / 100 * 12) + (monthKey % 100) - 1 + months;
        return (index / 12 * 100) + (index % 12) + 1;
    }

    public static int MonthsBetween(int fromKey, int toKey) => ((toKey / 100) - (fromKey / 100)) * 12 + (toKey % 100) - (fromKey % 100);

    public static DateOnly FirstDay(int monthKey) => new(monthKey / 100, monthKey % 100, 1);

    public static IEnumerable<int> Months(int fromKey, int toKey)
    {
        for (var k = fromKey; k <= toKey; k = AddMonths(k, 1))
        {
            yield return k;
        }
    }

    /// <summary>The period a month falls in: the month itself, or its calendar quarter's first month.</summary>
    public static int PeriodOf(int monthKey, SeriesPeriod by) =>
        by == SeriesPeriod.Month ? monthKey : (monthKey / 100 * 100) + (((monthKey % 100) - 1) / 3 * 3) + 1;

    public static string Label(int periodKey, SeriesPeriod by) => by == SeriesPeriod.Month
        ? string.Create(CultureInfo.InvariantCulture, $"{periodKey / 100:D4}-{periodKey % 100:D2}")
        : string.Create(CultureInfo.InvariantCulture, $"{periodKey / 100:D4}-Q{((periodKey % 100) - 1) / 3 + 1}");

    /// <summary>How a period reads on a page: "March 2024" or "January to March 2024".</summary>
    public static string Words(int periodKey, SeriesPeriod by)
    {
        var first = FirstDay(periodKey);
        return by == SeriesPeriod.Month
            ? first.ToString("MMMM yyyy", CultureInfo.InvariantCulture)
            : $"{first.ToString("MMMM", CultureInfo.InvariantCulture)} to {first.AddMonths(2).ToString("MMMM yyyy", CultureInfo.InvariantCulture)}";
    }

    public static SeriesPeriod? Parse(string? by) => by?.Trim().ToLowerInvariant() switch
    {
        null or "" or "month" => SeriesPeriod.Month,
        "quarter" => SeriesPeriod.Quarter,
        _ => null,
    };

    /// <summary>"2024-03" to a month key; null when it is not a month.</summary>
    public static int? ParseMonth(string? text) =>
        DateOnly.TryParseExact(text?.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? MonthKey(d) : null;
}
