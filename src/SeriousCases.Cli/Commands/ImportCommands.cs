using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SeriousCases.Core.Insight;

namespace SeriousCases.Cli.Commands;

internal static class ImportCommands
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The CSV file, in the layout of docs/insight-import.md" };
        var insight = new Command("insight",
            "Import insight items from CSV. Good rows are kept, bad rows reported with line, column and reason; "
            + "items already in the register (same source and external reference) are not added again. "
            + "Exit code 0: every row imported or already present; 3: some rows rejected; 2: the file was rejected and nothing imported.") { file };
        insight.SetAction((parse, ct) => CliHost.RunAsync(async sp =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                await CliHost.Error.WriteLineAsync($"There is no file {path.FullName}.");
                return 2;
            }

            await using var stream = new FileStream(path.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            var report = await sp.GetRequiredService<InsightImporter>().ImportAsync(stream, path.Name, ct);
            Write(report, path.Name);
            return report.FileRejected ? 2 : report.Rejected > 0 ? 3 : 0;
        }));
        return new Command("import", "Bulk imports") { insight };
    }

    private static void Write(ImportReport report, string name)
    {
        var n = CultureInfo.GetCultureInfo("en-GB");
        if (report.FileRejected)
        {
            CliHost.Error.WriteLine($"{name} was not imported: nothing was added.");
        }
        else
        {
            CliHost.Out.WriteLine(string.Create(n,
                $"{name}: {report.Rows:N0} rows read, {report.Added:N0} added, {report.AlreadyPresent:N0} already in the register, {report.Rejected:N0} rejected."));
        }

        foreach (var p in report.Problems)
        {
            CliHost.Error.WriteLine(string.IsNullOrEmpty(p.Column) ? $"Line {p.Line}: {p.Reason}" : $"Line {p.Line}, column {p.Column}: {p.Reason}");
        }

        if (report.ProblemsTruncated)
        {
            CliHost.Error.WriteLine(string.Create(n, $"Only the first {InsightImporter.MaxProblemsReported:N0} problems are listed."));
        }
    }
}
