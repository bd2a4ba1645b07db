using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SeriousCases.Core.Demo;

namespace SeriousCases.Core.Data;

/// <summary>Applies migrations and, where asked, loads the demo into an empty database.</summary>
public sealed class DatabaseInitializer(SeriousCasesDbContext db, ILogger<DatabaseInitializer> logger)
{
    public async Task MigrateAsync(CancellationToken ct = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} database migrations", pending.Count);
            await db.Database.MigrateAsync(ct);
        }
    }

    public async Task<bool> SeedDemoIfEmptyAsync(CancellationToken ct = default)
    {
        var seeder = new DemoDataSeeder(db);
        if (!await seeder.IsEmptyAsync(ct))
        {
            return false;
        }

        logger.LogInformation("Database is empty: loading demo data");
        await seeder.SeedAsync(ct);
        return true;
    }
}
