using System.Data.Common;
using System.Globalization;
using CsvHelper;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using SeriousCases.Core.Audit;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;

namespace SeriousCases.Core.Insight;

/// <summary>One rejected row (or a problem with the whole file, line 1): where, which column and what to fix.</summary>
public sealed record ImportProblem(long Line, string Column, string Reason);

public sealed record ImportReport(Guid ImportId, long Rows, long Added, long AlreadyPresent, long Rejected, IReadOnlyList<ImportProblem> Problems)
{
    /// <summary>More problems were found than <see cref="InsightImporter.MaxProblemsReported"/>; only the first are listed.</summary>
    public bool ProblemsTruncated { get; init; }

    /// <summary>The file could not be read as the layout (for example a missing column): nothing was imported.</summary>
    public bool FileRejected => Rows == 0 && Problems.Count > 0 && Problems[0].Line == 1;
}

/// <summary>Bulk import of insight from CSV (docs/insight-import.md). Every row is checked by the same
/// <see cref="InsightRules"/> as the form; good rows are kept and bad rows reported with line, column and
/// reason. Items are keyed by source and external reference, so importing a file again adds nothing
/// twice. The whole file is one transaction: a file stopped half way leaves no row behind. Rows stream
/// from the file to the database (binary COPY into a staging table on PostgreSQL, a prepared insert on
/// SQLite), so memory does not grow with the file. The import writes one audit entry with its counts.</summary>
public sealed class InsightImporter(SeriousCasesDbContext db, TimeProvider clock)
{
    /// <summary>Problems kept for the report; beyond this only the count grows (memory stays flat).</summary>
    public const int MaxProblemsReported = 1000;

    public static readonly IReadOnlyList<string> RequiredColumns = ["source", "externalReference", "receivedOn", "summary"];
    public static readonly IReadOnlyList<string> OptionalColumns = ["serviceLines", "severity", "responseDueOn"];

    public async Task<ImportReport> ImportAsync(Stream csv, string fileName, CancellationToken ct)
    {
        var importId = Guid.CreateVersion7();
        var problems = new List<ImportProblem>();
        long rows = 0, rejected = 0;
        var truncated = false;
        var options = new CsvReaderOptions
        {
            Separator = ',',
            TrimWhitespace = true,
            TrackLineNumbers = true,
            IncludeValuesInExceptions = false,
        };
        await using var parser = CsvReader.Create(csv, options, leaveOpen: true);
        await parser.ReadHeaderAsync(ct);
        if (parser.Headers.Count == 0)
        {
            return new ImportReport(importId, 0, 0, 0, 0, [new ImportProblem(1, "", "The file is empty. The first line must name the columns: " + string.Join(",", RequiredColumns))]);
        }

        var columns = ReadHeader(parser.Headers, problems);
        if (problems.Count > 0)
        {
            return new ImportReport(importId, 0, 0, 0, 0, problems);
        }

        var reference = await new InsightService(db, clock).ReferenceAsync(ct);
        var today = UkTime.Today(clock);
        var now = AuditHasher.ToMicroseconds(clock.GetUtcNow().UtcDateTime);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await using var sink = db is PostgresSeriousCasesDbContext
            ? (IInsightSink)await PostgresSink.StartAsync((NpgsqlConnection)db.Database.GetDbConnection(), ct)
            : new SqliteSink((SqliteConnection)db.Database.GetDbConnection(), (SqliteTransaction)transaction.GetDbTransaction());
        while (await parser.ReadAsync(ct))
        {
            rows++;
            var line = parser.LineNumber;
            var input = new InsightInput
            {
                Source = Field(parser, columns, "source"),
                ExternalReference = Field(parser, columns, "externalReference"),
                ReceivedOn = Field(parser, columns, "receivedOn"),
                ServiceLines = Field(parser, columns, "serviceLines")?.Split(';') ?? [],
                Summary = Field(parser, columns, "summary"),
                Severity = Field(parser, columns, "severity"),
                ResponseDueOn = Field(parser, columns, "responseDueOn"),
            };
            var errors = new ValidationErrors();
            if (parser.FieldCount != parser.Headers.Count)
            {
                errors.Add("", $"The line has {parser.FieldCount} values but the first line names {parser.Headers.Count} columns");
            }

            var valid = errors.Any ? null : InsightRules.Validate(input, reference, today, errors);
            if (valid is null)
            {
                rejected++;
                foreach (var e in errors.All)
                {
                    if (problems.Count < MaxProblemsReported)
                    {
                        problems.Add(new ImportProblem(line, e.Field, e.Message));
                    }
                    else
                    {
                        truncated = true;
                    }
                }

                continue;
            }

            await sink.AddAsync(valid, now, ct);
        }

        var (added, present) = await sink.CompleteAsync(ct);
        db.RecordEvent(AuditAction.Import, "InsightImport", importId.ToString(),
            string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(fileName)}: {rows} rows read, {added} added, {present} already present, {rejected} rejected"));
        await db.SaveAuditEventsAsync(ct);
        await transaction.CommitAsync(ct);
        return new ImportReport(importId, rows, added, present, rejected, problems) { ProblemsTruncated = truncated };
    }

