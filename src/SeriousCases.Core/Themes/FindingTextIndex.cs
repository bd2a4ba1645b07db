using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Data;

namespace SeriousCases.Core.Themes;

/// <summary>The findings' texts as TF-IDF terms, kept in memory between requests so a similar-findings lookup scores only
/// the findings that share a word with the text (an inverted index) instead of reading and weighing every finding again.
/// The weights are those of <see cref="TextSimilarity"/> (idf = ln((n + 1) / (df + 1)) + 1), so the scores are the same.
/// One per process (a singleton). Before each lookup it checks the findings' count and latest change in the database (two
/// index lookups) and reads only what changed since; anything it cannot explain (a removed finding, a database reset) makes
/// it read everything again. Nothing here is needed for correctness across copies: each copy keeps its own and checks.</summary>
public sealed class FindingTextIndex
{
    /// <summary>Rows changed up to this long before the latest change seen are read again, so a transaction that committed
    /// late with an earlier timestamp is not missed.</summary>
    private static readonly TimeSpan Overlap = TimeSpan.FromMinutes(2);

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Dictionary<Guid, Doc> docs = [];
    private readonly Dictionary<string, List<Doc>> postings = new(StringComparer.Ordinal);
    private (int Count, Guid LatestId, DateTime LatestAt)? stamp;
    private bool normsStale = true;

    private sealed class Doc(Guid id, Guid investigationId, Dictionary<string, int> terms)
    {
        public Guid Id { get; } = id;
        public Guid InvestigationId { get; } = investigationId;
        public Dictionary<string, int> Terms { get; } = terms;
        public double Norm { get; set; }
    }

    /// <summary>How many full reads of the findings this index has made (for tests and the benchmark).</summary>
    public int FullReads { get; private set; }

    /// <summary>The findings most like <paramref name="text"/> (at least <paramref name="minimum"/>), best first, leaving out
    /// those of <paramref name="excludeInvestigation"/>.</summary>
    public async Task<IReadOnlyList<(Guid Id, Guid InvestigationId, double Score)>> MostSimilarAsync(
        SeriousCasesDbContext db, string text, Guid? excludeInvestigation, int take, double minimum, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            await RefreshAsync(db, ct);
            return Score(text, excludeInvestigation, take, minimum);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task RefreshAsync(SeriousCasesDbContext db, CancellationToken ct)
    {
        var count = await db.Findings.CountAsync(ct);
        var latest = await db.Findings.AsNoTracking().OrderByDescending(f => f.UpdatedAt).ThenByDescending(f => f.Id)
            .Select(f => new { f.Id, f.UpdatedAt }).FirstOrDefaultAsync(ct);
        var now = (count, latest?.Id ?? Guid.Empty, latest?.UpdatedAt ?? DateTime.MinValue);
        if (stamp == now)
        {
            return;
        }

        if (stamp is { } old && now.Item3 >= old.LatestAt && count >= old.Count)
        {
            // Findings are added and their text corrected, never removed: read what changed since the last look.
            var since = old.LatestAt == DateTime.MinValue ? DateTime.MinValue : old.LatestAt - Overlap;
            var changed = await db.Findings.AsNoTracking().Where(f => f.UpdatedAt >= since)
                .Select(f => new { f.Id, f.InvestigationId, f.Text }).ToListAsync(ct);
            foreach (var f in changed)
            {
                Put(f.Id, f.InvestigationId, f.Text);
            }

            if (docs.Count == count && docs.ContainsKey(now.Item2))
            {
                stamp = now;
                return;
            }
        }

        // First use, or something the incremental read cannot explain (a finding removed, the database reset): read all.
        docs.Clear();
        postings.Clear();
        var all = await db.Findings.AsNoTracking().Select(f => new { f.Id, f.InvestigationId, f.Text }).ToListAsync(ct);
        foreach (var f in all)
        {
            Put(f.Id, f.InvestigationId, f.Text);
        }

        FullReads++;
        stamp = (all.Count, now.Item2, now.Item3);
    }

    private void Put(Guid id, Guid investigationId, string text)
    {
        var terms = Terms(text);
        if (docs.TryGetValue(id, out var existing))
        {
            if (existing.InvestigationId == investigationId && SameTerms(existing.Terms, terms))
            {
                return;
            }

            foreach (var term in existing.Terms.Keys)
            {
                postings[term].Remove(existing);
            }
        }

        var doc = new Doc(id, investigationId, terms);
        docs[id] = doc;
        foreach (var term in terms.Keys)
        {
            if (!postings.TryGetValue(term, out var list))
            {
                postings[term] = list = [];
            }

            list.Add(doc);
        }

        normsStale = true;
    }

    private double Idf(string term) =>
        Math.Log((docs.Count + 1.0) / ((postings.TryGetValue(term, out var list) ? list.Count : 0) + 1.0)) + 1;

    private IReadOnlyList<(Guid Id, Guid InvestigationId, double Score)> Score(string text, Guid? excludeInvestigation, int take, double minimum)
    {
        if (normsStale)
        {
            // Every weight depends on the number of findings, so a change re-weighs them all (a pass over the terms).
            var idf = postings.ToDictionary(p => p.Key, p => Idf(p.Key), StringComparer.Ordinal);
            foreach (var d in docs.Values)
            {
                d.Norm = Math.Sqrt(d.Terms.Sum(t => Math.Pow(t.Value * idf[t.Key], 2)));
            }

            normsStale = false;
        }

        var query = Terms(text).ToDictionary(t => t.Key, t => t.Value * Idf(t.Key), StringComparer.Ordinal);
        var queryNorm = Math.Sqrt(query.Values.Sum(w => w * w));
        if (queryNorm == 0)
        {
            return [];
        }

        var dots = new Dictionary<Doc, double>();
        foreach (var (term, weight) in query)
        {
            if (!postings.TryGetValue(term, out var list))
            {
                continue;
            }

            var idf = Idf(term);
            foreach (var d in list)
            {
                if (d.InvestigationId != excludeInvestigation)
                {
                    dots[d] = dots.GetValueOrDefault(d) + (weight * d.Terms[term] * idf);
                }
            }
        }

        return [.. dots
            .Select(x => (x.Key.Id, x.Key.InvestigationId, Score: x.Key.Norm == 0 ? 0 : Math.Min(1, x.Value / (x.Key.Norm * queryNorm))))
            .Where(x => x.Score >= minimum)
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Id)
            .Take(take)];
    }

    private static Dictionary<string, int> Terms(string text)
    {
        var terms = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var t in TextSimilarity.Tokens(text))
        {
            terms[t] = terms.GetValueOrDefault(t) + 1;
        }

        return terms;
    }

    private static bool SameTerms(Dictionary<string, int> a, Dictionary<string, int> b) =>
        a.Count == b.Count && a.All(x => b.TryGetValue(x.Key, out var n) && n == x.Value);
}
