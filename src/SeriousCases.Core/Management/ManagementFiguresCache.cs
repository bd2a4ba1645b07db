using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeriousCases.Core.Audit;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;

namespace SeriousCases.Core.Management;

/// <summary>The dashboard's figures, counted once for the records as they stand and shared by every request that asks
/// for the same filter until a record changes. Counting everything takes about a second at department scale, and senior
/// leaders open the same few views; re-counting per request could not give eight users an answer in 300 ms.
/// <para>Whether the records changed is read from the audit trail: every write to a record appends an entry in the same
/// transaction (imports one entry per file), so the latest change entry marks the state of the records, whichever copy
/// of the service made it. Views, exports and sign-ins change nothing and do not count. The entry's hash, not only its
/// sequence, is the mark, so a database emptied and refilled (as tests do) is never taken for the one counted.</para>
/// <para>Concurrent requests for the same filter wait for one count instead of starting eight. The count runs in a
/// scope of its own, not cancelled by one impatient caller, since others may be waiting for it.</para></summary>
public sealed class ManagementFiguresCache(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>Filters kept at once; the least recently asked for go first.</summary>
    internal const int MaxFilters = 200;

    private readonly ConcurrentDictionary<Key, Entry> entries = new();
    private long computations;

    private sealed record Key(DateOnly From, DateOnly To, string? ServiceLine, DateOnly AsOf);

    private sealed class Entry(string stamp, Lazy<Task<ManagementFigures>> figures)
    {
        public string Stamp { get; } = stamp;

        public Lazy<Task<ManagementFigures>> Figures { get; } = figures;

        public long LastUsed;
    }

    /// <summary>How many times the figures were counted (for the tests: a hit counts nothing).</summary>
    internal long Computations => Interlocked.Read(ref computations);

    /// <summary>The figures for <paramref name="filter"/>: from the last count when no record changed since, otherwise
    /// counted now. A wrong filter throws <see cref="DomainValidationException"/> as <see cref="ManagementService"/> does.</summary>
    public async Task<ManagementFigures> FiguresAsync(ManagementFilter filter, CancellationToken ct = default)
    {
        var line = string.IsNullOrWhiteSpace(filter.ServiceLine) ? null : filter.ServiceLine.Trim();
        var key = new Key(filter.From, filter.To, line, ManagementRules.AsOf(filter.To, UkTime.Today(clock)));
        string stamp;
        await using (var scope = scopes.CreateAsyncScope())
        {
            stamp = await StampAsync(scope.ServiceProvider.GetRequiredService<SeriousCasesDbContext>(), ct);
        }

        var entry = entries.AddOrUpdate(key,
            _ => NewEntry(stamp, filter with { ServiceLine = line }),
            (_, existing) => existing.Stamp == stamp ? existing : NewEntry(stamp, filter with { ServiceLine = line }));
        Interlocked.Exchange(ref entry.LastUsed, clock.GetTimestamp());
        if (entries.Count > MaxFilters)
        {
            Trim();
        }

        try
        {
            return await entry.Figures.Value.WaitAsync(ct);
        }
        catch (Exception) when (entry.Figures.Value.IsFaulted || entry.Figures.Value.IsCanceled)
        {
            // A refused filter or a failed count is not kept: the next request tries again.
            entries.TryRemove(new KeyValuePair<Key, Entry>(key, entry));
            throw;
        }
    }

    /// <summary>The mark of the records' state: the latest change entry's sequence and hash ("0" before any).</summary>
    internal static async Task<string> StampAsync(SeriousCasesDbContext db, CancellationToken ct)
    {
        var latest = await db.AuditEntries.AsNoTracking().Where(a => a.Action == AuditAction.Create || a.Action == AuditAction.Update
                || a.Action == AuditAction.Delete || a.Action == AuditAction.Import)
            .OrderByDescending(a => a.Sequence).Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(ct);
        return latest is null ? "0" : $"{latest.Sequence}:{latest.Hash}";
    }

    private Entry NewEntry(string stamp, ManagementFilter filter) =>
        new(stamp, new Lazy<Task<ManagementFigures>>(() => Start(filter), LazyThreadSafetyMode.ExecutionAndPublication));

    /// <summary>Starts a count off the caller's flow: it outlives a caller who gives up, and must not hold on to the
    /// request (its user, its cancellation) that happened to ask first.</summary>
    private Task<ManagementFigures> Start(ManagementFilter filter)
    {
        Interlocked.Increment(ref computations);
        using (ExecutionContext.SuppressFlow())
        {
            return Task.Run(() => CountAsync(filter));
        }
    }

    private async Task<ManagementFigures> CountAsync(ManagementFilter filter)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ManagementService>().FiguresAsync(filter, CancellationToken.None);
    }

    private void Trim()
    {
        foreach (var old in entries.OrderBy(e => Interlocked.Read(ref e.Value.LastUsed)).Take(entries.Count - MaxFilters).ToList())
        {
            entries.TryRemove(old);
        }
    }
}
