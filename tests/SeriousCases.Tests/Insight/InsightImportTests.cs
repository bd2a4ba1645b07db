using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeriousCases.Core.Audit;
using SeriousCases.Core.Insight;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Insight;

/// <summary>The CSV import on the database of the run: good rows kept, bad rows reported with line, column
/// and reason, a repeated file adding nothing, a file stopped half way leaving nothing, and the CLI.</summary>
public sealed class InsightImportTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    private const string Header = "source,externalReference,receivedOn,serviceLines,summary,severity,responseDueOn\n";

    private async Task<ImportReport> ImportAsync(string csv, CancellationToken ct = default) =>
        await ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), ct);

    private async Task<ImportReport> ImportAsync(Stream csv, CancellationToken ct = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InsightImporter>().ImportAsync(csv, "test.csv", ct);
    }

    private Task<int> CountAsync(string prefix) =>
        app.WithDbAsync(db => db.InsightItems.CountAsync(i => i.ExternalReference.StartsWith(prefix)));

    [Fact]
    public async Task Good_rows_are_kept_bad_rows_reported_and_a_repeated_file_adds_nothing()
    {
        var csv = Header
            + "COMPLAINT,GOOD-1,2026-01-10,UC;PIP,Payments stopped without contact.,3,\n"
            + "Complaints,GOOD-2,2026-01-11,,\"A long summary, with a comma\nand a line break.\",,\n"
            + "COMPLAINT,BAD-1,2026-02-30,UC,The date is not real.,,\n"
            + "Rumours,BAD-2,2026-01-12,UC,Unknown source.,,\n"
            + "COMPLAINT,BAD-3,2026-01-12,Winter Fuel,Unknown line.,9,\n"
            + "PFD,GOOD-3,2026-01-15,ESA,A coroner's report about welfare checks.,5,\n"
            + "COMPLAINT,BAD-4,2026-01-12\n";
        var report = await ImportAsync(csv);

        Assert.Equal(7, report.Rows);
        Assert.Equal(3, report.Added);
        Assert.Equal(4, report.Rejected);
        Assert.Contains(report.Problems, p => p.Line == 5 && p.Column == "receivedOn" && p.Reason.Contains("real date", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.Line == 6 && p.Column == "source" && p.Reason.Contains("\"Rumours\" is not a source", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.Line == 7 && p.Column == "serviceLines");
        Assert.Contains(report.Problems, p => p.Line == 7 && p.Column == "severity");
        Assert.Contains(report.Problems, p => p.Line == 9 && p.Reason.Contains("has 3 values", StringComparison.Ordinal));

        var pfd = await app.WithDbAsync(db => db.InsightItems.Include(i => i.ServiceLines).SingleAsync(i => i.ExternalReference == "GOOD-3"));
        Assert.Equal(new DateOnly(2026, 3, 12), pfd.ResponseDueOn);
        Assert.Equal(5, pfd.Severity);
        Assert.Single(pfd.ServiceLines);
        Assert.Equal(2, await app.WithDbAsync(db => db.InsightItems.Where(i => i.ExternalReference == "GOOD-1").SelectMany(i => i.ServiceLines).CountAsync()));
        Assert.Equal("A long summary, with a comma\nand a line break.", await app.WithDbAsync(db => db.InsightItems.Where(i => i.ExternalReference == "GOOD-2").Select(i => i.Summary).SingleAsync()));

        var again = await ImportAsync(csv);
        Assert.Equal(0, again.Added);
        Assert.Equal(3, again.AlreadyPresent);
        Assert.Equal(3, await CountAsync("GOOD-"));
        Assert.Equal(0, await CountAsync("BAD-"));

        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.Import).OrderByDescending(a => a.Sequence).FirstAsync());
        Assert.Equal("InsightImport", audit.EntityType);
        Assert.Contains("test.csv: 7 rows read, 0 added, 3 already present, 4 rejected", audit.Changes!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_without_the_layout_is_refused_whole_with_what_to_fix()
    {
        var report = await ImportAsync("source,reference,receivedOn\nCOMPLAINT,X-1,2026-01-01\n");
        Assert.True(report.FileRejected);
        Assert.Contains(report.Problems, p => p.Line == 1 && p.Reason.Contains("\"reference\" is not a column", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.Column == "summary" && p.Reason.Contains("must include a column named summary", StringComparison.Ordinal));
        Assert.Equal(0, await CountAsync("X-"));

        Assert.True((await ImportAsync("")).FileRejected);
    }

    [Fact]
    public async Task A_file_stopped_half_way_leaves_no_row_behind()
    {
        var csv = new StringBuilder(Header);
        for (var i = 0; i < 5000; i++)
        {
            csv.Append($"QUALITY,HALF-{i},2026-01-01,UC,Quality check finding number {i}.,2,\n");
        }

        var bytes = Encoding.UTF8.GetBytes(csv.ToString());
        await Assert.ThrowsAsync<IOException>(() => ImportAsync(new FailingStream(bytes, failAfter: bytes.Length / 2)));
        Assert.Equal(0, await CountAsync("HALF-"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<InsightItemServiceLine>().CountAsync(l => !db.InsightItems.Any(i => i.Id == l.InsightItemId))));

        // The whole file goes in afterwards.
        var report = await ImportAsync(new MemoryStream(bytes));
        Assert.Equal(5000, report.Added);
        Assert.Equal(5000, await CountAsync("HALF-"));
    }

    [Fact]
    public async Task The_command_line_imports_a_file_and_says_what_it_did()
    {
        var path = Path.Combine(Path.GetTempPath(), $"insight-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, Header + "ICE,CLI-1,2026-04-01,DLA,An ICE report about a delay.,,\nICE,CLI-2,someday,DLA,No date.,,\n");
        try
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var exit = await SeriousCases.Cli.CliHost.InvokeAsync(["import", "insight", path], app.Database.Settings, output, error);
            Assert.Equal(3, exit);
            Assert.Contains("2 rows read, 1 added, 0 already in the register, 1 rejected", output.ToString(), StringComparison.Ordinal);
            Assert.Contains("Line 3, column receivedOn:", error.ToString(), StringComparison.Ordinal);
            Assert.Equal(1, await CountAsync("CLI-"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task The_api_imports_a_csv_body_for_analysts_only()
    {
        var analyst = await app.SignInAsync("analyst@demo.test");
        var response = await analyst.PostAsync("/api/v1/insight/imports?fileName=api.csv",
            new StringContent(Header + "PARL,API-IMP-1,2026-05-01,SP,A Parliamentary question about payments.,,\n", Encoding.UTF8, "text/csv"));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, body.GetProperty("added").GetInt32());

        var refused = await analyst.PostAsync("/api/v1/insight/imports", new StringContent("nonsense\n1\n", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);

        var referrer = await app.SignInAsync("referrer@demo.test");
        Assert.Equal(HttpStatusCode.Forbidden, (await referrer.PostAsync("/api/v1/insight/imports", new StringContent(Header, Encoding.UTF8, "text/csv"))).StatusCode);
    }

    /// <summary>A file that breaks part way through, as a dropped upload or a failed disk would.</summary>
    private sealed class FailingStream(byte[] data, int failAfter) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => Position >= failAfter ? throw new IOException("The file could not be read.") : base.Read(buffer, offset, Math.Min(count, 4096));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Position >= failAfter ? throw new IOException("The file could not be read.") : base.ReadAsync(buffer[..Math.Min(buffer.Length, 4096)], cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Position >= failAfter ? throw new IOException("The file could not be read.") : base.ReadAsync(buffer, offset, Math.Min(count, 4096), cancellationToken);
    }
}
