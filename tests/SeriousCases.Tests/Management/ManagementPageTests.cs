using System.Net;
using System.Text;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Management;

/// <summary>The dashboard over HTTP on the demo data: who may read it, the filter's errors with what was typed kept,
/// a chart with a table beside it for every section, and each section's CSV.</summary>
public sealed class ManagementPageTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    private const string Year = "from.day=1&from.month=4&from.year=2022&to.day=31&to.month=3&to.year=2023";

    [Theory]
    [InlineData("analyst@demo.test", HttpStatusCode.OK)]
    [InlineData("secretariat@demo.test", HttpStatusCode.OK)]
    [InlineData("panel@demo.test", HttpStatusCode.OK)]
    [InlineData("investigator@demo.test", HttpStatusCode.Redirect)]
    [InlineData("owner@demo.test", HttpStatusCode.Redirect)]
    public async Task Analysts_the_secretariat_and_panel_members_read_the_dashboard(string email, HttpStatusCode expected)
    {
        var client = await app.SignInAsync(email);
        var response = await client.GetAsync("/management");
        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Redirect)
        {
            Assert.StartsWith("/access-denied", response.Headers.Location!.PathAndQuery.TrimStart('/').Insert(0, "/"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Every_section_has_charts_with_tables_beside_them_and_the_published_year_is_shown()
    {
        var analyst = await app.SignInAsync("analyst@demo.test");
        var doc = await analyst.GetDocumentAsync($"/management?{Year}");
        Assert.Equal(["summary", "referrals", "iprs", "timeliness", "activities", "insight", "family", "quality"],
            doc.QuerySelectorAll("main section").Select(s => s.Id));
        foreach (var svg in doc.QuerySelectorAll("main svg"))
        {
            Assert.Equal("img", svg.GetAttribute("role"));
            Assert.NotNull(doc.GetElementById(svg.Id![..^"-chart".Length]));
        }

        var completed = doc.QuerySelector("#iprs-flow tbody")!.TextContent;
        Assert.Matches(@"Completed\s+47", completed);
        Assert.Matches(@"With learning identified\s+35", completed);
        Assert.Matches(@"Also under external scrutiny\s+15", completed);
        Assert.Matches(@"Activities agreed\s+91", doc.QuerySelector("#summary-figures tbody")!.TextContent);
        Assert.Equal("no-store", (await analyst.GetAsync($"/management?{Year}")).Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task A_wrong_filter_is_shown_with_what_to_fix_and_what_was_typed()
    {
        var analyst = await app.SignInAsync("analyst@demo.test");
        var doc = await analyst.GetDocumentAsync("/management?from.day=1&from.month=4&from.year=2023&to.day=31&to.month=3&to.year=2022&serviceLine=NOPE",
            HttpStatusCode.BadRequest);
        Assert.StartsWith("Error:", doc.Title, StringComparison.Ordinal);
        var summary = doc.QuerySelector(".govuk-error-summary")!;
        Assert.Contains("The ‘to’ date must be the same as or after the ‘from’ date", summary.TextContent, StringComparison.Ordinal);
        Assert.Contains("Select a service line from the list", summary.TextContent, StringComparison.Ordinal);
        Assert.Equal(["#to-day", "#serviceLine"], summary.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Equal("2022", doc.QuerySelector("#to-year")!.GetAttribute("value"));
        Assert.Empty(doc.QuerySelectorAll("main section"));
    }

    [Fact]
    public async Task Each_section_downloads_as_csv_and_an_unknown_section_is_not_found()
    {
        var secretariat = await app.SignInAsync("secretariat@demo.test");
        var response = await secretariat.GetAsync($"/management?{Year}&serviceLine=UC&section=summary&format=csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("management-summary-2022-04-01-to-2023-03-31-UC.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("From,To,Service line,Table,Row,Measure,Value", lines[0]);
        Assert.Equal(10, lines.Length);
        Assert.StartsWith("2022-04-01,2023-03-31,Universal Credit,Summary figures,Referrals received,Number,", lines[1], StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.GetAsync($"/management?{Year}&section=nope&format=csv")).StatusCode);
    }
}
