using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using SeriousCases.Core.Audit;
using SeriousCases.Core.Data;
using SeriousCases.Core.Insight;
using SeriousCases.Core.ReferenceData;
using SeriousCases.Core.Themes;
using SeriousCases.Core.Themes.Spc;

namespace SeriousCases.Bench;

public sealed record ThemeTiming(string Database, string What, double ServiceMilliseconds, double HandWrittenMilliseconds)
{
    public double Ratio => ServiceMilliseconds / HandWrittenMilliseconds;
}

/// <summary>Issue 7's benchmark: the themes overview (month by theme over 36 months) and one theme's monthly XmR series
/// through <see cref="ThemeInsightService"/>, each against hand-written SQL (plain ADO.NET) that returns the same numbers,
/// measured interleaved in the same run on PostgreSQL and on SQLite (a copy of the same generated rows). The answers are
/// compared before anything is timed; the goal is at most 1.5 times the hand-written SQL.</summary>
public static class ThemesBenchmark
{
    public const double Goal = 1.5;
    private const int Months = 36;

    /// <summary>The generated data ends in December 2025: the benchmark's "today" puts the last complete month there.</summary>
    private static readonly DateTimeOffset Today = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The tables the themes pages read, copied from PostgreSQL to SQLite.</summary>
    private static readonly Type[] ThemeTables =
    [
        typeof(Theme), typeof(InsightSource), typeof(ServiceLine), typeof(OwnerTeam),
        typeof(Core.Investigations.Investigation), typeof(Core.Investigations.Finding), typeof(Core.Investigations.FindingTheme),
        typeof(InsightItem), typeof(InsightItemTheme), typeof(InsightItemServiceLine),
        typeof(Core.Actions.AgreedActivity), typeof(Core.Panel.PanelMeeting), typeof(Core.Panel.AgendaItem), typeof(Core.Panel.PanelDecision),
    ];

    public static async Task<int> RunAsync(string postgres, string? sqlitePath, int runs, FileInfo? markdown, TextWriter log, CancellationToken ct)
    {
        var timings = new List<ThemeTiming>();
        timings.AddRange(await MeasureAsync("PostgreSQL", () => BenchContexts.Postgres(postgres),
            () => new NpgsqlConnection(DatabaseSetup.WithAutoPrepare(postgres)), runs, log, ct));
        if (sqlitePath is not null)
        {
            await CopyToSqliteAsync(postgres, sqlitePath, log, ct);
            timings.AddRange(await MeasureAsync("SQLite", () => BenchContexts.Sqlite(sqlitePath),
                () => new SqliteConnection($"Data Source={sqlitePath}"), runs, log, ct));
        }

        var table = Markdown(timings, runs);
        await log.WriteLineAsync(table);
        if (markdown is not null)
        {
            await File.AppendAllTextAsync(markdown.FullName, table, ct);
        }

        return timings.All(t => t.Ratio <= Goal) ? 0 : 2;
    }

    private static async Task<List<ThemeTiming>> MeasureAsync(
        string database, Func<SeriousCasesDbContext> context, Func<DbConnection> connection, int runs, TextWriter log, CancellationToken ct)
    {
        var clock = new FixedClock(Today);
        Guid theme;
        await using (var db = context())
        {
            var service = new ThemeInsightService(db, clock);
            var overview = await service.OverviewAsync(Months, ct);
            var raw = await RawOverviewAsync(connection, service.LastCompleteMonth(), ct);
            Same(database, "overview", Describe(overview), Describe(raw));
            // The theme with the most items in the window: the longest series to group.
            theme = overview.Themes.OrderByDescending(t => t.Monthly.Sum()).First().Id;
            var series = await service.SeriesAsync(theme, SeriesPeriod.Month, null, null, null, ct);
            var rawSeries = await RawSeriesAsync(connection, theme, service.LastCompleteMonth(), ct);
            Same(database, "series", Describe(series.Points, series.Chart), Describe(rawSeries.Points, rawSeries.Chart));
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{database}: the same answers from both ({overview.Themes.Count} themes, {overview.Themes.Sum(t => t.Monthly.Sum()):N0} items in {Months} months; "
                + $"the series of {series.Theme.Name}: {series.Points.Count} months, {series.Points.Sum(p => p.Value):N0} items)."));
        }

        async Task<double> Time(Func<Task> work)
        {
            var watch = Stopwatch.StartNew();
            await work();
            return watch.Elapsed.TotalMilliseconds;
        }

