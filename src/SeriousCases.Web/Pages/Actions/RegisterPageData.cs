using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using SeriousCases.Core.Actions;
using SeriousCases.Core.Data;
using SeriousCases.Core.ReferenceData;

namespace SeriousCases.Web.Pages.Actions;

/// <summary>The filter choices the register offers a user.</summary>
public sealed record RegisterChoices(IReadOnlyList<OwnerTeam> Owners, IReadOnlyList<ServiceLine> Lines, IReadOnlyList<string> DirectorsGeneral);

/// <summary>What the register page reads. One seam, so the benchmark can render the same page from memory
/// (Infrastructure/Benchmarking) and report the database's share of its cost.</summary>
public interface IRegisterPageData
{
    Task<IReadOnlyList<SavedView>> SavedViewsAsync(Guid userId, CancellationToken ct);

    Task<RegisterChoices> ChoicesAsync(RegisterUser user, CancellationToken ct);

    Task<ActivityPage> ListAsync(ActivityQuery query, RegisterUser user, CancellationToken ct);
}

/// <summary>The filter choices change rarely (reference data, the directors general named on activities) and are
/// read on every page of the register, so each copy of the service keeps them for a minute: a renamed team can take
/// that long to show in a filter list, never in the register itself.</summary>
public sealed class RegisterPageData(ActionRegisterService register, SavedViewService views, SeriousCasesDbContext db, IMemoryCache cache) : IRegisterPageData
{
    private static readonly TimeSpan ChoicesFor = TimeSpan.FromMinutes(1);

    public async Task<IReadOnlyList<SavedView>> SavedViewsAsync(Guid userId, CancellationToken ct) => await views.ListAsync(userId, ct);

    public async Task<RegisterChoices> ChoicesAsync(RegisterUser user, CancellationToken ct) => new(
        await CachedAsync("register:owners", () => db.OwnerTeams.AsNoTracking().OrderBy(t => t.ShortName).ToListAsync(ct)),
        await CachedAsync("register:lines", () => db.ServiceLines.AsNoTracking().OrderBy(l => l.SortOrder).ToListAsync(ct)),
        await CachedAsync($"register:dgs:{user.UserId}:{user.Roles}", () => register.DirectorsGeneralAsync(user, ct)));

    public Task<ActivityPage> ListAsync(ActivityQuery query, RegisterUser user, CancellationToken ct) => register.ListAsync(query, user, ct);

    private async Task<List<T>> CachedAsync<T>(string key, Func<Task<List<T>>> read)
    {
        if (cache.TryGetValue(key, out List<T>? known) && known is not null)
        {
            return known;
        }

        var fresh = await read();
        cache.Set(key, fresh, ChoicesFor);
        return fresh;
    }
}
