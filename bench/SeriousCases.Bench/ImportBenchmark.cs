using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using SeriousCases.Core.Audit;
using SeriousCases.Core.Data;
using SeriousCases.Core.Demo;
using SeriousCases.Core.Insight;

namespace SeriousCases.Bench;

public sealed record ImportFigures(string Database, long Rows, double ImportRowsPerSecond, double BareRowsPerSecond, double ReimportRowsPerSecond,
    long PeakHeapSmallBytes, long PeakHeapLargeBytes, IReadOnlyList<SearchFigures> Searches)
{
    public double Ratio => ImportRowsPerSecond / BareRowsPerSecond;
}

public sealed record SearchFigures(string Words, int Matches, double ServiceMilliseconds, double HandWrittenMilliseconds)
{
    public double Ratio => ServiceMilliseconds / HandWrittenMilliseconds;
}

/// <summary>The insight import end to end (CSV file, validation, storage) against the bare way of writing
/// the same rows, measured in the same run: binary COPY on PostgreSQL, a prepared INSERT in one transaction
/// on SQLite. The bare write runs in a transaction that is rolled back, so both start from the same table.
/// Then the register's search against the hand-written SQL over the items now stored.</summary>
public static class ImportBenchmark
{
    private static readonly string[] Phrases =
    [
        "Payments were stopped without contacting the customer.",
        "A request for a call back was not met.",
        "Welfare checks were not made after a missed appointment.",
        "Journal messages about a safeguarding concern were not read.",
        "Reasonable adjustments the customer asked for were not made.",
        "A death notification was not shared between benefits.",
        "Large arrears were paid without checking the customer's circumstances.",
        "A suicide declaration was not handled under the Six Point Plan.",
        "Correspondence sent by the customer was not dealt with properly.",
        "The complaint was not escalated when the customer said they were in crisis.",
    ];

    private static readonly string[] Searches = ["safeguarding journal", "welfare checks appointment", "payments stopped"];

