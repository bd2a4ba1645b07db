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
