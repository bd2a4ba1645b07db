using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Audit;
using SeriousCases.Core.Data;
using SeriousCases.Core.Themes;

namespace SeriousCases.Bench;

/// <summary>Times a similar-findings lookup over the generated findings (issue 7): through <see cref="RepeatLearningService"/>
/// with the cached index (the first lookup reads every finding; later ones read only the two-row change check and the
/// details of the findings found), against the reference of the same run: reading every finding's text and weighing it
/// from scratch (<see cref="TextSimilarity"/>), which is what each lookup did before. Interleaved, medians reported.</summary>
public static class SimilarBenchmark
{
    /// <summary>The goal for one lookup on the finding form at department scale.</summary>
    private static readonly TimeSpan Goal = TimeSpan.FromMilliseconds(200);

    public static async Task<int> RunAsync(string connectionString, int rounds, FileInfo? markdown, TextWriter log, CancellationToken ct)
    {
        List<(Guid Id, Guid InvestigationId, string Text)> samples;
        int findings;
        await using (var db = BenchContexts.Postgres(connectionString))
        {
            findings = await db.Findings.CountAsync(ct);
            // Texts spread over the table, so each lookup asks something different.
            samples = [.. (await db.Findings.AsNoTracking().OrderBy(f => f.Id).Select(f => new { f.Id, f.InvestigationId, f.Text }).ToListAsync(ct))
                .Where((_, i) => i % Math.Max(1, findings / (rounds * 4)) == 0).Take(rounds * 4).Select(f => (f.Id, f.InvestigationId, f.Text))];
        }

        var index = new FindingTextIndex();
        var first = await TimeAsync(() => LookupAsync(connectionString, index, samples[0], ct));
        var cached = new List<double>();
        var byFinding = new List<double>();
        var reference = new List<double>();
        var found = 0;
        for (var r = 0; r < rounds; r++)
        {
            var s = samples[(r * 4) % samples.Count];
            reference.Add(await TimeAsync(() => ReferenceAsync(connectionString, s, ct)));
            for (var k = 0; k < 3; k++)
            {
                var t = samples[((r * 4) + k + 1) % samples.Count];
                cached.Add(await TimeAsync(async () => found += await LookupAsync(connectionString, index, t, ct)));
            }

            byFinding.Add(await TimeAsync(() => ByFindingAsync(connectionString, index, s.Id, ct)));
        }

        var median = Median(cached);
        var table = "| Similar findings, one lookup | Findings | Runs | Median ms | Ratio to reference | Goal |\n| --- | ---: | ---: | ---: | ---: | --- |\n"
            + $"| Reference: read and weigh every finding (each lookup before) | {findings:N0} | {reference.Count} | {Median(reference):F0} | 1.00 | |\n"
            + $"| First lookup of a copy (reads every finding once) | {findings:N0} | 1 | {first:F0} | {first / Median(reference):F2} | (reported) |\n"
            + $"| Text being written (finding form), cached index | {findings:N0} | {cached.Count} | {median:F1} | {median / Median(reference):F3} | ≤ {Goal.TotalMilliseconds:F0} ms {(median <= Goal.TotalMilliseconds ? "yes" : "NO")} |\n"
            + $"| Saved finding (/themes/findings/{{id}}), cached index | {findings:N0} | {byFinding.Count} | {Median(byFinding):F1} | {Median(byFinding) / Median(reference):F3} | (reported) |\n";
        await log.WriteLineAsync(table);
        await log.WriteLineAsync($"{found} similar findings returned over {cached.Count} lookups; the index read every finding {index.FullReads} time(s).");
        if (markdown is not null)
        {
            await File.AppendAllTextAsync(markdown.FullName, "\n" + table, ct);
        }

        return median <= Goal.TotalMilliseconds ? 0 : 2;
    }

    private static async Task<int> LookupAsync(string cs, FindingTextIndex index, (Guid Id, Guid InvestigationId, string Text) s, CancellationToken ct)
    {
        await using var db = BenchContexts.Postgres(cs);
        return (await new RepeatLearningService(db, index).SimilarToTextAsync(s.Text, s.InvestigationId, 10, ct)).Count;
    }

    private static async Task<int> ByFindingAsync(string cs, FindingTextIndex index, Guid id, CancellationToken ct)
    {
        await using var db = BenchContexts.Postgres(cs);
        return (await new RepeatLearningService(db, index).SimilarAsync(id, 10, ct)).Similar.Count;
    }

    private static async Task<int> ReferenceAsync(string cs, (Guid Id, Guid InvestigationId, string Text) s, CancellationToken ct)
    {
        await using var db = BenchContexts.Postgres(cs);
        var all = await db.Findings.AsNoTracking().Select(f => new { f.Id, f.InvestigationId, f.Text }).ToListAsync(ct);
        var other = all.Where(f => f.InvestigationId != s.InvestigationId).Select(f => f.Id).ToHashSet();
        return new TextSimilarity(all.Select(f => (f.Id, f.Text))).MostSimilar(s.Text, 10, RepeatLearningService.SimilarMinimum, other.Contains).Count;
    }

    private static async Task<double> TimeAsync(Func<Task> work)
    {
        var watch = Stopwatch.StartNew();
        await work();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static async Task<double> TimeAsync(Func<Task<int>> work)
    {
        var watch = Stopwatch.StartNew();
        await work();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

}
