using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Audit;

namespace SeriousCases.Core.Data;

/// <summary>SQLite: the embedded default. Its migrations live in Data/Migrations/Sqlite.</summary>
public sealed class SqliteSeriousCasesDbContext(DbContextOptions<SqliteSeriousCasesDbContext> options, IAuditActor actor, TimeProvider clock)
    : SeriousCasesDbContext(options, actor, clock)
{
    // BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default) already holds the single write lock.
    protected override Task LockAuditChainAsync(CancellationToken ct) => Task.CompletedTask;
}

/// <summary>PostgreSQL: production. Its migrations live in Data/Migrations/Postgres.</summary>
public sealed class PostgresSeriousCasesDbContext(DbContextOptions<PostgresSeriousCasesDbContext> options, IAuditActor actor, TimeProvider clock)
    : SeriousCasesDbContext(options, actor, clock)
{
    /// <summary>Transaction-scoped advisory lock key for appending to the audit chain.</summary>
    public const long AuditChainLockKey = 7_270_001;

    protected override Task LockAuditChainAsync(CancellationToken ct) =>
        Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AuditChainLockKey})", ct);
}
