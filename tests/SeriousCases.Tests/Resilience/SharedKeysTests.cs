using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Resilience;

/// <summary>Two copies of the service (two hosts in this process, each with its own data protection services) on
/// one database share one key ring there: a form rendered by one is accepted by the other, and the sign-in cookie
/// of one works at the other. The key never reaches the audit trail in clear. The separate-process version is
/// <see cref="TwoInstanceTests"/>.</summary>
public sealed class SharedKeysTests
{
    [Fact]
    public async Task A_cookie_and_a_form_from_one_copy_are_accepted_by_the_other()
    {
        await using var database = await TestDatabase.CreateAsync(withDemoData: true);
        await using var first = new Copy(database);
        await using var second = new Copy(database);
        var cookies = new System.Net.CookieContainer();
        var one = first.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));
        var two = second.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));

        // The sign-in form comes from the first copy and is posted to the second.
        var form = await one.GetFormAsync("/sign-in");
        var signIn = await two.PostAsync("/sign-in?handler=Demo", form.With("email", "analyst@demo.test").ToContent());
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        // The cookie the second copy issued opens a page at the first, and a form of the first posts to the second.
        Assert.Equal(HttpStatusCode.OK, (await one.GetAsync("/insight")).StatusCode);
        var insight = await one.GetFormAsync("/insight/new");
        var posted = await two.PostAsync("/insight/new", insight.With("source", "Complaints").ToContent());
        Assert.True(await CsrfTests.PassedAntiforgeryAsync(posted), "the second copy refused the first copy's antiforgery token");

        await using var db = database.CreateContext();
        var keys = await db.DataProtectionKeys.ToListAsync();
        Assert.Single(keys);
        var audited = await db.AuditEntries.Where(a => a.EntityType == "DataProtectionKey").Select(a => a.Changes).ToListAsync();
        Assert.NotEmpty(audited);
        Assert.All(audited, c => Assert.DoesNotContain("<masterKey", c ?? "", StringComparison.Ordinal));
        Assert.All(audited, c => Assert.Contains("(key material)", c ?? "", StringComparison.Ordinal));
    }

    private sealed class Copy(TestDatabase database) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            foreach (var (key, value) in database.Settings)
            {
                builder.UseSetting(key, value);
            }

            builder.UseSetting("Demo:Enabled", "true");
            builder.UseSetting("Scheduling:Enabled", "false");
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        }
    }
}