    public static async Task<int> RunAsync(string? postgres, string? sqlitePath, int rows, FileInfo? markdown, TextWriter log, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("scl-import-bench");
        try
        {
            var small = Path.Combine(folder.FullName, "small.csv");
            var large = Path.Combine(folder.FullName, "large.csv");
            var smallRows = Math.Max(1, rows / 10);
            await WriteCsvAsync(small, "S", smallRows, ct);
            await WriteCsvAsync(large, "L", rows, ct);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CSV files: {smallRows:N0} and {rows:N0} rows ({new FileInfo(large).Length / 1_048_576.0:N0} MB)."));

            var results = new List<ImportFigures>();
            if (postgres is not null)
            {
                results.Add(await MeasureAsync("PostgreSQL", () => BenchContexts.Postgres(postgres), small, large, rows, BarePostgresAsync, log, ct));
            }

            if (sqlitePath is not null)
            {
                results.Add(await MeasureAsync("SQLite", () => BenchContexts.Sqlite(sqlitePath), small, large, rows, BareSqliteAsync, log, ct));
            }

            var table = Markdown(results);
            log.WriteLine(table);
            if (markdown is not null)
            {
                await File.WriteAllTextAsync(markdown.FullName, table, ct);
            }

            return 0;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<ImportFigures> MeasureAsync(string name, Func<SeriousCasesDbContext> context, string small, string large, int rows,
        Func<SeriousCasesDbContext, int, CancellationToken, Task> bare, TextWriter log, CancellationToken ct)
    {
        await using (var db = context())
        {
            await db.Database.MigrateAsync(ct);
            await ReferenceDataSeeder.SeedAsync(db, ct);
        }

        log.WriteLine($"{name}: bare write of {rows:N0} rows...");
        double bareRate;
        await using (var db = context())
        {
            await db.Database.OpenConnectionAsync(ct);
            var watch = Stopwatch.StartNew();
            await bare(db, rows, ct);
            bareRate = rows / watch.Elapsed.TotalSeconds;
        }

        log.WriteLine($"{name}: import of the small file, then the large one...");
        var (_, smallPeak) = await ImportAsync(context, small, ct);
        var (largeReport, largePeak, seconds) = await TimedImportAsync(context, large, ct);
        if (largeReport.Added != rows)
        {
            throw new InvalidOperationException($"{name}: the import added {largeReport.Added} of {rows} rows.");
        }

        log.WriteLine($"{name}: the same large file again (nothing to add)...");
        var (again, _, againSeconds) = await TimedImportAsync(context, large, ct);
        if (again.Added != 0)
        {
            throw new InvalidOperationException($"{name}: re-importing added {again.Added} rows.");
        }

        log.WriteLine($"{name}: search...");
        var searches = new List<SearchFigures>();
        foreach (var words in Searches)
        {
            searches.Add(await SearchAsync(context, words, ct));
        }

        return new ImportFigures(name, rows, rows / seconds, bareRate, rows / againSeconds, smallPeak, largePeak, searches);
    }

    private static async Task<(ImportReport Report, long PeakHeap)> ImportAsync(Func<SeriousCasesDbContext> context, string file, CancellationToken ct)
    {
        var (report, peak, _) = await TimedImportAsync(context, file, ct);
        return (report, peak);
    }

    private static async Task<(ImportReport Report, long PeakHeap, double Seconds)> TimedImportAsync(Func<SeriousCasesDbContext> context, string file, CancellationToken ct)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var sampling = new CancellationTokenSource();
        long peak = 0;
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                await Task.Delay(20, CancellationToken.None);
            }
        }, CancellationToken.None);
        await using var db = context();
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var watch = Stopwatch.StartNew();
        var report = await new InsightImporter(db, TimeProvider.System).ImportAsync(stream, Path.GetFileName(file), ct);
        var seconds = watch.Elapsed.TotalSeconds;
        await sampling.CancelAsync();
        await sampler;
        return (report, peak, seconds);
    }

    private static async Task<SearchFigures> SearchAsync(Func<SeriousCasesDbContext> context, string words, CancellationToken ct)
    {
        await using var db = context();
        var service = new InsightService(db, TimeProvider.System);
        var query = new InsightQuery { Text = words };
        var matches = (await service.SearchAsync(query, ct)).Total;
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        await HandWrittenAsync(db, connection, words, ct);
        var serviceTimes = new List<double>();
        var rawTimes = new List<double>();
        for (var i = 0; i < 15; i++)
        {
            // Interleaved, so drift in the machine's load falls on both alike.
            var watch = Stopwatch.StartNew();
            await service.SearchAsync(query, ct);
            serviceTimes.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            await HandWrittenAsync(db, connection, words, ct);
            rawTimes.Add(watch.Elapsed.TotalMilliseconds);
        }

        return new SearchFigures(words, matches, Median(serviceTimes), Median(rawTimes));
    }

    /// <summary>What a developer would write by hand for the first page of results, newest first, with the count.</summary>
    private static async Task HandWrittenAsync(SeriousCasesDbContext db, System.Data.Common.DbConnection connection, string words, CancellationToken ct)
    {
        string match;
        var parameters = new List<(string Name, object Value)>();
        if (db is PostgresSeriousCasesDbContext)
        {
            match = "to_tsvector('english', i.\"Summary\") @@ websearch_to_tsquery('english', @q)";
            parameters.Add(("q", words));
        }
        else
        {
            var terms = InsightTextSearch.Words(words).ToList();
            match = string.Join(" AND ", terms.Select((_, n) => $"i.\"Summary\" LIKE @w{n} ESCAPE '\\'"));
            parameters.AddRange(terms.Select((t, n) => ($"w{n}", (object)$"%{t}%")));
        }

        await using var count = connection.CreateCommand();
        count.CommandText = $"SELECT count(*) FROM \"InsightItems\" i WHERE {match}";
        await using var page = connection.CreateCommand();
        page.CommandText = $"SELECT i.\"Id\", s.\"Name\", i.\"ExternalReference\", i.\"ReceivedOn\", i.\"Summary\", i.\"ResponseDueOn\", i.\"Status\", i.\"Version\" "
            + $"FROM \"InsightItems\" i JOIN \"InsightSources\" s ON s.\"Id\" = i.\"SourceId\" WHERE {match} ORDER BY i.\"ReceivedOn\" DESC, i.\"Id\" DESC LIMIT 25";
        foreach (var command in new[] { count, page })
        {
            foreach (var (name, value) in parameters)
            {
                var p = command.CreateParameter();
                p.ParameterName = name;
                p.Value = value;
                command.Parameters.Add(p);
            }
        }

        await count.ExecuteScalarAsync(ct);
        await using var reader = await page.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            _ = reader.GetValue(0);
        }
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    /// <summary>The rows of the benchmark files, also written by the bare baselines so both write the same values.</summary>
    private static IEnumerable<(string Reference, DateOnly Received, string Summary, int Severity, bool TwoLines)> Rows(string prefix, int count)
    {
        var first = new DateOnly(2016, 4, 1);
        for (var i = 0; i < count; i++)
        {
            yield return ($"{prefix}-{i:D8}", first.AddDays(i % 3650), $"{Phrases[i % Phrases.Length]} Item {i % 997}.", 1 + (i % 5), i % 3 == 0);
        }
    }

    private static async Task WriteCsvAsync(string path, string prefix, int count, CancellationToken ct)
    {
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        await writer.WriteLineAsync("source,externalReference,receivedOn,serviceLines,summary,severity,responseDueOn");
        foreach (var r in Rows(prefix, count))
        {
            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"COMPLAINT,{r.Reference},{r.Received:yyyy-MM-dd},{(r.TwoLines ? "UC;PIP" : "UC")},\"{r.Summary}\",{r.Severity},"));
            ct.ThrowIfCancellationRequested();
        }
    }

    private static async Task<(Guid Source, Guid Uc, Guid Pip)> ReferenceIdsAsync(SeriousCasesDbContext db, CancellationToken ct) =>
        (await db.InsightSources.Where(s => s.Code == "COMPLAINT").Select(s => s.Id).SingleAsync(ct),
         await db.ServiceLines.Where(l => l.Abbreviation == "UC").Select(l => l.Id).SingleAsync(ct),
         await db.ServiceLines.Where(l => l.Abbreviation == "PIP").Select(l => l.Id).SingleAsync(ct));

    private static async Task BarePostgresAsync(SeriousCasesDbContext db, int count, CancellationToken ct)
    {
        var (source, uc, pip) = await ReferenceIdsAsync(db, ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var now = AuditHasher.ToMicroseconds(TimeProvider.System.GetUtcNow().UtcDateTime);
        var lines = new List<(Guid Item, Guid Line)>(count + (count / 2));
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY \"InsightItems\" (\"Id\", \"SourceId\", \"ExternalReference\", \"ReceivedOn\", \"MonthKey\", \"Summary\", \"Severity\", \"ResponseDueOn\", \"Status\", \"Version\", \"CreatedAt\", \"UpdatedAt\") FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var r in Rows("B", count))
            {
                var id = Guid.CreateVersion7();
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(id, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(source, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(r.Reference, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(r.Received, NpgsqlDbType.Date, ct);
                await copy.WriteAsync(InsightItem.MonthKeyOf(r.Received), NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(r.Summary, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(r.Severity, NpgsqlDbType.Integer, ct);
                await copy.WriteNullAsync(ct);
                await copy.WriteAsync("Open", NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(1, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
                lines.Add((id, uc));
                if (r.TwoLines)
                {
                    lines.Add((id, pip));
                }
            }

            await copy.CompleteAsync(ct);
        }

        await using (var copy = await connection.BeginBinaryImportAsync("COPY \"InsightItemServiceLines\" (\"InsightItemId\", \"ServiceLineId\") FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var (item, line) in lines)
            {
                await copy.WriteRowAsync(ct, item, line);
            }

            await copy.CompleteAsync(ct);
        }

        await transaction.RollbackAsync(ct);
    }

    private static async Task BareSqliteAsync(SeriousCasesDbContext db, int count, CancellationToken ct)
    {
        var (source, uc, pip) = await ReferenceIdsAsync(db, ct);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO \"InsightItems\" (\"Id\", \"SourceId\", \"ExternalReference\", \"ReceivedOn\", \"MonthKey\", \"Summary\", \"Severity\", \"ResponseDueOn\", \"Status\", \"Version\", \"CreatedAt\", \"UpdatedAt\") "
            + "VALUES ($id, $source, $ref, $received, $month, $summary, $severity, NULL, 'Open', 1, $now, $now)";
        foreach (var name in new[] { "$id", "$source", "$ref", "$received", "$month", "$summary", "$severity", "$now" })
        {
            insert.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        insert.Prepare();
        await using var line = connection.CreateCommand();
        line.Transaction = transaction;
        line.CommandText = "INSERT INTO \"InsightItemServiceLines\" (\"InsightItemId\", \"ServiceLineId\") VALUES ($item, $line)";
        line.Parameters.Add(new SqliteParameter { ParameterName = "$item" });
        line.Parameters.Add(new SqliteParameter { ParameterName = "$line" });
        line.Prepare();
        var now = AuditHasher.ToMicroseconds(TimeProvider.System.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        var sourceText = source.ToString().ToUpperInvariant();
        foreach (var r in Rows("B", count))
        {
            var id = Guid.CreateVersion7().ToString().ToUpperInvariant();
            var p = insert.Parameters;
            p[0].Value = id;
            p[1].Value = sourceText;
            p[2].Value = r.Reference;
            p[3].Value = r.Received.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            p[4].Value = InsightItem.MonthKeyOf(r.Received);
            p[5].Value = r.Summary;
            p[6].Value = r.Severity;
            p[7].Value = now;
            await insert.ExecuteNonQueryAsync(ct);
            line.Parameters[0].Value = id;
            line.Parameters[1].Value = uc.ToString().ToUpperInvariant();
            await line.ExecuteNonQueryAsync(ct);
            if (r.TwoLines)
            {
                line.Parameters[1].Value = pip.ToString().ToUpperInvariant();
                await line.ExecuteNonQueryAsync(ct);
            }
        }

        await transaction.RollbackAsync(ct);
    }

    private static string Markdown(IReadOnlyList<ImportFigures> results)
    {
        var en = CultureInfo.GetCultureInfo("en-GB");
        var md = new StringBuilder();
        md.AppendLine("| Database | Rows | Import (rows/s) | Bare write (rows/s) | Import ÷ bare | Re-import, all present (rows/s) | Peak heap, 1/10 file | Peak heap, whole file |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in results)
        {
            md.AppendLine(string.Create(en, $"| {r.Database} | {r.Rows:N0} | {r.ImportRowsPerSecond:N0} | {r.BareRowsPerSecond:N0} | {r.Ratio:N2} | {r.ReimportRowsPerSecond:N0} | {r.PeakHeapSmallBytes / 1_048_576.0:N0} MB | {r.PeakHeapLargeBytes / 1_048_576.0:N0} MB |"));
        }

        md.AppendLine();
        md.AppendLine("| Database | Search | Matches | Service (ms, median) | Hand-written SQL (ms, median) | Service ÷ hand-written |");
        md.AppendLine("| --- | --- | ---: | ---: | ---: | ---: |");
        foreach (var r in results)
        {
            foreach (var s in r.Searches)
            {
                md.AppendLine(string.Create(en, $"| {r.Database} | {s.Words} | {s.Matches:N0} | {s.ServiceMilliseconds:N1} | {s.HandWrittenMilliseconds:N1} | {s.Ratio:N2} |"));
            }
        }

        return md.ToString();
    }
}
