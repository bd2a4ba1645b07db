using System.CommandLine;
using SeriousCases.Cli.Commands;

var root = new RootCommand("Serious Case Learning command line: database, demo data, audit trail and API tokens. " +
    "Reads the same configuration as the web app (appsettings.json and environment variables such as Database__Provider).")
{
    DatabaseCommands.Migrate(),
    DatabaseCommands.SeedDemo(),
    AuditCommands.Create(),
    TokenCommands.Create(),
    MigrationsCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
