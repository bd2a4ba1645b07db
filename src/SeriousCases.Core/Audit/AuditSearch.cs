using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;

namespace SeriousCases.Core.Audit;

public sealed record AuditFilter(
    string? EntityType = null,
    string? EntityId = null,
    string? Actor = null,
    AuditAction? Action = null,
    DateOnly? From = null,
    DateOnly? To = null);

public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, long? NextAfter);

/// <summary>What the audit trail pages read. <see cref="AuditSearch"/> is the one the service uses;
/// the benchmark's reference endpoints swap in readers without EF Core or without a database.</summary>
public interface IAuditReader
{
    Task<AuditPage> SearchAsync(AuditFilter filter, long? after, CancellationToken ct = default);

    Task<AuditEntry?> FindAsync(long sequence, CancellationToken ct = default);

    IReadOnlyList<string> EntityTypes();
}

/// <summary>Searches the audit trail newest first, with keyset paging on the chain sequence so any
/// page costs the same as the first.</summary>
public sealed class AuditSearch(SeriousCasesDbContext db) : IAuditReader
{
    public const int PageSize = 50;

    public async Task<AuditPage> SearchAsync(AuditFilter filter, long? after, CancellationToken ct = default)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            query = query.Where(e => e.EntityType == filter.EntityType.Trim());
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityId))
        {
            query = query.Where(e => e.EntityId == filter.EntityId.Trim());
        }

        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            query = query.Where(e => e.ActorEmail == filter.Actor.Trim().ToLowerInvariant());
        }

        if (filter.Action is { } action)
        {
            query = query.Where(e => e.Action == action);
        }

        if (filter.From is { } from)
        {
            var start = UkTime.StartOfDayUtc(from);
            query = query.Where(e => e.OccurredAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = UkTime.StartOfDayUtc(to.AddDays(1));
            query = query.Where(e => e.OccurredAt < end);
        }

        if (after is { } position)
        {
            query = query.Where(e => e.Sequence < position);
        }

        var rows = await query.OrderByDescending(e => e.Sequence).Take(PageSize + 1).ToListAsync(ct);
        var hasMore = rows.Count > PageSize;
        if (hasMore)
        {
            rows.RemoveAt(PageSize);
        }

        return new AuditPage(rows, hasMore ? rows[^1].Sequence : null);
    }

    public Task<AuditEntry?> FindAsync(long sequence, CancellationToken ct = default) =>
        db.AuditEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Sequence == sequence, ct);

    /// <summary>The record types the trail can hold: every type in the model (entries are written for
    /// each of them), read from the model rather than a DISTINCT over millions of entries.</summary>
    public IReadOnlyList<string> EntityTypes() =>
        [.. db.Model.GetEntityTypes().Select(t => t.ClrType.Name).Where(n => n != nameof(AuditEntry)).Distinct().Order(StringComparer.Ordinal)];
}