        Task ServiceOverview() => WithService(context, clock, s => s.OverviewAsync(Months, ct));
        Task RawOverview() => RawOverviewAsync(connection, Periods.AddMonths(Periods.MonthKey(DateOnly.FromDateTime(Today.UtcDateTime)), -1), ct);
        Task ServiceSeries() => WithService(context, clock, s => s.SeriesAsync(theme, SeriesPeriod.Month, null, null, null, ct));
        Task RawSeries() => RawSeriesAsync(connection, theme, Periods.AddMonths(Periods.MonthKey(DateOnly.FromDateTime(Today.UtcDateTime)), -1), ct);

        var times = new Dictionary<string, List<double>> { ["so"] = [], ["ro"] = [], ["ss"] = [], ["rs"] = [] };
        for (var run = -2; run < runs; run++)
        {
            // Interleaved, the order swapped every run so neither side always follows the other; two warm-up runs.
            var pairs = new (string Key, Func<Task> Work)[] { ("so", ServiceOverview), ("ro", RawOverview), ("ss", ServiceSeries), ("rs", RawSeries) };
            if (run % 2 != 0)
            {
                pairs = [pairs[1], pairs[0], pairs[3], pairs[2]];
            }

            foreach (var (key, work) in pairs)
            {
                var ms = await Time(work);
                if (run >= 0)
                {
                    times[key].Add(ms);
                }
            }
        }

        var result = new List<ThemeTiming>
        {
            new(database, $"Overview, month by theme over {Months} months", Median(times["so"]), Median(times["ro"])),
            new(database, "One theme's monthly XmR series (all sources)", Median(times["ss"]), Median(times["rs"])),
        };
        foreach (var t in result)
        {
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{t.Database,-10} {t.What,-48} service {t.ServiceMilliseconds,8:F1} ms  SQL {t.HandWrittenMilliseconds,8:F1} ms  ratio {t.Ratio:F2}"));
        }

