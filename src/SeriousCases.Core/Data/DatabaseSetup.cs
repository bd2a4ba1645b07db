using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SeriousCases.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Database settings: <c>Database:Provider</c> chooses SQLite (default) or PostgreSQL;
/// <c>ConnectionStrings:Sqlite</c> / <c>ConnectionStrings:Postgres</c> say where.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public string SqliteConnectionString { get; set; } = "Data Source=data/seriouscases.db";
    public string? PostgresConnectionString { get; set; }

    public static DatabaseOptions From(IConfiguration configuration)
    {
        var options = new DatabaseOptions();
        var provider = configuration["Database:Provider"];
        if (!string.IsNullOrWhiteSpace(provider))
        {
            options.Provider = provider.Trim().ToLowerInvariant() switch
            {
                "sqlite" => DatabaseProvider.Sqlite,
                "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
                _ => throw new InvalidOperationException(
                    $"Database:Provider is '{provider}'. Set it to Sqlite or Postgres."),
            };
        }

        options.SqliteConnectionString = AnchorSqlitePath(configuration.GetConnectionString("Sqlite") ?? options.SqliteConnectionString);
        options.PostgresConnectionString = configuration.GetConnectionString("Postgres");
        if (options.Provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(options.PostgresConnectionString))
        {
            throw new InvalidOperationException(
                "Database:Provider is Postgres but ConnectionStrings:Postgres is empty. Set ConnectionStrings__Postgres.");
        }

        return options;
    }

    /// <summary>A relative SQLite path is taken from the repository root (the folder holding
    /// SeriousCases.slnx) so the web app and the CLI share one file wherever they are started from;
    /// outside a source checkout it is taken from the current directory.</summary>
    private static string AnchorSqlitePath(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is "" or ":memory:" || Path.IsPathRooted(builder.DataSource))
        {
            return connectionString;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SeriousCases.slnx")))
            {
                builder.DataSource = Path.Combine(dir.FullName, builder.DataSource);
                return builder.ToString();
            }
        }

        return connectionString;
    }
}

public static class DatabaseSetup
{
    /// <summary>Registers <see cref="SeriousCasesDbContext"/> for the configured provider.</summary>
    public static IServiceCollection AddSeriousCasesDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var options = DatabaseOptions.From(configuration);
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        // The options are built once, not for every request's context: building them (reading the connection string,
        // finding EF Core's services for them) cost about half a millisecond a context, measured on PostgreSQL.
        if (options.Provider == DatabaseProvider.Postgres)
        {
            services.AddDbContext<SeriousCasesDbContext, PostgresSeriousCasesDbContext>(o => ConfigurePostgres(o, options.PostgresConnectionString!), optionsLifetime: ServiceLifetime.Singleton);
        }
        else
        {
            EnsureSqliteFolder(options.SqliteConnectionString);
            services.AddDbContext<SeriousCasesDbContext, SqliteSeriousCasesDbContext>(o => ConfigureSqlite(o, options.SqliteConnectionString), optionsLifetime: ServiceLifetime.Singleton);
        }

        return services;
    }

    public static void ConfigurePostgres(DbContextOptionsBuilder o, string connectionString) =>
        o.UseNpgsql(WithAutoPrepare(connectionString), n => n.MigrationsHistoryTable("__ef_migrations_history")).AddInterceptors(NulTextInterceptor.Instance);

    /// <summary>The register and the lists run the same few statements all day: Npgsql prepares them once used
    /// repeatedly, so PostgreSQL stops planning each of them again (a few milliseconds each). A connection string
    /// that sets its own "Max Auto Prepare" (or "No Reset On Close") keeps it.</summary>
    public static string WithAutoPrepare(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase) && !connectionString.Contains("AutoPrepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 64;
        }

        // A page runs several short queries, each taking a pooled connection: resetting the session on every return
        // is a round trip each time. Nothing here keeps session state (advisory locks are transaction-scoped).
        if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase) && !connectionString.Contains("NoResetOnClose", StringComparison.OrdinalIgnoreCase))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    public static void ConfigureSqlite(DbContextOptionsBuilder o, string connectionString) =>
        o.UseSqlite(connectionString).AddInterceptors(NulTextInterceptor.Instance);

    private static void EnsureSqliteFolder(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder) && builder.DataSource != ":memory:")
        {
            Directory.CreateDirectory(folder);
        }
    }
}
