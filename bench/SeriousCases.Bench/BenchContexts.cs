using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Audit;
using SeriousCases.Core.Data;

namespace SeriousCases.Bench;

/// <summary>Contexts as the service makes them for a request: a new one each time, over options built once per
/// database (the service registers its options as a singleton), writing the audit trail as the bench.</summary>
internal static class BenchContexts
{
    private static readonly ConcurrentDictionary<string, DbContextOptions<PostgresSeriousCasesDbContext>> PostgresOptions = new();
    private static readonly ConcurrentDictionary<string, DbContextOptions<SqliteSeriousCasesDbContext>> SqliteOptions = new();

    public static PostgresSeriousCasesDbContext Postgres(string connectionString, TimeProvider? clock = null) =>
        new(PostgresOptions.GetOrAdd(connectionString, cs =>
        {
            var builder = new DbContextOptionsBuilder<PostgresSeriousCasesDbContext>();
            DatabaseSetup.ConfigurePostgres(builder, cs);
            return builder.Options;
        }), new SystemActor("system:bench"), clock ?? TimeProvider.System);

    /// <summary>A SQLite database file at <paramref name="path"/>.</summary>
    public static SqliteSeriousCasesDbContext Sqlite(string path) =>
        new(SqliteOptions.GetOrAdd(path, p =>
        {
            var builder = new DbContextOptionsBuilder<SqliteSeriousCasesDbContext>();
            DatabaseSetup.ConfigureSqlite(builder, $"Data Source={p}");
            return builder.Options;
        }), new SystemActor("system:bench"), TimeProvider.System);
}
