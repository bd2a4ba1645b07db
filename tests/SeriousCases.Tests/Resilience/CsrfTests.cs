using System.Net;
using SeriousCases.Core.Demo;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Resilience;

/// <summary>Cross-site request forgery: every form post of every page, as every demo user, without a valid
/// antiforgery token is refused (400, "problem with the request") or denied before it; never acted on.</summary>
public sealed class CsrfTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    private const string RefusedTitle = "Sorry, there is a problem with the request";

    /// <summary>True when a form post got past antiforgery: anything but the 400 error page.</summary>
    public static async Task<bool> PassedAntiforgeryAsync(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.BadRequest)
        {
            return true;
        }

        var html = await response.Content.ReadAsStringAsync();
        return !html.Contains(RefusedTitle, StringComparison.Ordinal) && html.Contains("govuk-error-summary", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_page_post_without_a_token_is_refused_for_every_user()
    {
        var pages = RouteWalk.All(app.Services).Where(r => r.IsPage && r.Method == "GET").ToList();
        var callers = new List<(string Name, HttpClient Client)> { ("anonymous", app.CreateBrowserlessClient()) };
        foreach (var user in DemoUsers.All)
        {
            callers.Add((user.Email, await app.SignInAsync(user.Email)));
        }

        var failures = new List<string>();
        var refused = 0;
        foreach (var page in pages)
        {
            foreach (var (name, client) in callers)
            {
                // A hostile page would post the form with the user's cookies but cannot read the token.
                var response = await client.PostAsync(page.Url, new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["email"] = "admin@demo.test",
                    ["text"] = "forged",
                    ["__RequestVerificationToken"] = "forged-token",
                }));
                Hostile.Count();
                var status = (int)response.StatusCode;
                var location = response.Headers.Location?.OriginalString ?? "";
                var denied = status is 401 or 403 or 404 or 405
                    || (status == 302 && (location.Contains("/sign-in", StringComparison.Ordinal) || location.Contains("/access-denied", StringComparison.Ordinal)));
                if (status == 400 && (await response.Content.ReadAsStringAsync()).Contains(RefusedTitle, StringComparison.Ordinal))
                {
                    refused++;
                }
                else if (!denied)
                {
                    failures.Add($"POST {page.Url} as {name}: {status} {location}");
                }
            }
        }

        Assert.True(failures.Count == 0, "Forged posts were not refused:" + Environment.NewLine + string.Join(Environment.NewLine, failures));
        Assert.True(refused > pages.Count, $"only {refused} posts reached the antiforgery check");
        Hostile.Report(null);
    }

    [Fact]
    public async Task A_token_from_someone_elses_session_is_refused()
    {
        var attacker = app.CreateBrowserlessClient();
        var attackersForm = await attacker.GetFormAsync("/sign-in");
        var victim = await app.SignInAsync("secretariat@demo.test");
        var form = await victim.GetFormAsync("/actions/new");
        var stolen = new FormValues(form.Fields.ToDictionary(f => f.Key, f => f.Value))
            .With("__RequestVerificationToken", attackersForm.Fields["__RequestVerificationToken"]);
        var response = await victim.PostAsync("/actions/new", stolen.With("text", "forged").ToContent());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(RefusedTitle, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_refuses_what_a_cross_site_form_can_send_with_the_users_cookie()
    {
        // A hostile page can only post a form (urlencoded, multipart or text/plain) without a CORS preflight; the
        // API reads JSON only, and the cookie is SameSite=Lax besides.
        var user = await app.SignInAsync("analyst@demo.test");
        var before = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.InsightItems));
        var bodies = new HttpContent[]
        {
            new FormUrlEncodedContent(new Dictionary<string, string> { ["source"] = "Complaints", ["externalReference"] = "CSRF-1", ["summary"] = "forged" }),
            new StringContent("""{"source":"Complaints","externalReference":"CSRF-2","receivedOn":"2026-01-01","summary":"forged"}""", System.Text.Encoding.UTF8, "text/plain"),
        };
        foreach (var body in bodies)
        {
            var response = await user.PostAsync("/api/v1/insight", body);
            Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnsupportedMediaType,
                $"POST /api/v1/insight as {body.Headers.ContentType} answered {(int)response.StatusCode}");
        }

        Assert.Equal(before, await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.InsightItems)));
    }
}
