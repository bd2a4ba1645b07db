#pragma warning disable EF1001 // The scaffolder services are EF Core's design-time API (what dotnet-ef itself calls).
using System.CommandLine;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.EntityFrameworkCore.Sqlite.Design.Internal;
using Microsoft.Extensions.DependencyInjection;
using Npgsql.EntityFrameworkCore.PostgreSQL.Design.Internal;
using SeriousCases.Core.Data;

namespace SeriousCases.Cli.Commands;

/// <summary>Developer command: scaffolds a migration for both providers. The dotnet-ef tool is not
/// available from this machine's package mirror, so the CLI drives EF Core's own scaffolder.</summary>
internal static class MigrationsCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "Migration name, e.g. AddRetentionRules" };
        var project = new Option<DirectoryInfo>("--core-project")
        {
            Description = "Folder of src/SeriousCases.Core",
            DefaultValueFactory = _ => new DirectoryInfo("src/SeriousCases.Core"),
        };
        var add = new Command("add", "Scaffold a migration for SQLite and for PostgreSQL") { name, project };
        add.SetAction(parse =>
        {
            var migrationName = parse.GetValue(name)!;
            var dir = parse.GetValue(project)!.FullName;
            Scaffold(new SqliteDesignTimeFactory().CreateDbContext([]), new SqliteDesignTimeServices(), migrationName, dir, "Sqlite");
            Scaffold(new PostgresDesignTimeFactory().CreateDbContext([]), new NpgsqlDesignTimeServices(), migrationName, dir, "Postgres");
            return 0;
        });
        return new Command("migrations", "Developer tools for database migrations") { add };
    }

    private static void Scaffold(SeriousCasesDbContext context, IDesignTimeServices providerServices, string name, string projectDir, string folder)
    {
        using (context)
        {
            var services = new ServiceCollection();
            services.AddEntityFrameworkDesignTimeServices();
            services.AddDbContextDesignTimeServices(context);
            providerServices.ConfigureDesignTimeServices(services);
            using var provider = services.BuildServiceProvider();
            var scaffolder = provider.GetRequiredService<IMigrationsScaffolder>();
            var migration = scaffolder.ScaffoldMigration(name, "SeriousCases.Core", $"Data.Migrations.{folder}", "C#");
            var files = scaffolder.Save(projectDir, migration, Path.Combine(projectDir, "Data", "Migrations", folder));
            CliHost.Out.WriteLine($"{folder}: {files.MigrationFile}");
        }
    }
}
