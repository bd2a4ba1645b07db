using System.Diagnostics;
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
        await using (var db = Context(connectionString))
        {
            var concluded = await db.Investigations.Where(i => i.Stage == InvestigationStage.Concluded && i.ConcludedOn != null)
                .Select(i => i.ConcludedOn!.Value).ToListAsync(ct);
            year = concluded.GroupBy(d => ReportingYear.StartOf(d).Year).OrderByDescending(g => g.Count()).First().Key;
        }

        // A first build warms the connection pool and the JIT; the second is the one measured.
        await BuildAsync(connectionString, year, ct);
        var (content, files, buildTime) = await BuildAsync(connectionString, year, ct);

        TimeSpan reviewTime;
        EditionReview review;
        await using (var db = Context(connectionString))
        {
            var watch = Stopwatch.StartNew();
            var service = new EditionService(db, new PublicationBuilder(db), TimeProvider.System);
            var ids = content.Sections.SelectMany(s => s.Customers).Concat(content.CrossBenefit.Customers).Select(c => c.InvestigationId).ToList();
            review = EditionChecks.Review(content, await service.IdentifiersAsync(ids, ct), [], 3);
            reviewTime = watch.Elapsed;
        }

        var texts = EditionChecks.Texts(content).Count();
        var table = "| Publication, one year | IPRs | Agreed activities | Texts | Bytes written | Seconds | Goal |\n| --- | ---: | ---: | ---: | ---: | ---: | --- |\n"
            + $"| Build {content.YearLabel} and write HTML, CSV, ODS, JSON | {content.IprsCompleted:N0} | {content.AgreedActivities:N0} | {texts:N0} | {files:N0} | {buildTime.TotalSeconds:F2} | ≤ {Goal.TotalSeconds:F0} s {(buildTime <= Goal ? "yes" : "NO")} |\n"
            + $"| Identifiability check of every text ({review.Identifiers.Count:N0} hits, {review.MotivatedIntruder.Count:N0} flags) | {content.IprsCompleted:N0} | | {texts:N0} | | {reviewTime.TotalSeconds:F2} | (reported) |\n";
        await log.WriteLineAsync(table);
        if (markdown is not null)
        {
            await File.AppendAllTextAsync(markdown.FullName, "\n" + table, ct);
        }

        return buildTime <= Goal ? 0 : 2;
    }

    private static async Task<(PublicationContent Content, long Bytes, TimeSpan Time)> BuildAsync(string connectionString, int year, CancellationToken ct)
    {
        await using var db = Context(connectionString);
        var watch = Stopwatch.StartNew();
        var content = await new PublicationBuilder(db).BuildAsync(year, ct);
        var bytes = PublicationFiles.All(content).Sum(f => (long)f.Bytes.Length);
        return (content, bytes, watch.Elapsed);
    }

    private static PostgresSeriousCasesDbContext Context(string connectionString)
    {
        var options = new DbContextOptionsBuilder<PostgresSeriousCasesDbContext>();
        DatabaseSetup.ConfigurePostgres(options, connectionString);
        return new PostgresSeriousCasesDbContext(options.Options, new SystemActor("system:bench"), TimeProvider.System);
    }
}
