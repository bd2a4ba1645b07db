using System.Globalization;
using System.Text.RegularExpressions;

namespace SeriousCases.Core.Publication;

/// <summary>A reporting year as the publication names it: "2022-23" in addresses and files, "2022/23" in text.</summary>
public static partial class PublicationYear
{
    /// <summary>Reads "2022-23" or "2022/23"; false when it is not a year followed by the next one.</summary>
    public static bool TryParse(string? value, out int startYear)
    {
        startYear = 0;
        var m = Pattern().Match(value?.Trim() ?? "");
        if (!m.Success)
        {
            return false;
        }

        var start = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var end = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        if (start is < 2000 or > 2100 || end != (start + 1) % 100)
        {
            return false;
        }

        startYear = start;
        return true;
    }

    public static string Slug(int startYear) => string.Create(CultureInfo.InvariantCulture, $"{startYear}-{(startYear + 1) % 100:00}");

    public static string Label(int startYear) => string.Create(CultureInfo.InvariantCulture, $"{startYear}/{(startYear + 1) % 100:00}");

    public static DateOnly From(int startYear) => new(startYear, 4, 1);

    public static DateOnly To(int startYear) => new(startYear + 1, 3, 31);

    [GeneratedRegex(@"^(\d{4})[-/](\d{2})$")]
    private static partial Regex Pattern();
}
