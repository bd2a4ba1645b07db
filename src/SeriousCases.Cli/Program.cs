using System.CommandLine;
using SeriousCases.Cli.Commands;

var root = new RootCommand("Serious Case Learning command line: database, demo data, audit and API tokens.")
{
    MigrationsCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
