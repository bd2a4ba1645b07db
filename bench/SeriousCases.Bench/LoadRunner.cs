using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace SeriousCases.Bench;

/// <param name="Only">"register" measures only the action register and its reference; null measures everything.</param>
/// <param name="RegisterUsers">Concurrent users on the register's pages and their reference.</param>
public sealed record LoadSettings(Uri BaseUrl, string Email, TimeSpan Duration, int MaxRequests, int Connections, FileInfo? Markdown, string? Only = null, int RegisterUsers = 8);

public sealed record Measurement(string Name, string Path, long Requests, long Failures, double PerSecond, double P50Ms, double P99Ms);

/// <summary>A closed-loop load on loopback: a fixed number of connections, each sending its next request
/// when the last one answered, for a fixed time or count per endpoint. Pages are reported as ratios
/// to reference endpoints measured in the same run, so the figures travel between machines.</summary>
public static partial class LoadRunner
{
    public static async Task<int> RunAsync(LoadSettings settings, TextWriter log, CancellationToken ct)
    {
        using var handler = new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = settings.Connections,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        };
        using var client = new HttpClient(handler) { BaseAddress = settings.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        // As behind the TLS-terminating proxy of a real deployment (the service trusts loopback proxies).
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var cookie = await SignInAsync(client, settings.Email, ct);
        var (newest, oldest) = await AuditRangeAsync(client, cookie, ct);
        var record = Math.Max(1, newest / 2);

        // An IPR's pages as Triage reads them (they see every case); each view also appends to the audit trail.
        var triage = await SignInAsync(client, "triage@demo.test", ct);
        var ipr = await FirstCaseAsync(client, triage, ct);

        // The action register as an owner reads it (their teams' activities, the default) and as the secretariat
        // reads the overdue view, on the first page and far into the list (keyset: the same cost at any depth).
        var owner = await SignInAsync(client, "owner@demo.test", ct);
        var secretariat = await SignInAsync(client, "secretariat@demo.test", ct);
        var ownerDeep = await DeepPageAsync(client, owner, "/actions", RegisterDepth, ct);
        var overdueDeep = await DeepPageAsync(client, secretariat, "/actions?overdue=true", RegisterDepth, ct);

        var endpoints = new (string Name, string Path, string Cookie)[]
        {
            ("Bare endpoint (reference)", "/bench/bare", cookie),
            ("Home page", "/", cookie),
            ("Audit list without data (reference)", "/bench/audit-without-data", cookie),
            ("Audit list, first page of 50", "/admin/audit", cookie),
            ("Audit list, deep page", $"/admin/audit?after={oldest + 100}", cookie),
            ("Audit record, raw ADO.NET (reference)", $"/bench/raw-audit/{record}", cookie),
            ("Audit record through EF Core", $"/admin/audit/{record}", cookie),
            ("IPR overview page (audited view)", $"/investigations/{ipr}", triage),
            ("IPR report page (audited view)", $"/investigations/{ipr}/report", triage),
            ("IPR report as a Word document", $"/investigations/{ipr}/report.docx", triage),
            ("Register without data (reference)", "/bench/actions-without-data", secretariat),
            ("Owner's register, first page", "/actions", owner),
            ($"Owner's register, page {RegisterDepth + 1}", ownerDeep, owner),
            ("Overdue view, first page", "/actions?overdue=true", secretariat),
            ($"Overdue view, page {RegisterDepth + 1}", overdueDeep, secretariat),
        };
        // The register's goal is set for eight concurrent users (fewer show what a request costs without queueing).
        int ConnectionsFor(int index) => index >= 10 ? settings.RegisterUsers : settings.Connections;
        // "--only register": the register's pages and their reference alone, for quick before-and-after comparisons.
        var registerOnly = string.Equals(settings.Only, "register", StringComparison.OrdinalIgnoreCase);
        bool Selected(int index) => !registerOnly || index >= 10;

        await log.WriteLineAsync(Wrk.IsInstalled
            ? "Load from wrk (Debian), which leaves more of the machine to the service than a .NET client."
            : "Load from the built-in .NET client (install wrk for higher ceilings).");
        var results = new Dictionary<string, Measurement>();
        for (var index = 0; index < endpoints.Length; index++)
        {
            if (!Selected(index))
            {
                continue;
            }

            var (name, path, endpointCookie) = endpoints[index];
            var connections = ConnectionsFor(index);
            // Warm-up: JIT, connection pools, query plans.
            await MeasureAsync(client, endpointCookie, name, path, TimeSpan.FromSeconds(2), settings.MaxRequests, connections, ct);
            var m = Wrk.IsInstalled
                ? await Wrk.MeasureAsync(settings.BaseUrl, endpointCookie, name, path, settings.Duration, connections, ct)
                : await MeasureAsync(client, endpointCookie, name, path, settings.Duration, settings.MaxRequests, connections, ct);
            results[path] = m;
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{name,-40} {m.PerSecond,9:N0} req/s  p50 {m.P50Ms,6:F2} ms  p99 {m.P99Ms,6:F2} ms  ({m.Requests:N0} requests, {m.Failures} failed)"));
            if (m.Failures > 0)
            {
                await log.WriteLineAsync($"  {path} answered with errors: the figures above are not valid.");
                return 1;
            }
        }

        double Rate(int i) => results.TryGetValue(endpoints[i].Path, out var m) ? m.PerSecond : double.NaN;
        double P99(int i) => results.TryGetValue(endpoints[i].Path, out var m) ? m.P99Ms : double.NaN;
        var ratios = new (string Name, double Value, double Goal, bool HigherIsBetter)[]
        {
            ("Home page / bare endpoint", Rate(1) / Rate(0), 0, true),
            ("Audit list / same page without data", Rate(3) / Rate(2), 0.10, true),
            ("Audit list deep page cost / first page cost", Rate(3) / Rate(4), 2.0, false),
            ("Record through EF Core / raw ADO.NET", Rate(6) / Rate(5), 0.5, true),
            ("IPR report page / home page", Rate(8) / Rate(1), 0.05, true),
            ("IPR Word document / report page", Rate(9) / Rate(8), 0, true),
            ("Owner's register / same page without data", Rate(11) / Rate(10), 0.10, true),
            ("Owner's register deep page / same page without data", Rate(12) / Rate(10), 0.10, true),
            ("Overdue view / same page without data", Rate(13) / Rate(10), 0.10, true),
            ("Overdue view deep page / same page without data", Rate(14) / Rate(10), 0.10, true),
            ($"Owner's register p99 ms, {settings.RegisterUsers} users", P99(11), 25, false),
            ($"Owner's register deep page p99 ms, {settings.RegisterUsers} users", P99(12), 25, false),
            ($"Overdue view p99 ms, {settings.RegisterUsers} users", P99(13), 25, false),
            ($"Overdue view deep page p99 ms, {settings.RegisterUsers} users", P99(14), 25, false),
        };

        await log.WriteLineAsync();
        var markdown = new StringBuilder();
        markdown.AppendLine("| Endpoint | Requests/s | p50 ms | p99 ms |").AppendLine("| --- | ---: | ---: | ---: |");
        foreach (var (name, path, _) in endpoints)
        {
            if (!results.TryGetValue(path, out var m))
            {
                continue;
            }

            markdown.AppendLine(CultureInfo.InvariantCulture, $"| {name} (`{path}`) | {m.PerSecond:N0} | {m.P50Ms:F2} | {m.P99Ms:F2} |");
        }

        markdown.AppendLine().AppendLine("| Ratio | Value | Goal | Met |").AppendLine("| --- | ---: | ---: | --- |");
        var allMet = true;
        foreach (var (name, value, goal, higher) in ratios)
        {
            if (double.IsNaN(value))
            {
                continue;
            }

            var met = goal == 0 || (higher ? value >= goal : value <= goal);
            allMet &= met;
            var goalText = goal == 0 ? "(reported)" : higher ? $"≥ {goal:F2}" : $"≤ {goal:F2}";
            markdown.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {value:F2} | {goalText} | {(goal == 0 ? "" : met ? "yes" : "NO")} |");
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{name,-46} {value,6:F2}  goal {goalText}"));
        }

        if (settings.Markdown is { } file)
        {
            await File.WriteAllTextAsync(file.FullName, markdown.ToString(), ct);
        }

        return allMet ? 0 : 2;
    }

