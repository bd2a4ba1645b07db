using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Data;

namespace SeriousCases.Core.Demo;

/// <summary>Loads the demo: reference data, one user per role, and the department's public material
/// (seeds 000, 001 and 004) with fictional customer identities.</summary>
public sealed class DemoDataSeeder(SeriousCasesDbContext db)
{
    /// <summary>True when the database holds no users yet (a fresh database).</summary>
    public async Task<bool> IsEmptyAsync(CancellationToken ct = default) => !await db.Users.AnyAsync(ct);

    public async Task SeedAsync(CancellationToken ct = default)
    {
        await ReferenceDataSeeder.SeedAsync(db, ct);
        db.Users.AddRange(DemoUsers.Create());
        await db.SaveChangesAsync(ct);
    }
}
