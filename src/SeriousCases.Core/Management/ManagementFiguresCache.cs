using Microsoft.Extensions.DependencyInjection;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;

namespace SeriousCases.Core.Management;

/// <summary>The dashboard's figures, counted once per filter and shared until a record changes
/// (<see cref="CountedOnceCache{TKey, TValue}"/>). Counting everything takes most of a second at department scale and
/// senior leaders open the same few views: re-counting per request could not answer eight users in 300 ms. The key
/// holds the day "overdue" is judged on, so the figures move on at midnight too.</summary>
public sealed class ManagementFiguresCache(IServiceScopeFactory scopes, TimeProvider clock)
{
    private readonly CountedOnceCache<Key, ManagementFigures> cache = new(scopes, clock);

    private sealed record Key(DateOnly From, DateOnly To, string? ServiceLine, DateOnly AsOf);

    /// <summary>How many times the figures were counted (for the tests).</summary>
    internal long Computations => cache.Counts;

    /// <summary>The figures for <paramref name="filter"/>, as <see cref="ManagementService.FiguresAsync"/> counts them; a
    /// wrong filter throws <see cref="DomainValidationException"/> as it does.</summary>
    public Task<ManagementFigures> FiguresAsync(ManagementFilter filter, CancellationToken ct = default)
    {
        var line = string.IsNullOrWhiteSpace(filter.ServiceLine) ? null : filter.ServiceLine.Trim();
        var key = new Key(filter.From, filter.To, line, ManagementRules.AsOf(filter.To, UkTime.Today(clock)));
        return cache.GetAsync(key, services => services.GetRequiredService<ManagementService>().FiguresAsync(filter with { ServiceLine = line }, CancellationToken.None), ct);
    }
}
