using Microsoft.AspNetCore.Mvc.Testing;
using SeriousCases.Core.Demo;
using SeriousCases.Tests.Support;
using SeriousCases.Web.Infrastructure.Security;

namespace SeriousCases.Tests.Resilience;

/// <summary>Every route (pages and API), for a visitor and for every demo user, answers with the security headers,
/// whatever the answer is (the page, a redirect to sign in, access denied, not found).</summary>
public sealed class SecurityHeadersWalkTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    private static IEnumerable<string> Missing(HttpResponseMessage response, bool expectHsts)
    {
        string? Header(string name) =>
            response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
            : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(",", content) : null;

        if (Header("Content-Security-Policy") != SecurityHeaders.ContentSecurityPolicy)
        {
            yield return "Content-Security-Policy";
        }

        var expected = new Dictionary<string, string>
        {
            ["X-Content-Type-Options"] = "nosniff",
            ["X-Frame-Options"] = "DENY",
            ["Referrer-Policy"] = "same-origin",
            ["Cross-Origin-Opener-Policy"] = "same-origin",
            ["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()",
            ["Cache-Control"] = "no-store",
        };
        foreach (var (name, value) in expected.Where(e => Header(e.Key) != e.Value))
        {
            yield return $"{name} (got '{Header(name)}')";
        }

        if (expectHsts && !(Header("Strict-Transport-Security") ?? "").Contains("max-age=31536000", StringComparison.Ordinal))
        {
            yield return "Strict-Transport-Security";
        }

        if (Header("Server") is not null)
        {
            yield return "Server (should not be sent)";
        }
    }

    [Fact]
    public async Task Every_route_for_every_user_carries_the_security_headers()
    {
        var routes = RouteWalk.All(app.Services).Where(r => r.Method == "GET").ToList();
        // The visitor asks on the service's real host name: HSTS is never sent to localhost.
        var visitor = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://scl.dwp.example.test"), AllowAutoRedirect = false });
        var callers = new List<(string Name, HttpClient Client, bool Hsts)> { ("anonymous", visitor, true) };
        foreach (var user in DemoUsers.All)
        {
            callers.Add((user.Email, await app.SignInAsync(user.Email), false));
        }

        var failures = new List<string>();
        var checkedAnswers = 0;
        foreach (var route in routes)
        {
            foreach (var (name, client, hsts) in callers)
            {
                var response = await client.GetAsync(route.Url);
                checkedAnswers++;
                var missing = Missing(response, hsts).ToList();
                if (missing.Count > 0)
                {
                    failures.Add($"GET {route.Url} as {name} ({(int)response.StatusCode}): {string.Join(", ", missing)}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(40)));
        Assert.True(checkedAnswers >= routes.Count * callers.Count);
    }

    [Fact]
    public async Task Static_assets_may_be_cached_but_still_carry_nosniff_and_the_csp()
    {
        var response = await app.CreateBrowserlessClient().GetAsync("/css/application.css");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
    }
}
