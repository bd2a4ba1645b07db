using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SeriousCases.Core.Audit;
using SeriousCases.Core.Data;

namespace SeriousCases.Tests.Support;

/// <summary>Which real database the suite runs against. <c>./test.sh</c> runs the whole suite once per
/// provider: <c>SCL_TEST_DATABASE=sqlite|postgres</c>, with <c>SCL_TEST_POSTGRES</c> naming a server
/// (a connection string to its <c>postgres</c> database). A missing server fails, never skips.</summary>
public static class TestEnvironment
{
    public static DatabaseProvider Provider =>
        Environment.GetEnvironmentVariable("SCL_TEST_DATABASE")?.Trim().ToLowerInvariant() switch
        {
            null or "" or "sqlite" => DatabaseProvider.Sqlite,
            "postgres" or "postgresql" => DatabaseProvider.Postgres,
            var other => throw new InvalidOperationException($"SCL_TEST_DATABASE is '{other}'. Use sqlite or postgres."),
        };

    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("SCL_TEST_POSTGRES") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                "SCL_TEST_DATABASE=postgres needs SCL_TEST_POSTGRES (a connection string to a running server). Run ./test.sh.");
}

/// <summary>A fresh, migrated database of the provider under test, optionally holding the demo data.
/// Each one is copied from a template built once per run (a file copy on SQLite, CREATE DATABASE …
/// TEMPLATE on PostgreSQL), so a test class gets its own database in milliseconds.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static readonly Dictionary<bool, string> Templates = [];
    private static readonly string RunFolder = Path.Combine(Path.GetTempPath(), "scl-tests", Guid.NewGuid().ToString("N"));

    private TestDatabase(DatabaseProvider provider, string connectionString, string name)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Name = name;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    public string Name { get; }

    /// <summary>Configuration that points the web app or the CLI at this database.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = Provider.ToString(),
        [Provider == DatabaseProvider.Sqlite ? "ConnectionStrings:Sqlite" : "ConnectionStrings:Postgres"] = ConnectionString,
    };

    public static async Task<TestDatabase> CreateAsync(bool withDemoData = true)
    {
        var provider = TestEnvironment.Provider;
        var template = await TemplateAsync(provider, withDemoData);
        var name = "scl_t_" + Guid.NewGuid().ToString("N")[..16];
        if (provider == DatabaseProvider.Sqlite)
        {
            var path = Path.Combine(RunFolder, name + ".db");
            File.Copy(template, path);
            return new TestDatabase(provider, SqliteConnectionString(path), name);
        }

        await using (var server = new NpgsqlConnection(TestEnvironment.PostgresServer))
        {
            await server.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"", server);
            await create.ExecuteNonQueryAsync();
        }

        return new TestDatabase(provider, PostgresDatabase(name), name);
    }

    /// <summary>A context on this database acting as <paramref name="actor"/> (default: a test system actor).</summary>
    public SeriousCasesDbContext CreateContext(IAuditActor? actor = null, TimeProvider? clock = null) =>
        CreateContext(Provider, ConnectionString, actor ?? new SystemActor("system:test"), clock ?? TimeProvider.System);

    public async ValueTask DisposeAsync()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            var path = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }

            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var server = new NpgsqlConnection(TestEnvironment.PostgresServer);
        await server.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", server);
        await drop.ExecuteNonQueryAsync();
    }

    private static SeriousCasesDbContext CreateContext(DatabaseProvider provider, string connectionString, IAuditActor actor, TimeProvider clock)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var options = new DbContextOptionsBuilder<SqliteSeriousCasesDbContext>();
            DatabaseSetup.ConfigureSqlite(options, connectionString);
            return new SqliteSeriousCasesDbContext(options.Options, actor, clock);
        }

        var pg = new DbContextOptionsBuilder<PostgresSeriousCasesDbContext>();
        DatabaseSetup.ConfigurePostgres(pg, connectionString);
        return new PostgresSeriousCasesDbContext(pg.Options, actor, clock);
    }

    private static async Task<string> TemplateAsync(DatabaseProvider provider, bool withDemoData)
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (Templates.TryGetValue(withDemoData, out var existing))
            {
                return existing;
            }

            var name = $"scl_template_{(withDemoData ? "demo" : "empty")}_{Guid.NewGuid().ToString("N")[..8]}";
            string connectionString;
            if (provider == DatabaseProvider.Sqlite)
            {
                Directory.CreateDirectory(RunFolder);
                var path = Path.Combine(RunFolder, name + ".db");
                connectionString = SqliteConnectionString(path);
                await BuildAsync(provider, connectionString, withDemoData);
                SqliteConnection.ClearAllPools();
                Templates[withDemoData] = path;
                return path;
            }

            await using (var server = new NpgsqlConnection(TestEnvironment.PostgresServer))
            {
                await server.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", server);
                await create.ExecuteNonQueryAsync();
            }

            connectionString = PostgresDatabase(name);
            await BuildAsync(provider, connectionString, withDemoData);
            // A template must have no open connections when it is copied.
            NpgsqlConnection.ClearAllPools();
            Templates[withDemoData] = name;
            return name;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    private static async Task BuildAsync(DatabaseProvider provider, string connectionString, bool withDemoData)
    {
        await using var db = CreateContext(provider, connectionString, new SystemActor("system:test"), TimeProvider.System);
        var initializer = new DatabaseInitializer(db, NullLogger<DatabaseInitializer>.Instance);
        await initializer.MigrateAsync();
        if (withDemoData)
        {
            await initializer.SeedDemoIfEmptyAsync();
        }
    }

    // Pooling off for SQLite so a deleted or copied file is never held open by an idle connection.
    private static string SqliteConnectionString(string path) => $"Data Source={path};Pooling=False";

    private static string PostgresDatabase(string name) =>
        new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresServer) { Database = name, MaxPoolSize = 16 }.ConnectionString;
}
