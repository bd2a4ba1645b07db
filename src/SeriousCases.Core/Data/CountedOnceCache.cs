using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeriousCases.Core.Audit;

namespace SeriousCases.Core.Data;

/// <summary>Figures counted over many records (the management dashboard, the themes overview), counted once per key for
/// the records as they stand and shared by every request for that key until a record changes. Counting them takes a
/// second or more at department scale, while many readers open the same few views.
/// <para>Whether the records changed is read from the audit trail (<see cref="RecordsStamp"/>).</para>
/// <para>Concurrent requests for one key wait for one count instead of starting one each. The count runs in a scope of
/// its own, off the caller's flow, so one caller giving up does not cancel it for the others.</para></summary>
public sealed class CountedOnceCache<TKey, TValue>(IServiceScopeFactory scopes, TimeProvider clock, int maxKeys = 200)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Entry> entries = new();
    private long counts;

    private sealed class Entry(string stamp, Lazy<Task<TValue>> value)
    {
        public string Stamp { get; } = stamp;

        public Lazy<Task<TValue>> Value { get; } = value;

        public long LastUsed;
    }

    /// <summary>How many times a value was counted (for the tests: a value shared counts nothing).</summary>
    public long Counts => Interlocked.Read(ref counts);

    /// <summary>The value for <paramref name="key"/>: the last count when no record changed since, otherwise
    /// <paramref name="count"/> run now, with services of a scope of its own. A count that fails is not kept.</summary>
    public async Task<TValue> GetAsync(TKey key, Func<IServiceProvider, Task<TValue>> count, CancellationToken ct = default)
    {
        string stamp;
        await using (var scope = scopes.CreateAsyncScope())
        {
            stamp = await RecordsStamp.ReadAsync(scope.ServiceProvider.GetRequiredService<SeriousCasesDbContext>(), ct);
        }

        var entry = entries.AddOrUpdate(key,
            _ => NewEntry(stamp, count),
            (_, existing) => existing.Stamp == stamp ? existing : NewEntry(stamp, count));
        Interlocked.Exchange(ref entry.LastUsed, clock.GetTimestamp());
        if (entries.Count > maxKeys)
        {
            Trim();
        }

        try
        {
            return await entry.Value.Value.WaitAsync(ct);
        }
        catch (Exception) when (entry.Value.Value.IsFaulted || entry.Value.Value.IsCanceled)
        {
            // A refused key or a failed count is not kept: the next request tries again.
            entries.TryRemove(new KeyValuePair<TKey, Entry>(key, entry));
            throw;
        }
    }

    private Entry NewEntry(string stamp, Func<IServiceProvider, Task<TValue>> count) =>
        new(stamp, new Lazy<Task<TValue>>(() => Start(count), LazyThreadSafetyMode.ExecutionAndPublication));

    /// <summary>Starts a count off the caller's flow: it outlives a caller who gives up, and must not hold on to the
    /// request (its user, its cancellation) that happened to ask first.</summary>
    private Task<TValue> Start(Func<IServiceProvider, Task<TValue>> count)
    {
        Interlocked.Increment(ref counts);
        using (ExecutionContext.SuppressFlow())
        {
            return Task.Run(async () =>
            {
                await using var scope = scopes.CreateAsyncScope();
                return await count(scope.ServiceProvider);
            });
        }
    }

    private void Trim()
    {
        foreach (var old in entries.OrderBy(e => Interlocked.Read(ref e.Value.LastUsed)).Take(entries.Count - maxKeys).ToList())
        {
            entries.TryRemove(old);
        }
    }
}

/// <summary>The mark of the records' state, read from the audit trail: every write to a record appends an entry in the
/// same transaction (an import one entry per file), so the latest change entry marks the state of the records, whichever
/// copy of the service made the change. Views, exports and sign-ins change nothing and do not count. The entry's hash,
/// not only its sequence, is the mark, so a database emptied and refilled (as tests do) is never taken for the one
/// before.</summary>
public static class RecordsStamp
{
    /// <summary>The latest change entry's sequence and hash ("0" before any).</summary>
    public static async Task<string> ReadAsync(SeriousCasesDbContext db, CancellationToken ct)
    {
        var latest = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == AuditAction.Create || a.Action == AuditAction.Update || a.Action == AuditAction.Delete || a.Action == AuditAction.Import)
            .OrderByDescending(a => a.Sequence).Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(ct);
        return latest is null ? "0" : $"{latest.Sequence}:{latest.Hash}";
    }
}
