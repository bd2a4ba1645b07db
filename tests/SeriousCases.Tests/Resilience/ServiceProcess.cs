using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SeriousCases.Core.Data;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Resilience;

/// <summary>A real copy of the web service: <c>dotnet SeriousCases.Web.dll</c> as its own process on a free loopback
/// port, against a test database. <see cref="Kill"/> is kill -9 (SIGKILL to the process tree).</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly List<string> log = [];

    private ServiceProcess(Process process, int port)
    {
        this.process = process;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public int ProcessId => process.Id;

    /// <summary>The last lines the service wrote (for a failure message; never personal data).</summary>
    public string Tail
    {
        get
        {
            lock (log)
            {
                return string.Join(Environment.NewLine, log.TakeLast(30));
            }
        }
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SeriousCases.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (SeriousCases.slnx) was not found above the test binaries.");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts a copy on <paramref name="port"/> (a free one by default) and waits until /health answers.</summary>
    public static async Task<ServiceProcess> StartAsync(TestDatabase database, bool scheduling = false, int? port = null,
        IReadOnlyDictionary<string, string>? extra = null)
    {
        var root = RepositoryRoot();
        var webFolder = Path.Combine(root, "src", "SeriousCases.Web");
        var dll = Directory.GetFiles(Path.Combine(webFolder, "bin"), "SeriousCases.Web.dll", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}ref{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault()
            ?? throw new InvalidOperationException("Build src/SeriousCases.Web first (dotnet build SeriousCases.slnx).");
        var chosen = port ?? FreePort();
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = webFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var env = start.Environment;
        env["ASPNETCORE_URLS"] = $"http://127.0.0.1:{chosen}";
        // Development: plain HTTP on loopback with cookies that allow it (as the browser tests run Kestrel).
        env["ASPNETCORE_ENVIRONMENT"] = "Development";
        env["DOTNET_ENVIRONMENT"] = "Development";
        foreach (var (key, value) in database.Settings)
        {
            env[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        env["Demo__Enabled"] = "true";
        env["Demo__SeedWhenEmpty"] = "false";
        env["Scheduling__Enabled"] = scheduling ? "true" : "false";
        env["RateLimiting__SignIn__PermitLimit"] = "1000000";
        env["RateLimiting__Api__PermitLimit"] = "1000000";
        env["Serilog__MinimumLevel__Default"] = "Warning";
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            env[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var service = new ServiceProcess(process, chosen);
        process.OutputDataReceived += (_, e) => service.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => service.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await service.WaitHealthyAsync(TimeSpan.FromMinutes(3));
        return service;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.Add(line);
            if (log.Count > 200)
            {
                log.RemoveAt(0);
            }
        }
    }

    private async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The service exited with {process.ExitCode}:{Environment.NewLine}{Tail}");
            }

            try
            {
                if ((await client.GetAsync(new Uri(BaseAddress, "/health"))).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The service on port {Port} did not become healthy in {timeout}:{Environment.NewLine}{Tail}");
    }

    /// <summary>kill -9: the process gets no chance to finish anything.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(30_000);
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        process.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>A test that applies to PostgreSQL only (the production database: several copies of the service, pg_dump):
/// on the SQLite run it is reported as skipped with the reason.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute(string reason)
    {
        if (TestEnvironment.Provider != DatabaseProvider.Postgres)
        {
            Skip = "PostgreSQL only: " + reason;
        }
    }
}
