using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SeriousCases.Core.Data;

namespace SeriousCases.Cli.Commands;

internal static class DatabaseCommands
{
    public static Command Migrate()
    {
        var command = new Command("migrate", "Apply database migrations to the configured database (Database:Provider).");
        command.SetAction((_, ct) => CliHost.RunAsync(async sp =>
        {
            await sp.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
            CliHost.Out.WriteLine("The database is up to date.");
            return 0;
        }));
        return command;
    }

    public static Command SeedDemo()
    {
        var command = new Command("seed-demo", "Apply migrations, then load the demo data if the database is empty.");
        command.SetAction((_, ct) => CliHost.RunAsync(async sp =>
        {
            var initializer = sp.GetRequiredService<DatabaseInitializer>();
            await initializer.MigrateAsync(ct);
            var seeded = await initializer.SeedDemoIfEmptyAsync(ct);
            CliHost.Out.WriteLine(seeded ? "Demo data loaded." : "The database already holds data: nothing loaded.");
            return 0;
        }));
        return command;
    }
}
