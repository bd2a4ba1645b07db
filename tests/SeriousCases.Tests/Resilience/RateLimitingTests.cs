using System.Net;
using System.Net.Http.Headers;
using SeriousCases.Core.Identity;
using SeriousCases.Tests.Support;
using SeriousCases.Web.Infrastructure.Security;

namespace SeriousCases.Tests.Resilience;

/// <summary>Sign-in and the API are rate-limited per client address with limits from configuration; a refused
/// request gets 429 with Retry-After, as a GOV.UK page or as problem details.</summary>
public sealed class RateLimitingTests(RateLimitingTests.LowLimits app) : IClassFixture<RateLimitingTests.LowLimits>
{
    public sealed class LowLimits : ServiceFactory
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["RateLimiting:SignIn:PermitLimit"] = "3",
            ["RateLimiting:SignIn:WindowSeconds"] = "300",
            ["RateLimiting:Api:PermitLimit"] = "5",
            ["RateLimiting:Api:WindowSeconds"] = "300",
        };
    }

    [Fact]
    public async Task The_fourth_sign_in_attempt_in_the_window_gets_a_429_page_and_nothing_is_lost_by_reading_the_page()
    {
        var client = app.CreateBrowserlessClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            // Reading the sign-in page is never limited; only attempts are.
            var form = await client.GetFormAsync("/sign-in");
            statuses.Add((await client.PostAsync("/sign-in?handler=Demo", form.With("email", "nobody-" + i + "@demo.test").ToContent())).StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(3));
        var refused = await client.PostAsync("/sign-in?handler=Demo", (await client.GetFormAsync("/sign-in")).With("email", "admin@demo.test").ToContent());
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        var page = await refused.ReadDocumentAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("Sorry, there have been too many attempts", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(refused.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task The_api_answers_429_problem_details_past_its_limit()
    {
        var token = await app.WithDbAsync(async db =>
            (await new ApiTokenService(db, TimeProvider.System).CreateAsync("analyst@demo.test", "rate", TimeSpan.FromDays(1), CancellationToken.None)).Token);
        var client = app.CreateBrowserlessClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            statuses.Add((await client.GetAsync("/api/v1/me")).StatusCode);
        }

        Assert.All(statuses.Take(5), s => Assert.Equal(HttpStatusCode.OK, s));
        var refused = await client.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Retry-After", refused.Headers.Select(h => h.Key));
        // Pages are not counted against the API's limit.
        Assert.Equal(HttpStatusCode.OK, (await app.CreateBrowserlessClient().GetAsync("/help/accessibility")).StatusCode);
    }

    [Theory]
    [InlineData(0, 60)]
    [InlineData(10, 0)]
    public void Limits_below_one_are_refused_at_start_with_the_setting_named(int permits, int seconds)
    {
        var settings = new RateLimitSettings { SignIn = new() { PermitLimit = permits, WindowSeconds = seconds } };
        var error = Assert.Throws<InvalidOperationException>(settings.Validate);
        Assert.Contains("RateLimiting:SignIn", error.Message, StringComparison.Ordinal);
    }
}
