using System.Diagnostics;
using Npgsql;
using SeriousCases.Cli;
using SeriousCases.Core.Data;
using SeriousCases.Tests.Support;
using Xunit.Abstractions;

namespace SeriousCases.Tests.Resilience;

/// <summary>Backup and restore as the README documents them: <c>pg_dump -Fc</c> of the service's database, then
/// <c>pg_restore</c> into an empty database with the machine's PostgreSQL tools; every table holds the same number of
/// rows and <c>audit verify</c> passes on the restored copy.</summary>
public sealed class BackupRestoreTests(ITestOutputHelper output)
{
    private static string Tool(string name)
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", name)).Where(File.Exists).OrderDescending().FirstOrDefault()
            : null;
        return bin ?? name;
    }

    private static async Task RunAsync(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(Tool(tool), args) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} exited with {process.ExitCode}: {await error}");
    }

    private static string[] ConnectionArgs(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        return ["-h", b.Host!, "-p", b.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", b.Username!];
    }

    private static async Task<Dictionary<string, long>> RowCountsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }

        return counts;
    }

    [PostgresFact("pg_dump and pg_restore are PostgreSQL's tools; a SQLite database is one file to copy")]
    public async Task A_backup_restores_into_an_empty_database_with_every_row_and_a_valid_audit_chain()
    {
        await using var source = await TestDatabase.CreateAsync(withDemoData: true);
        var file = Path.Combine(Path.GetTempPath(), $"scl-backup-{Guid.NewGuid():N}.dump");
        var restoredName = "scl_restored_" + Guid.NewGuid().ToString("N")[..12];
        var restored = new NpgsqlConnectionStringBuilder(source.ConnectionString) { Database = restoredName }.ConnectionString;
        try
        {
            await RunAsync("pg_dump", [.. ConnectionArgs(source.ConnectionString), "-Fc", "-f", file, source.Name]);
            await using (var server = new NpgsqlConnection(TestEnvironment.PostgresServer))
            {
                await server.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{restoredName}\" TEMPLATE template0", server);
                await create.ExecuteNonQueryAsync();
            }

            await RunAsync("pg_restore", [.. ConnectionArgs(source.ConnectionString), "--no-owner", "--exit-on-error", "-d", restoredName, file]);

            var before = await RowCountsAsync(source.ConnectionString);
            var after = await RowCountsAsync(restored);
            Assert.Equal(before.OrderBy(t => t.Key), after.OrderBy(t => t.Key));
            Assert.True(before["AuditEntries"] > 0);

            var settings = new Dictionary<string, string?> { ["Database:Provider"] = nameof(DatabaseProvider.Postgres), ["ConnectionStrings:Postgres"] = restored };
            var verify = new StringWriter();
            Assert.Equal(0, await CliHost.InvokeAsync(["audit", "verify"], settings, verify, new StringWriter()));
            output.WriteLine($"Restored {before.Count} tables, {before.Values.Sum()} rows ({new FileInfo(file).Length / 1024} KB backup); {verify.ToString().Trim()}");
        }
        finally
        {
            File.Delete(file);
            NpgsqlConnection.ClearAllPools();
            await using var server = new NpgsqlConnection(TestEnvironment.PostgresServer);
            await server.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{restoredName}\" WITH (FORCE)", server);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
