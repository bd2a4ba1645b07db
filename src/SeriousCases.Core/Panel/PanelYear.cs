using System.Globalization;
using System.Text.RegularExpressions;

namespace SeriousCases.Core.Panel;

/// <summary>The department's business year, 1 April to 31 March, written "2020-21" as the Panel plans its meetings.</summary>
public sealed partial record PanelYear(int StartYear)
{
    public DateOnly From => new(StartYear, 4, 1);

    public DateOnly To => new(StartYear + 1, 3, 31);

    public bool Contains(DateOnly date) => date >= From && date <= To;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{StartYear}-{(StartYear + 1) % 100:00}");

    public static PanelYear Of(DateOnly date) => new(date.Month >= 4 ? date.Year : date.Year - 1);

    /// <summary>"2020-21" (or "2020-2021"); null for anything else, including years that do not follow each other.</summary>
    public static PanelYear? Parse(string? text)
    {
        var m = Pattern().Match(text?.Trim() ?? "");
        if (!m.Success)
        {
            return null;
        }

        var start = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var end = m.Groups[2].Value;
        var expected = end.Length == 2 ? (start + 1) % 100 : start + 1;
        return int.Parse(end, CultureInfo.InvariantCulture) == expected ? new PanelYear(start) : null;
    }

    [GeneratedRegex(@"^(\d{4})-(\d{2}|\d{4})$")]
    private static partial Regex Pattern();
}
