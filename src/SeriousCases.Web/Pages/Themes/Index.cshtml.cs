using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Identity;
using SeriousCases.Core.Themes;

namespace SeriousCases.Web.Pages.Themes;

/// <summary>The overview of systemic issues: every theme with its volume by source and quarter, service lines, activities,
/// when the Panel last discussed it and its priority with the inputs shown, highest priority first.</summary>
public sealed class IndexModel(ThemeOverviewCache themes, ThemeClassifierService training) : PageModel
{
    /// <summary>The secretariat and Analysts retrain the theme suggestions.</summary>
    public bool CanTrain => User.IsInRole(Roles.PanelSecretariat) || User.IsInRole(Roles.Analyst);

    /// <summary>The stored model's report (any copy of the service may have trained it); null until one is trained.</summary>
    public ClassifierReport? Report { get; private set; }

    public async Task<IActionResult> OnPostTrainAsync(CancellationToken ct)
    {
        if (!CanTrain)
        {
            return Forbid();
        }

        var report = await training.TrainAsync(ct);
        TempData["Saved"] = $"Theme suggestions retrained on {report.TrainedOn} coded items: {report.Accuracy:P0} of {report.HeldOut} held-out items got a right theme first.";
        return RedirectToPage();
    }

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
        Report = await training.CurrentAsync(ct);
    }
}