    private static async Task<Measurement> MeasureAsync(HttpClient client, string cookie, string name, string path,
        TimeSpan duration, int maxRequests, int connections, CancellationToken ct)
    {
        long issued = 0;
        long failures = 0;
        var latencies = new List<double>[connections];
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(async w =>
        {
            var mine = latencies[w] = new List<double>(4096);
            while (clock.Elapsed < duration && Interlocked.Increment(ref issued) <= maxRequests)
            {
                var start = Stopwatch.GetTimestamp();
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                request.Headers.Add("Cookie", cookie);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref failures);
                }

                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }).ToArray();
        await Task.WhenAll(workers);
        var elapsed = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new Measurement(name, path, all.Length, failures, all.Length / elapsed, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    /// <summary>Demo sign-in as a browser does it: the form's antiforgery token, then the POST. Cookies are
    /// carried by hand because the service marks them Secure and the benchmark talks plain HTTP to it.</summary>
    internal static async Task<string> SignInAsync(HttpClient client, string email, CancellationToken ct)
    {
        using var page = await client.GetAsync("/sign-in", ct);
        page.EnsureSuccessStatusCode();
        var html = await page.Content.ReadAsStringAsync(ct);
        var token = AntiforgeryField().Match(html).Groups[1].Value;
        var antiforgery = Cookies(page);

        using var post = new HttpRequestMessage(HttpMethod.Post, "/sign-in?handler=Demo")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["email"] = email,
                ["returnUrl"] = "/",
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            }),
        };
        post.Headers.Add("Cookie", antiforgery);
        using var signedIn = await client.SendAsync(post, ct);
        var auth = Cookies(signedIn);
        if (signedIn.StatusCode != HttpStatusCode.Redirect || !auth.Contains("scl-auth=", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Demo sign-in as {email} failed ({(int)signedIn.StatusCode}). Is Demo:Enabled true?");
        }

        return auth;
    }

    private static async Task<(long Newest, long Oldest)> AuditRangeAsync(HttpClient client, string cookie, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/audit");
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        var newest = long.Parse(EntryLink().Match(await response.Content.ReadAsStringAsync(ct)).Groups[1].Value, CultureInfo.InvariantCulture);
        return (newest, 1);
    }

    private static async Task<string> FirstCaseAsync(HttpClient client, string cookie, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/investigations");
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        var match = CaseLink().Match(await response.Content.ReadAsStringAsync(ct));
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException("Triage's list of open IPRs is empty: generate data first.");
    }

    /// <summary>How many "Next page" links the benchmark follows for the register's deep pages.</summary>
    private const int RegisterDepth = 40;

    /// <summary>Follows the register's "Next page" link up to <paramref name="depth"/> times, as someone paging through would.</summary>
    private static async Task<string> DeepPageAsync(HttpClient client, string cookie, string path, int depth, CancellationToken ct)
    {
        for (var i = 0; i < depth; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("Cookie", cookie);
            using var response = await client.SendAsync(request, ct);
            response.EnsureSuccessStatusCode();
            var next = NextPageLink().Match(await response.Content.ReadAsStringAsync(ct));
            if (!next.Success)
            {
                throw new InvalidOperationException($"{path} has fewer than {depth + 1} pages: generate data first.");
            }

            path = WebUtility.HtmlDecode(next.Groups[1].Value);
        }

        return path;
    }

    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0])
            : []);

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("href=\"/investigations/([0-9a-f-]{36})\"")]
    private static partial Regex CaseLink();

    [GeneratedRegex("href=\"(/actions\\?[^\"]*after=[^\"]*)\" rel=\"next\"")]
    private static partial Regex NextPageLink();

    [GeneratedRegex("href=\"/admin/audit/(\\d+)\"")]
    private static partial Regex EntryLink();
}
