using SeriousCases.Bench;
using SeriousCases.Core.Data;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Bench;

/// <summary>The import benchmark runs end to end at a small size on the database of the run, so it
/// cannot rot between benchmark runs: it checks that every row was added and none added twice.</summary>
public sealed class ImportBenchmarkTests
{
    [Fact]
    public async Task The_import_benchmark_measures_import_bare_write_and_search()
    {
        await using var database = await TestDatabase.CreateAsync(withDemoData: false);
        var folder = Directory.CreateTempSubdirectory("scl-import-bench-test");
        try
        {
            var markdown = new FileInfo(Path.Combine(folder.FullName, "results.md"));
            var postgres = database.Provider == DatabaseProvider.Postgres ? database.ConnectionString : null;
            var sqlite = database.Provider == DatabaseProvider.Sqlite ? Path.Combine(folder.FullName, "bench.db") : null;
            var log = new StringWriter();
            Assert.Equal(0, await ImportBenchmark.RunAsync(postgres, sqlite, 2_000, markdown, log, CancellationToken.None));

            var table = await File.ReadAllTextAsync(markdown.FullName);
            Assert.Contains(database.Provider == DatabaseProvider.Postgres ? "| PostgreSQL | 2,000 |" : "| SQLite | 2,000 |", table, StringComparison.Ordinal);
            Assert.Contains("| safeguarding journal | 220 |", table, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