        return result;
    }

    private static async Task WithService<T>(Func<SeriousCasesDbContext> context, TimeProvider clock, Func<ThemeInsightService, Task<T>> work)
    {
        await using var db = context();
        await work(new ThemeInsightService(db, clock));
    }

    // The hand-written SQL: the same grouped statements, written once for both databases.
    private const string ThemesSql = "SELECT \"Id\", \"Code\", \"Name\", \"Description\", \"IsActive\", \"Version\" FROM \"Themes\" ORDER BY \"Name\"";
    private const string SourcesSql = "SELECT \"Id\", \"Code\", \"Name\" FROM \"InsightSources\" ORDER BY \"SortOrder\", \"Name\"";
    private const string InsightSql = """
        SELECT t."ThemeId", i."MonthKey", i."SourceId", COUNT(*), SUM(COALESCE(i."Severity", 0)), COUNT(i."Severity")
        FROM "InsightItemTheme" t JOIN "InsightItems" i ON i."Id" = t."InsightItemId"
        WHERE i."MonthKey" >= @from AND i."MonthKey" <= @to
        GROUP BY t."ThemeId", i."MonthKey", i."SourceId"
        """;
    private const string FindingsSql = """
        SELECT t."ThemeId", f."MonthKey", COUNT(*)
        FROM "FindingTheme" t JOIN "Findings" f ON f."Id" = t."FindingId"
        WHERE f."MonthKey" >= @from AND f."MonthKey" <= @to
        GROUP BY t."ThemeId", f."MonthKey"
        """;
    private const string InsightTotalsSql = "SELECT \"ThemeId\", COUNT(*) FROM \"InsightItemTheme\" GROUP BY \"ThemeId\"";
    private const string FindingTotalsSql = "SELECT \"ThemeId\", COUNT(*) FROM \"FindingTheme\" GROUP BY \"ThemeId\"";
    private const string LinesSql = """
        SELECT t."ThemeId", l."ServiceLineId"
        FROM "InsightItemTheme" t JOIN "InsightItems" i ON i."Id" = t."InsightItemId" JOIN "InsightItemServiceLines" l ON l."InsightItemId" = i."Id"
        WHERE i."MonthKey" >= @wfrom AND i."MonthKey" <= @to
        UNION
        SELECT t."ThemeId", f."ServiceLineId"
        FROM "FindingTheme" t JOIN "Findings" f ON f."Id" = t."FindingId"
        WHERE f."MonthKey" >= @wfrom AND f."MonthKey" <= @to
        """;
    private const string LineNamesSql = "SELECT \"Id\", \"Name\" FROM \"ServiceLines\"";
    private const string ActivityColumns = """
        SUM(CASE WHEN a."Status" IN ('NotStarted', 'InProgress') THEN 1 ELSE 0 END),
        SUM(CASE WHEN a."Status" IN ('NotStarted', 'InProgress') AND a."DueOn" < @today THEN 1 ELSE 0 END),
        SUM(CASE WHEN a."Status" = 'Complete' THEN 1 ELSE 0 END)
        """;
    private const string ViaFindingsSql = "SELECT t.\"ThemeId\", " + ActivityColumns + """

        FROM "AgreedActivities" a JOIN "FindingTheme" t ON t."FindingId" = a."FindingId"
        GROUP BY t."ThemeId"
        """;
    private const string ViaPanelSql = "SELECT i.\"ThemeId\", " + ActivityColumns + """

        FROM "AgreedActivities" a JOIN "PanelDecisions" d ON d."Id" = a."PanelDecisionId"
        JOIN "AgendaItems" i ON i."PanelMeetingId" = d."PanelMeetingId"
        WHERE i."Number" = d."AgendaItemNumber" AND i."ThemeId" IS NOT NULL
        GROUP BY i."ThemeId"
        """;
    private const string DiscussedSql = """
        SELECT a."ThemeId", MAX(m."MeetingOn")
        FROM "AgendaItems" a JOIN "PanelMeetings" m ON m."Id" = a."PanelMeetingId"
        WHERE a."ThemeId" IS NOT NULL AND m."MeetingOn" <= @today
        GROUP BY a."ThemeId"
        """;
    private const string SeriesSql = """
        SELECT m, SUM(c) FROM (
            SELECT i."MonthKey" AS m, COUNT(*) AS c
            FROM "InsightItemTheme" t JOIN "InsightItems" i ON i."Id" = t."InsightItemId"
            WHERE t."ThemeId" = @theme GROUP BY i."MonthKey"
            UNION ALL
            SELECT f."MonthKey", COUNT(*)
            FROM "FindingTheme" t JOIN "Findings" f ON f."Id" = t."FindingId"
            WHERE t."ThemeId" = @theme AND f."MonthKey" IS NOT NULL GROUP BY f."MonthKey") AS x
        GROUP BY m ORDER BY m
        """;

    private static async Task<ThemeOverview> RawOverviewAsync(Func<DbConnection> open, int toKey, CancellationToken ct)
    {
        var fromKey = Periods.AddMonths(toKey, -(Months - 1));
        var queryFrom = ThemeOverviewBuilder.QueryFrom(fromKey, toKey);
        var today = DateOnly.FromDateTime(Today.UtcDateTime);
        await using var connection = open();
        await connection.OpenAsync(ct);
        var themes = await ReadAsync(connection, ThemesSql, [], r => new Theme
        {
            Id = Guid(r, 0),
            Code = r.GetString(1),
            Name = r.GetString(2),
            Description = r.IsDBNull(3) ? null : r.GetString(3),
            IsActive = r.GetBoolean(4),
            Version = r.GetInt32(5),
        }, ct);
        var sources = await ReadAsync(connection, SourcesSql, [], r => new InsightSource { Id = Guid(r, 0), Code = r.GetString(1), Name = r.GetString(2) }, ct);
        (string, object)[] window = [("@from", queryFrom), ("@to", toKey)];
        var insight = await ReadAsync(connection, InsightSql, window,
            r => new InsightMonthCount(Guid(r, 0), Int(r, 1), Guid(r, 2), Int(r, 3), Int(r, 4), Int(r, 5)), ct);
        var findings = await ReadAsync(connection, FindingsSql, window, r => new FindingMonthCount(Guid(r, 0), Int(r, 1), Int(r, 2)), ct);
        var insightTotals = (await ReadAsync(connection, InsightTotalsSql, [], r => (Guid(r, 0), Int(r, 1)), ct)).ToDictionary();
        var findingTotals = (await ReadAsync(connection, FindingTotalsSql, [], r => (Guid(r, 0), Int(r, 1)), ct)).ToDictionary();
        var lines = await ReadAsync(connection, LinesSql, [("@wfrom", fromKey), ("@to", toKey)], r => (Guid(r, 0), Guid(r, 1)), ct);
        var lineNames = (await ReadAsync(connection, LineNamesSql, [], r => (Guid(r, 0), r.GetString(1)), ct)).ToDictionary();
        (string, object)[] onToday = [("@today", today)];
        var activities = await ReadAsync(connection, ViaFindingsSql, onToday, r => new ThemeActivityCount(Guid(r, 0), Int(r, 1), Int(r, 2), Int(r, 3)), ct);
        activities.AddRange(await ReadAsync(connection, ViaPanelSql, onToday, r => new ThemeActivityCount(Guid(r, 0), Int(r, 1), Int(r, 2), Int(r, 3)), ct));
        var discussed = (await ReadAsync(connection, DiscussedSql, onToday, r => (Guid(r, 0), r.GetFieldValue<DateOnly>(1)), ct)).ToDictionary();
        var rows = new ThemeOverviewRows(themes, sources, insight, findings, insightTotals, findingTotals, lines, lineNames, activities, discussed);
        return ThemeOverviewBuilder.Build(rows, fromKey, toKey);
    }

    private static async Task<(List<int> Points, XmrChart Chart)> RawSeriesAsync(Func<DbConnection> open, Guid theme, int toKey, CancellationToken ct)
    {
        await using var connection = open();
        await connection.OpenAsync(ct);
        var name = await ReadAsync(connection, "SELECT \"Name\" FROM \"Themes\" WHERE \"Id\" = @theme", [("@theme", theme)], r => r.GetString(0), ct);
        if (name.Count != 1)
        {
            throw new InvalidOperationException("No such theme.");
        }

        var counts = (await ReadAsync(connection, SeriesSql, [("@theme", theme)], r => (Int(r, 0), Int(r, 1)), ct)).ToDictionary();
        var from = counts.Count == 0 ? Periods.AddMonths(toKey, -11) : Math.Min(counts.Keys.Min(), toKey);
        var points = Periods.Months(from, toKey).Select(m => counts.GetValueOrDefault(m)).ToList();
        return (points, Xmr.Build([.. points.Select(p => (double)p)]));
    }

    private static async Task<List<T>> ReadAsync<T>(DbConnection connection, string sql, (string Name, object Value)[] parameters, Func<DbDataReader, T> map, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            // SQLite stores Guids as upper-case text (as EF Core writes them).
            p.Value = value is Guid g && connection is SqliteConnection ? g.ToString().ToUpperInvariant() : value;
            command.Parameters.Add(p);
        }

        var result = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result.Add(map(reader));
        }

        return result;
    }

    private static Guid Guid(DbDataReader r, int i) => r.GetGuid(i);

    private static int Int(DbDataReader r, int i) => Convert.ToInt32(r.GetValue(i), CultureInfo.InvariantCulture);

    private static string Describe(ThemeOverview o) => JsonSerializer.Serialize(o);

    private static string Describe(IEnumerable<SeriesPointValue> points, XmrChart chart) => Describe([.. points.Select(p => p.Value)], chart);

    private static string Describe(List<int> points, XmrChart chart) => JsonSerializer.Serialize(new { points, chart });

    private static void Same(string database, string what, string service, string raw)
    {
        if (service != raw)
        {
            throw new InvalidOperationException($"{database}: the service's {what} differs from the hand-written SQL's.\nService: {service[..Math.Min(2000, service.Length)]}\nSQL:     {raw[..Math.Min(2000, raw.Length)]}");
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>Copies the tables the themes pages read from the generated PostgreSQL database into a new, migrated SQLite
    /// file: the same rows, written as EF Core writes them (Guids as upper-case text, dates as ISO text), with prepared
    /// INSERTs in one transaction per table.</summary>
    private static async Task CopyToSqliteAsync(string postgres, string path, TextWriter log, CancellationToken ct)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" }.Where(File.Exists))
        {
            File.Delete(file);
        }

        var total = Stopwatch.StartNew();
        await using var sqliteDb = BenchContexts.Sqlite(path);
        await sqliteDb.Database.MigrateAsync(ct);
        await using var pgDb = BenchContexts.Postgres(postgres);
        await using var source = new NpgsqlConnection(postgres);
        await source.OpenAsync(ct);
        var target = (SqliteConnection)sqliteDb.Database.GetDbConnection();
        await target.OpenAsync(ct);
        await using (var pragma = target.CreateCommand())
        {
            pragma.CommandText = "PRAGMA foreign_keys = OFF; PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF;";
            await pragma.ExecuteNonQueryAsync(ct);
        }

        foreach (var type in ThemeTables)
        {
            var watch = Stopwatch.StartNew();
            var pgEntity = pgDb.Model.FindEntityType(type)!;
            var sqliteEntity = sqliteDb.Model.FindEntityType(type)!;
            var table = pgEntity.GetTableName()!;
            var store = StoreObjectIdentifier.Table(table, null);
            var columns = pgEntity.GetProperties().Select(p => (Pg: p, Sqlite: sqliteEntity.FindProperty(p.Name)!, Name: p.GetColumnName(store)!)).ToArray();
            await using var transaction = (SqliteTransaction)await target.BeginTransactionAsync(ct);
            await using (var clear = target.CreateCommand())
            {
                clear.Transaction = transaction;
                clear.CommandText = $"DELETE FROM \"{table}\"";
                await clear.ExecuteNonQueryAsync(ct);
            }

            await using var insert = target.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
            for (var i = 0; i < columns.Length; i++)
            {
                insert.Parameters.Add(new SqliteParameter { ParameterName = $"$p{i}" });
            }

            insert.Prepare();
            await using var select = source.CreateCommand();
            select.CommandText = $"SELECT {string.Join(", ", columns.Select(c => $"\"{c.Name}\""))} FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync(ct);
            var count = 0;
            while (await reader.ReadAsync(ct))
            {
                for (var i = 0; i < columns.Length; i++)
                {
                    insert.Parameters[i].Value = reader.IsDBNull(i) ? DBNull.Value : ToSqlite(Read(reader, i, columns[i].Pg), columns[i].Pg, columns[i].Sqlite);
                }

                await insert.ExecuteNonQueryAsync(ct);
                count++;
            }

            await transaction.CommitAsync(ct);
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"SQLite copy: {table,-26} {count,10:N0} rows in {watch.Elapsed.TotalSeconds,6:F1} s"));
        }

        await using (var analyse = target.CreateCommand())
        {
            // The planner's statistics, as a long-running database would have them.
            analyse.CommandText = "PRAGMA foreign_keys = ON; ANALYZE;";
            await analyse.ExecuteNonQueryAsync(ct);
        }

        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"SQLite copy made in {total.Elapsed.TotalSeconds:F0} s."));
    }

    /// <summary>Reads a column as its provider type in the PostgreSQL model (a date as a DateOnly, not a DateTime).</summary>
    private static object Read(NpgsqlDataReader reader, int i, IProperty property)
    {
        var type = property.GetTypeMapping().Converter?.ProviderClrType ?? property.ClrType;
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(DateOnly) ? reader.GetFieldValue<DateOnly>(i)
            : type == typeof(DateTime) ? reader.GetFieldValue<DateTime>(i)
            : type == typeof(TimeOnly) ? reader.GetFieldValue<TimeOnly>(i)
            : reader.GetValue(i);
    }

    /// <summary>The PostgreSQL value back to the model's value, then to what SQLite stores, as EF Core writes it.</summary>
    private static object ToSqlite(object value, IProperty pg, IProperty sqlite)
    {
        var model = pg.GetTypeMapping().Converter is { } fromPg ? fromPg.ConvertFromProvider(value)! : value;
        var stored = sqlite.GetTypeMapping().Converter is { } toSqlite ? toSqlite.ConvertToProvider(model)! : model;
        return stored switch
        {
            Guid g => g.ToString().ToUpperInvariant(),
            DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => stored,
        };
    }

    private static string Markdown(List<ThemeTiming> timings, int runs)
    {
        var en = CultureInfo.GetCultureInfo("en-GB");
        var md = new StringBuilder();
        md.AppendLine(string.Create(en, $"Themes, medians of {runs} interleaved runs each:"));
        md.AppendLine();
        md.AppendLine("| Database | What | Service (ms) | Hand-written SQL (ms) | Service ÷ SQL | Goal | Met |");
        md.AppendLine("| --- | --- | ---: | ---: | ---: | --- | --- |");
        foreach (var t in timings)
        {
            md.AppendLine(string.Create(en, $"| {t.Database} | {t.What} | {t.ServiceMilliseconds:N1} | {t.HandWrittenMilliseconds:N1} | {t.Ratio:N2} | at most {Goal:N1} | {(t.Ratio <= Goal ? "yes" : "no")} |"));
        }

        md.AppendLine();
        return md.ToString();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
