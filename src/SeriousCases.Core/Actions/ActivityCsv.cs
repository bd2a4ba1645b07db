using System.Globalization;
using CsvHelper;

namespace SeriousCases.Core.Actions;

/// <summary>The register's rows as CSV, one activity a line, dates as yyyy-MM-dd so spreadsheets sort them.</summary>
public static class ActivityCsv
{
    public static readonly string[] Headers =
        ["Reference", "Origin", "Activity", "Owner", "Service line", "Accountable DG", "First due date", "Due date", "Priority", "Status", "Days overdue"];

    public static async Task<byte[]> WriteAsync(IEnumerable<ActivityRow> rows, CancellationToken ct)
    {
        // Spreadsheet formulas in typed text are neutralised, and the byte order mark makes Excel read UTF-8: this
        // file is opened in Excel.
        var options = new CsvWriterOptions { Injection = CsvInjection.Escape, WriteByteOrderMark = true };
        await using var buffer = new MemoryStream();
        await using (var csv = CsvWriter.Create(buffer, options, leaveOpen: true))
        {
            await csv.WriteRecordAsync(Headers, ct);
            foreach (var r in rows)
            {
                await csv.WriteRecordAsync(
                [
                    r.Reference,
                    ActivityRules.Describe(r.Origin),
                    r.Text,
                    r.Owner ?? "",
                    r.ServiceLine ?? "",
                    r.DirectorGeneral ?? "",
                    r.FirstDueOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                    r.DueOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                    r.Priority.ToString(),
                    ActivityRules.Describe(r.State),
                    r.DaysOverdue.ToString(CultureInfo.InvariantCulture),
                ], ct);
            }

            await csv.FlushAsync(ct);
        }

        return buffer.ToArray();
    }
}
