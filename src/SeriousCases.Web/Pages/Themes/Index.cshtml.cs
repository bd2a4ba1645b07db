using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Themes;

namespace SeriousCases.Web.Pages.Themes;

/// <summary>The overview of systemic issues: every theme with its volume by source and quarter, service lines, activities,
/// when the Panel last discussed it and its priority with the inputs shown, highest priority first.</summary>
public sealed class IndexModel(ThemeInsightService themes) : PageModel
{
    public static readonly int[] Windows = [12, 36, 60, 120];

    public int Months { get; private set; } = 36;

    public ThemeOverview Overview { get; private set; } = null!;

    public IReadOnlyList<ThemeSummary> ByPriority { get; private set; } = [];

    /// <summary>The window's quarters, each with the months it holds (the first and last may be partial).</summary>
    public IReadOnlyList<(int Quarter, int[] MonthIndexes)> Quarters { get; private set; } = [];

    public async Task OnGetAsync(int? months, CancellationToken ct)
    {
        Months = months is { } m && Windows.Contains(m) ? m : 36;
        Overview = await themes.OverviewAsync(Months, ct);
        ByPriority = [.. Overview.Themes.OrderByDescending(t => t.Priority.Score).ThenBy(t => t.Name, StringComparer.Ordinal)];
        Quarters = [.. Overview.Months.Select((month, i) => (Quarter: Periods.PeriodOf(month, SeriesPeriod.Quarter), Index: i))
            .GroupBy(x => x.Quarter)
            .Select(g => (g.Key, g.Select(x => x.Index).ToArray()))
            .TakeLast(12)];
    }
}
