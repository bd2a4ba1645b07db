using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace SeriousCases.Core.Data;

/// <summary>Recognises a save refused by a unique index, on either provider, so a service that numbers records (Decision
/// 1, AP1 ...) can take the next number when someone else took this one in between.</summary>
public static class UniqueViolation
{
    /// <summary>SQLite's extended result codes for a UNIQUE constraint and a PRIMARY KEY.</summary>
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    public static bool Is(DbUpdateException ex) => ex.InnerException switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        _ => false,
    };

    /// <summary>Saves, and when a unique index refuses the save calls <paramref name="renumber"/> with the attempt (2, 3
    /// ...) to choose the next numbers, then tries again, a few times. The tracked rows stay added between attempts;
    /// the audit entries of a failed attempt are dropped by the context.</summary>
    public static async Task SaveNumberedAsync(SeriousCasesDbContext db, Func<int, Task> renumber, CancellationToken ct, int attempts = 5)
    {
        for (var attempt = 1; ; attempt++)
        {
            await renumber(attempt);
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException ex) when (attempt < attempts && Is(ex))
            {
                // Someone else took the number: the next attempt reads the numbers again.
            }
        }
    }
}
