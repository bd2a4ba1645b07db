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

    /// <summary>The text-search configuration of insight summaries (British English stems like English).</summary>
    public const string TextSearchConfig = "english";

    protected override Task LockAuditChainAsync(CancellationToken ct) =>
        Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AuditChainLockKey})", ct);

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);

        // Full-text search of insight summaries over millions of items: an expression index, so
        // nothing extra is stored in the row and the query uses the same to_tsvector expression.
        b.Entity<Insight.InsightItem>().HasIndex(x => x.Summary, "IX_InsightItems_Summary_FullText")
            .HasMethod("GIN").IsTsVectorExpressionIndex(TextSearchConfig);
    }
}
