using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Demo;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Foundation;

public sealed class HealthAndSignInTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task Health_answers_when_the_database_does()
    {
        var response = await app.CreateBrowserlessClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Each_request_has_a_correlation_id_that_reaches_the_audit_trail()
    {
        var client = app.CreateBrowserlessClient();
        client.DefaultRequestHeaders.Add("X-Correlation-Id", "support-call-0042");
        var form = await client.GetFormAsync("/sign-in");
        var response = await client.PostAsync("/sign-in?handler=Demo", form.With("email", "triage@demo.test").ToContent());

        Assert.Equal("support-call-0042", response.Headers.GetValues("X-Correlation-Id").Single());
        var audited = await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.CorrelationId == "support-call-0042" && e.ActorEmail == "triage@demo.test"));
        Assert.True(audited);

        var unsafeId = new HttpRequestMessage(HttpMethod.Get, "/health");
        unsafeId.Headers.TryAddWithoutValidation("X-Correlation-Id", "<script>");
        var generated = (await app.CreateBrowserlessClient().SendAsync(unsafeId)).Headers.GetValues("X-Correlation-Id").Single();
        Assert.Matches("^[0-9a-f]{32}$", generated);
    }

    [Fact]
    public async Task The_app_runs_on_the_test_database_of_the_provider_under_test()
    {
        var (provider, connection) = await app.WithDbAsync(db => Task.FromResult((db.GetType().Name, db.Database.GetConnectionString())));
        Assert.Contains(app.Database.Name, connection);
        Assert.StartsWith(app.Database.Provider.ToString(), provider);
    }

    public static TheoryData<string> DemoEmails => [.. DemoUsers.All.Select(u => u.Email)];

    [Theory]
    [MemberData(nameof(DemoEmails))]
    public async Task Every_demo_user_can_sign_in_and_is_named_by_the_api(string email)
    {
        var client = await app.SignInAsync(email);
        var me = await client.GetFromJsonAsync<MeAnswer>("/api/v1/me");
        Assert.Equal(email, me!.Email);
        Assert.NotEmpty(me.Roles);
    }

    private sealed record MeAnswer(string Email, string DisplayName, string[] Roles);
}
