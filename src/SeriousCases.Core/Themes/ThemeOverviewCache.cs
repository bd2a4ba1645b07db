using Microsoft.Extensions.DependencyInjection;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;

namespace SeriousCases.Core.Themes;

/// <summary>The themes overview, counted once per window and day and shared until a record changes
/// (<see cref="CountedOnceCache{TKey, TValue}"/>): it counts a million insight items and every finding and activity by
/// theme, seconds at department scale, and the theme list that every coding form reads is made from it.</summary>
public sealed class ThemeOverviewCache(IServiceScopeFactory scopes, TimeProvider clock)
{
    private readonly CountedOnceCache<(int Months, DateOnly Today), ThemeOverview> cache = new(scopes, clock, maxKeys: 20);

    /// <summary>How many times the overview was counted (for the tests).</summary>
    internal long Computations => cache.Counts;

    /// <summary>The overview of the last <paramref name="months"/> complete months, as
    /// <see cref="ThemeInsightService.OverviewAsync"/> counts it.</summary>
    public Task<ThemeOverview> OverviewAsync(int months, CancellationToken ct = default)
    {
        months = Math.Clamp(months, 1, 240);
        return cache.GetAsync((months, UkTime.Today(clock)),
            services => services.GetRequiredService<ThemeInsightService>().OverviewAsync(months, CancellationToken.None), ct);
    }
}
