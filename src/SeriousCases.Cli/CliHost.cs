using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SeriousCases.Core.Audit;
using SeriousCases.Core.Data;
using SeriousCases.Core.Identity;

namespace SeriousCases.Cli;

/// <summary>Builds the same configuration and services as the web app (appsettings.json, then
/// appsettings.{Environment}.json, then environment variables such as Database__Provider).</summary>
internal static class CliHost
{
    public static ServiceProvider Build()
    {
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Production";
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, $"appsettings.{environment}.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IAuditActor>(new SystemActor("system:cli"));
        services.AddSeriousCasesDatabase(configuration);
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<AuditChainVerifier>();
        services.AddScoped<ApiTokenService>();
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
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }
    }
}