    private static Dictionary<string, int> ReadHeader(IReadOnlyList<string> header, List<ImportProblem> problems)
    {
        var known = RequiredColumns.Concat(OptionalColumns).ToDictionary(c => c, StringComparer.OrdinalIgnoreCase);
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            if (!known.TryGetValue(header[i].Trim(), out var name))
            {
                problems.Add(new ImportProblem(1, header[i], $"\"{header[i]}\" is not a column of the layout. The columns are {string.Join(", ", known.Keys)}"));
            }
            else if (!columns.TryAdd(name, i))
            {
                problems.Add(new ImportProblem(1, name, $"The column {name} appears more than once"));
            }
        }

        foreach (var missing in RequiredColumns.Where(c => !columns.ContainsKey(c)))
        {
            problems.Add(new ImportProblem(1, missing, $"The first line must include a column named {missing}"));
        }

        return columns;
    }

    private static string? Field(CsvReader parser, Dictionary<string, int> columns, string name) =>
        columns.TryGetValue(name, out var i) && i < parser.FieldCount ? parser.GetString(i) : null;

    private interface IInsightSink : IAsyncDisposable
    {
        ValueTask AddAsync(ValidInsight item, DateTime now, CancellationToken ct);

        Task<(long Added, long AlreadyPresent)> CompleteAsync(CancellationToken ct);
    }

    /// <summary>COPY into a temporary staging table, then one INSERT ... ON CONFLICT DO NOTHING into the register.</summary>
    private sealed class PostgresSink : IInsightSink
    {
        private const string Columns = "\"Id\", \"SourceId\", \"ExternalReference\", \"ReceivedOn\", \"MonthKey\", \"Summary\", \"Severity\", \"ResponseDueOn\", \"Status\", \"Version\", \"CreatedAt\", \"UpdatedAt\"";
        private readonly NpgsqlConnection connection;
        private NpgsqlBinaryImporter? copy;
        private long staged;

        private PostgresSink(NpgsqlConnection connection) => this.connection = connection;

        public static async Task<PostgresSink> StartAsync(NpgsqlConnection connection, CancellationToken ct)
        {
            await using (var create = new NpgsqlCommand(
                "CREATE TEMP TABLE insight_import (LIKE \"InsightItems\" INCLUDING DEFAULTS, \"LineIds\" uuid[] NOT NULL) ON COMMIT DROP", connection))
            {
                await create.ExecuteNonQueryAsync(ct);
            }

            var sink = new PostgresSink(connection);
            sink.copy = await connection.BeginBinaryImportAsync($"COPY insight_import ({Columns}, \"LineIds\") FROM STDIN (FORMAT BINARY)", ct);
            return sink;
        }

        public async ValueTask AddAsync(ValidInsight v, DateTime now, CancellationToken ct)
        {
            var c = copy!;
            await c.StartRowAsync(ct);
            await c.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid, ct);
            await c.WriteAsync(v.Source.Id, NpgsqlDbType.Uuid, ct);
            await c.WriteAsync(v.ExternalReference, NpgsqlDbType.Varchar, ct);
            await c.WriteAsync(v.ReceivedOn, NpgsqlDbType.Date, ct);
            await c.WriteAsync(InsightItem.MonthKeyOf(v.ReceivedOn), NpgsqlDbType.Integer, ct);
            await c.WriteAsync(v.Summary, NpgsqlDbType.Varchar, ct);
            await WriteNullableAsync(c, v.Severity, NpgsqlDbType.Integer, ct);
            await WriteNullableAsync(c, v.ResponseDueOn, NpgsqlDbType.Date, ct);
            await c.WriteAsync(nameof(InsightStatus.Open), NpgsqlDbType.Varchar, ct);
            await c.WriteAsync(1, NpgsqlDbType.Integer, ct);
            await c.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
            await c.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
            await c.WriteAsync(v.ServiceLineIds as Guid[] ?? [.. v.ServiceLineIds], NpgsqlDbType.Array | NpgsqlDbType.Uuid, ct);
            staged++;
        }

        public async Task<(long Added, long AlreadyPresent)> CompleteAsync(CancellationToken ct)
        {
            await copy!.CompleteAsync(ct);
            await copy.DisposeAsync();
            copy = null;
            await using var insert = new NpgsqlCommand(
                $"INSERT INTO \"InsightItems\" ({Columns}) SELECT {Columns} FROM insight_import ON CONFLICT (\"SourceId\", \"ExternalReference\") DO NOTHING",
                connection)
            { CommandTimeout = 0 };
            var added = await insert.ExecuteNonQueryAsync(ct);
            await using var lines = new NpgsqlCommand(
                "INSERT INTO \"InsightItemServiceLines\" (\"InsightItemId\", \"ServiceLineId\") "
                + "SELECT s.\"Id\", l FROM insight_import s JOIN \"InsightItems\" i ON i.\"Id\" = s.\"Id\" CROSS JOIN LATERAL unnest(s.\"LineIds\") AS l",
                connection)
            { CommandTimeout = 0 };
            await lines.ExecuteNonQueryAsync(ct);
            return (added, staged - added);
        }

        public async ValueTask DisposeAsync()
        {
            if (copy is not null)
            {
                // Stopped before the end: cancel the COPY; the transaction rolls back with it.
                await copy.DisposeAsync();
            }
        }

        private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter c, T? value, NpgsqlDbType type, CancellationToken ct)
            where T : struct =>
            value is { } v ? c.WriteAsync(v, type, ct) : c.WriteNullAsync(ct);
    }

    /// <summary>A prepared INSERT ... ON CONFLICT DO NOTHING per row, inside the import's transaction.</summary>
    private sealed class SqliteSink : IInsightSink
    {
        private readonly SqliteCommand insert;
        private readonly SqliteCommand line;
        private long added, present;

        public SqliteSink(SqliteConnection connection, SqliteTransaction transaction)
        {
            insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO \"InsightItems\" (\"Id\", \"SourceId\", \"ExternalReference\", \"ReceivedOn\", \"MonthKey\", \"Summary\", \"Severity\", \"ResponseDueOn\", \"Status\", \"Version\", \"CreatedAt\", \"UpdatedAt\") "
                + "VALUES ($id, $source, $ref, $received, $month, $summary, $severity, $due, 'Open', 1, $now, $now) ON CONFLICT (\"SourceId\", \"ExternalReference\") DO NOTHING";
            foreach (var name in new[] { "$id", "$source", "$ref", "$received", "$month", "$summary", "$severity", "$due", "$now" })
            {
                insert.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            insert.Prepare();
            line = connection.CreateCommand();
            line.Transaction = transaction;
            line.CommandText = "INSERT INTO \"InsightItemServiceLines\" (\"InsightItemId\", \"ServiceLineId\") VALUES ($item, $line)";
            line.Parameters.Add(new SqliteParameter { ParameterName = "$item" });
            line.Parameters.Add(new SqliteParameter { ParameterName = "$line" });
            line.Prepare();
        }

        public async ValueTask AddAsync(ValidInsight v, DateTime now, CancellationToken ct)
        {
            var id = Guid.CreateVersion7();
            var p = insert.Parameters;
            p[0].Value = Text(id);
            p[1].Value = Text(v.Source.Id);
            p[2].Value = v.ExternalReference;
            p[3].Value = v.ReceivedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            p[4].Value = InsightItem.MonthKeyOf(v.ReceivedOn);
            p[5].Value = v.Summary;
            p[6].Value = (object?)v.Severity ?? DBNull.Value;
            p[7].Value = v.ResponseDueOn is { } due ? due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value;
            p[8].Value = now.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
            if (await insert.ExecuteNonQueryAsync(ct) == 0)
            {
                present++;
                return;
            }

            added++;
            line.Parameters[0].Value = p[0].Value;
            foreach (var lineId in v.ServiceLineIds)
            {
                line.Parameters[1].Value = Text(lineId);
                await line.ExecuteNonQueryAsync(ct);
            }
        }

        public Task<(long Added, long AlreadyPresent)> CompleteAsync(CancellationToken ct) => Task.FromResult((added, present));

        public async ValueTask DisposeAsync()
        {
            await insert.DisposeAsync();
            await line.DisposeAsync();
        }

        // EF Core's SQLite provider stores Guids as upper-case text.
        private static string Text(Guid id) => id.ToString().ToUpperInvariant();
    }
}
