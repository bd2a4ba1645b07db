using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Audit;
using SeriousCases.Core.Data;
using SeriousCases.Core.Investigations;
using SeriousCases.Core.Publication;

namespace SeriousCases.Bench;

/// <summary>Times building a year's edition over the generated data: the year with the most concluded IPRs, built
/// from the records and written as HTML, CSV, ODS and publication.json; then the identifiability check of every text
/// against what each case holds, reported beside it.</summary>
public static class PublicationBenchmark
{
    /// <summary>The goal for building a year's edition at department scale (issue 8).</summary>
    private static readonly TimeSpan Goal = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(string connectionString, FileInfo? markdown, TextWriter log, CancellationToken ct)
    {
        int year;
        await using (var db = BenchContexts.Postgres(connectionString))
        {
            var concluded = await db.Investigations.Where(i => i.Stage == InvestigationStage.Concluded && i.ConcludedOn != null)
                .Select(i => i.ConcludedOn!.Value).ToListAsync(ct);
            year = concluded.GroupBy(d => ReportingYear.StartOf(d).Year).OrderByDescending(g => g.Count()).First().Key;
        }

        // A first build warms the connection pool and the JIT; the second is the one measured.
        await BuildAsync(connectionString, year, ct);
        var (content, files, buildTime) = await BuildAsync(connectionString, year, ct);

        // The edition page as it was (every text scanned on each view) against the page as it is (the findings stored
        // with the edition read back), interleaved in the same run so the shared machine's load falls on both alike.
        var texts = EditionChecks.Texts(content).Count();
        var (edition, draftTime) = await DraftAsync(connectionString, year, ct);
        var rescanTime = await TimeAsync(connectionString, s => s.RescanDraftAsync(edition, ct));
        var rewriteTime = await TimeAsync(connectionString, async s =>
        {
            var e = await s.GetAsync(edition, ct);
            var first = EditionChecks.Texts(e.ReadContent()).First(t => t.InvestigationId is not null);
            return await s.RewriteAsync(edition, e.Version, first.Location, first.Text + " ", ct);
        });

        var scanOnView = new List<TimeSpan>();
        var storedOnView = new List<TimeSpan>();
        EditionReview review = null!;
        EditionReview stored = null!;
        for (var run = 0; run < Runs; run++)
        {
            scanOnView.Add(await TimeAsync(connectionString, async s =>
            {
                var e = await s.GetAsync(edition, ct);
                var c = e.ReadContent();
                var ids = c.Sections.SelectMany(x => x.Customers).Concat(c.CrossBenefit.Customers).Select(x => x.InvestigationId).Distinct().ToList();
                review = EditionChecks.Review(c, await s.IdentifiersAsync(ids, ct), e.Decisions, s.SmallNumberThreshold);
                return e;
            }));
            storedOnView.Add(await TimeAsync(connectionString, async s =>
            {
                // What the edition page loads (EditionPageModel.OpenAsync): the edition, its content, the review, when scanned.
                var e = await s.GetAsync(edition, ct);
                _ = e.ReadContent();
                stored = await s.ReviewAsync(e, ct);
                _ = await s.ScannedAtAsync(edition, ct);
                return e;
            }));
        }

        if (review.Identifiers.Count != stored.Identifiers.Count || review.MotivatedIntruder.Count != stored.MotivatedIntruder.Count)
        {
            await log.WriteLineAsync("The stored findings differ from a fresh scan: the benchmark is not comparing like with like.");
            return 3;
        }

        static string Median(List<TimeSpan> times) => times.Order().ElementAt(times.Count / 2).TotalSeconds.ToString("F3", CultureInfo.InvariantCulture);
        static string All(List<TimeSpan> times) => string.Join(", ", times.Select(t => t.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture)));
        var found = $"{review.Identifiers.Count:N0} hits, {review.MotivatedIntruder.Count:N0} flags";
        var table = "| Publication, one year | IPRs | Agreed activities | Texts | Bytes written | Seconds | Goal |\n| --- | ---: | ---: | ---: | ---: | ---: | --- |\n"
            + $"| Build {content.YearLabel} and write HTML, CSV, ODS, JSON | {content.IprsCompleted:N0} | {content.AgreedActivities:N0} | {texts:N0} | {files:N0} | {buildTime.TotalSeconds:F2} | ≤ {Goal.TotalSeconds:F0} s {(buildTime <= Goal ? "yes" : "NO")} |\n"
            + $"| Build the draft edition, scanning every text and storing the findings ({found}) | {content.IprsCompleted:N0} | | {texts:N0} | | {draftTime.TotalSeconds:F2} | (reported) |\n"
            + $"| Check every text again (what checking and approval do) | | | {texts:N0} | | {rescanTime.TotalSeconds:F2} | (reported) |\n"
            + $"| Rewrite one text (only that text scanned again) | | | 1 | | {rewriteTime.TotalSeconds:F2} | (reported) |\n"
            + $"| Edition page data, before: every text scanned on view (median of {Runs}: {All(scanOnView)}) | | | {texts:N0} | | {Median(scanOnView)} | (reference) |\n"
            + $"| Edition page data, after: stored findings read (median of {Runs}: {All(storedOnView)}) | | | {texts:N0} | | {Median(storedOnView)} | under 1 s {(storedOnView.Order().ElementAt(Runs / 2) <= TimeSpan.FromSeconds(1) ? "yes" : "NO")} |\n";
        await log.WriteLineAsync(table);
        if (markdown is not null)
        {
            await File.AppendAllTextAsync(markdown.FullName, "\n" + table, ct);
        }

        return buildTime <= Goal ? 0 : 2;
    }

    private const int Runs = 5;

    /// <summary>A fresh draft of the year (any earlier edition of it in the throwaway database is removed first).</summary>
    private static async Task<(Guid Id, TimeSpan Time)> DraftAsync(string connectionString, int year, CancellationToken ct)
    {
        await using (var db = BenchContexts.Postgres(connectionString))
        {
            await db.Set<PublicationEdition>().Where(e => e.StartYear == year).ExecuteDeleteAsync(ct);
        }

        Guid id = default;
        var time = await TimeAsync(connectionString, async s =>
        {
            var e = await s.BuildDraftAsync(PublicationYear.Slug(year), null, ct);
            id = e.Id;
            return e;
        });
        return (id, time);
    }

    private static async Task<TimeSpan> TimeAsync(string connectionString, Func<EditionService, Task<PublicationEdition>> work)
    {
        await using var db = BenchContexts.Postgres(connectionString);
        var watch = Stopwatch.StartNew();
        await work(new EditionService(db, new PublicationBuilder(db), TimeProvider.System));
        return watch.Elapsed;
    }

    private static async Task<(PublicationContent Content, long Bytes, TimeSpan Time)> BuildAsync(string connectionString, int year, CancellationToken ct)
    {
        await using var db = BenchContexts.Postgres(connectionString);
        var watch = Stopwatch.StartNew();
        var content = await new PublicationBuilder(db).BuildAsync(year, ct);
        var bytes = PublicationFiles.All(content).Sum(f => (long)f.Bytes.Length);
        return (content, bytes, watch.Elapsed);
    }

}
