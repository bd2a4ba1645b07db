using System.Net;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Infrastructure;

public sealed class BenchmarkFactory : ServiceFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings =>
        new Dictionary<string, string?> { ["Benchmark:ReferenceEndpoints"] = "true" };
}

/// <summary>The load runner's reference endpoints exist only when switched on, are for Administrators
/// only, and render the very page they stand in for.</summary>
public sealed class BenchmarkReferenceTests(BenchmarkFactory bench) : IClassFixture<BenchmarkFactory>
{
    [Fact]
    public async Task The_reference_endpoints_render_the_real_pages()
    {
        var admin = await bench.SignInAsync("admin@demo.test");
        Assert.Equal("ok", await admin.GetStringAsync("/bench/bare"));

        var withoutData = await admin.GetDocumentAsync("/bench/audit-without-data");
        var real = await admin.GetDocumentAsync("/admin/audit");
        Assert.Equal(real.QuerySelector("h1")!.TextContent, withoutData.QuerySelector("h1")!.TextContent);
        Assert.Equal(50, withoutData.QuerySelectorAll("tbody tr").Length);

        var sequence = real.QuerySelector("tbody tr a")!.TextContent.Trim();
        var raw = await admin.GetDocumentAsync($"/bench/raw-audit/{sequence}");
        var throughEf = await admin.GetDocumentAsync($"/admin/audit/{sequence}");
        Assert.Equal(throughEf.QuerySelector("main")!.TextContent, raw.QuerySelector("main")!.TextContent);
        await admin.GetDocumentAsync("/bench/raw-audit/999999999", HttpStatusCode.NotFound);

        // The action register from memory, for those who may read the register.
        var secretariat = await bench.SignInAsync("secretariat@demo.test");
        var register = await secretariat.GetDocumentAsync("/actions");
        var registerWithoutData = await secretariat.GetDocumentAsync("/bench/actions-without-data");
        Assert.Equal(register.QuerySelector("h1")!.TextContent, registerWithoutData.QuerySelector("h1")!.TextContent);
        Assert.Equal(50, registerWithoutData.QuerySelectorAll("tbody tr").Length);
    }

    [Theory]
    [InlineData("/bench/bare")]
    [InlineData("/bench/audit-without-data")]
    [InlineData("/bench/raw-audit/1")]
    [InlineData("/bench/actions-without-data")]
    public async Task Other_roles_are_refused(string url)
    {
        var investigator = await bench.SignInAsync("investigator@demo.test");
        var response = await investigator.GetAsync(url);
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.Redirect });
        Assert.DoesNotContain("/sign-in", response.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
    }
}

/// <summary>Without the setting (every real deployment) the reference endpoints do not exist.</summary>
public sealed class BenchmarkReferencesOffTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    [Theory]
    [InlineData("/bench/bare")]
    [InlineData("/bench/audit-without-data")]
    [InlineData("/bench/raw-audit/1")]
    [InlineData("/bench/actions-without-data")]
    public async Task Are_not_found(string url)
    {
        var admin = await app.SignInAsync("admin@demo.test");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(url)).StatusCode);
    }
}
