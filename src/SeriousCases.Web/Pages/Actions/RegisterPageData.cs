using Microsoft.EntityFrameworkCore;
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

public sealed class RegisterPageData(ActionRegisterService register, SavedViewService views, SeriousCasesDbContext db) : IRegisterPageData
{
    public async Task<IReadOnlyList<SavedView>> SavedViewsAsync(Guid userId, CancellationToken ct) => await views.ListAsync(userId, ct);

    public async Task<RegisterChoices> ChoicesAsync(RegisterUser user, CancellationToken ct) => new(
        await db.OwnerTeams.AsNoTracking().OrderBy(t => t.ShortName).ToListAsync(ct),
        await db.ServiceLines.AsNoTracking().OrderBy(l => l.SortOrder).ToListAsync(ct),
        await register.DirectorsGeneralAsync(user, ct));

    public Task<ActivityPage> ListAsync(ActivityQuery query, RegisterUser user, CancellationToken ct) => register.ListAsync(query, user, ct);
}
