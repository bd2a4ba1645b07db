using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SeriousCases.Cli;
using SeriousCases.Core.Identity;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Foundation;

public sealed class ApiAndSecurityTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    private HttpClient WithToken(string token)
    {
        var client = app.CreateBrowserlessClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<string> CliTokenAsync(params string[] extra)
    {
        var output = new StringWriter();
        var exit = await CliHost.InvokeAsync(["tokens", "create", "--user", "analyst@demo.test", .. extra], app.Database.Settings, output, new StringWriter());
        Assert.Equal(0, exit);
        return output.ToString().Trim();
    }

    [Fact]
    public async Task A_token_from_the_cli_authenticates_the_api_as_its_user()
    {
        var token = await CliTokenAsync();
        Assert.StartsWith("scl_", token);
        Assert.DoesNotContain('\n', token);

        var me = await WithToken(token).GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal("analyst@demo.test", me.GetProperty("email").GetString());
        Assert.Equal(["Analyst"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        var stored = await app.WithDbAsync(db => Task.FromResult(db.ApiTokens.Select(t => t.TokenHash).ToList()));
        Assert.DoesNotContain(token, stored);
    }

    [Theory]
    [InlineData("scl_not-a-real-token")]
    [InlineData("garbage")]
    public async Task A_wrong_token_gets_401_problem_details(string token)
    {
        var response = await WithToken(token).GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_revoked_token_stops_working()
    {
        var token = await CliTokenAsync("--name", "to revoke");
        Assert.Equal(HttpStatusCode.OK, (await WithToken(token).GetAsync("/api/v1/me")).StatusCode);
        var exit = await CliHost.InvokeAsync(["tokens", "revoke", token[..12]], app.Database.Settings, new StringWriter(), new StringWriter());
        Assert.Equal(0, exit);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithToken(token).GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var token = await app.WithDbAsync(async db =>
        {
            var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TimeProvider.System.GetUtcNow().AddDays(-40));
            var created = await new ApiTokenService(db, clock).CreateAsync("analyst@demo.test", "old", TimeSpan.FromDays(30), CancellationToken.None);
            return created.Token;
        });
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithToken(token).GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task The_api_answers_problems_not_redirects_and_publishes_its_openapi_document()
    {
        var anonymous = await app.CreateBrowserlessClient().GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);

        var unknown = await WithToken(await CliTokenAsync()).GetAsync("/api/v1/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);

        var openApi = await app.CreateBrowserlessClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = openApi.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/me", out _));
        Assert.True(paths.TryGetProperty("/api/v1/service-lines/{id}", out _));
    }

    [Fact]
    public async Task Pages_carry_the_security_headers_and_the_csp_hash_matches_the_served_script()
    {
        var client = app.CreateBrowserlessClient();
        var response = await client.GetAsync("/sign-in");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        var page = await response.ReadDocumentAsync();
        var inline = page.QuerySelectorAll("script:not([src])").Select(s => s.TextContent).ToList();
        var script = Assert.Single(inline);
        var hash = "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)));
        Assert.Contains($"'{hash}'", csp);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.True(response.Headers.CacheControl?.NoStore);

        // HSTS is never sent to localhost, so ask as the service's real host name.
        var onItsHost = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://scl.dwp.example.test/sign-in"));
        Assert.Contains("max-age=31536000", onItsHost.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task Cookies_are_secure_and_http_only_and_forms_need_the_antiforgery_token()
    {
        var client = app.CreateBrowserlessClient();
        var form = await client.GetFormAsync("/sign-in");
        var signIn = await client.PostAsync("/sign-in?handler=Demo", form.With("email", "admin@demo.test").ToContent());
        var auth = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("scl-auth=", StringComparison.Ordinal));
        Assert.Contains("secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", auth, StringComparison.OrdinalIgnoreCase);

        var forged = await app.CreateBrowserlessClient().PostAsync("/sign-in?handler=Demo",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = "admin@demo.test" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }
}
