using System.CommandLine;
using SeriousCases.Cli.Commands;

namespace SeriousCases.Cli;

/// <summary>Entry point. A named class (not top-level statements) so tests can reference both the CLI
/// and the web app, whose entry point is the global <c>Program</c>.</summary>
public static class CliProgram
{
    public static RootCommand CreateRoot() => new(
        "Serious Case Learning command line: database, demo data, audit trail, API tokens, imports and the annual publication. " +
        "Reads the same configuration as the web app (appsettings.json and environment variables such as Database__Provider).")
    {
        DatabaseCommands.Migrate(),
        DatabaseCommands.SeedDemo(),
        AuditCommands.Create(),
        TokenCommands.Create(),
        MigrationsCommand.Create(),
        ImportCommands.Create(),
        RetentionCommands.Create(),
        PublicationCommands.Create(),
        ThemeCommands.Create(),
    };

    public static Task<int> Main(string[] args) => CreateRoot().Parse(args).InvokeAsync();
}
