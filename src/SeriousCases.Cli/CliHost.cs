using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SeriousCases.Core.Audit;
using SeriousCases.Core.Data;
using SeriousCases.Core.Identity;

namespace SeriousCases.Cli;

/// <summary>Builds the same configuration and services as the web app (appsettings.json, then
/// appsettings.{Environment}.json, then environment variables such as Database__Provider).</summary>
public static class CliHost
{
    private static readonly AsyncLocal<CliContext?> Current = new();

    /// <summary>Where the commands write; the console unless a caller (a test) runs them in-process.</summary>
    public static TextWriter Out => Current.Value?.Out ?? Console.Out;

    public static TextWriter Error => Current.Value?.Error ?? Console.Error;

    /// <summary>Runs the CLI in-process with extra settings and captured output, without touching
    /// process-wide environment variables.</summary>
    public static async Task<int> InvokeAsync(string[] args, IReadOnlyDictionary<string, string?> settings, TextWriter output, TextWriter error)
    {
        Current.Value = new CliContext(settings, output, error);
        try
        {
            return await CliProgram.CreateRoot().Parse(args).InvokeAsync();
        }
        finally
        {
            Current.Value = null;
        }
    }

    public static ServiceProvider Build()
    {
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Production";
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, $"appsettings.{environment}.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(Current.Value?.Settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        // EF Core logs its probe of a not-yet-created migrations table on a fresh PostgreSQL database as a
        // failed command; a failure that matters reaches the user as the command's own error instead.
        services.AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None));
        services.AddSingleton<IAuditActor>(new SystemActor("system:cli"));
        services.AddSeriousCasesDatabase(configuration);
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<AuditChainVerifier>();
        services.AddScoped<ApiTokenService>();
        services.AddScoped<Core.Insight.InsightImporter>();
        services.AddScoped<Core.Retention.RetentionService>();
        services.AddOptions<Core.Publication.PublicationOptions>().Bind(configuration.GetSection(Core.Publication.PublicationOptions.Section));
        services.AddScoped<Core.Publication.PublicationBuilder>();
        services.AddSingleton<Core.Themes.ThemeClassifier>();
        services.AddScoped<Core.Themes.ThemeClassifierService>();
        services.AddSingleton<Core.Themes.FindingTextIndex>();
        services.AddScoped<Core.Themes.RepeatLearningService>();
        return services.BuildServiceProvider();
    }

    /// <summary>Runs work in a DI scope and turns rule violations into a message on stderr and exit code 2.</summary>
    public static async Task<int> RunAsync(Func<IServiceProvider, Task<int>> work)
    {
        await using var provider = Build();
        await using var scope = provider.CreateAsyncScope();
        try
        {
            return await work(scope.ServiceProvider);
        }
        catch (Core.Common.DomainValidationException ex)
        {
            await Error.WriteLineAsync(ex.Message);
            return 2;
        }
    }
}

internal sealed record CliContext(IReadOnlyDictionary<string, string?> Settings, TextWriter Out, TextWriter Error);
