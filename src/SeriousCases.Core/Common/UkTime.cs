namespace SeriousCases.Core.Common;

/// <summary>Times are stored in UTC and shown in UK time (GMT/BST).</summary>
public static class UkTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateTime ToUk(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>The UTC instant at which the given UK calendar day starts.</summary>
    public static DateTime StartOfDayUtc(DateOnly ukDate) =>
        TimeZoneInfo.ConvertTimeToUtc(ukDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ToUk(clock.GetUtcNow().UtcDateTime));

    /// <summary>GOV.UK style: "22 November 2026 at 3:04pm".</summary>
    public static string Format(DateTime utc)
    {
        var uk = ToUk(utc);
        var hour = uk.Hour % 12 == 0 ? 12 : uk.Hour % 12;
        var suffix = uk.Hour < 12 ? "am" : "pm";
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{uk:d MMMM yyyy} at {hour}:{uk:mm}{suffix}");
    }

    /// <summary>GOV.UK style date: "2 July 2020".</summary>
    public static string Format(DateOnly date) => date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
