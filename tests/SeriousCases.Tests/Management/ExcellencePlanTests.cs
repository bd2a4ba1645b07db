using System.Net;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Management;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Management;

/// <summary>The Excellence Plan measures of seed 003: the demo register, computed factors, and figures entered with
/// their source through a form that says what to fix and keeps what was typed.</summary>
public sealed class ExcellencePlanTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    [Theory]
    [InlineData("84", 84d)]
    [InlineData(" 84% ", 84d)]
    [InlineData("3,000,000", 3000000d)]
    [InlineData("-12.5", -12.5)]
    [InlineData("12.345", null)]
    [InlineData("abc", null)]
    [InlineData("1e5", null)]
    [InlineData("", null)]
    public void A_figure_is_read_as_typed(string typed, double? expected) =>
        Assert.Equal(expected is { } e ? (decimal)e : null, ExcellencePlanService.ParseValue(typed));

    [Fact]
    public async Task The_demo_register_holds_the_measures_of_seed_003_with_computed_and_entered_factors()
    {
        var panel = await app.SignInAsync("panel@demo.test");
        var doc = await panel.GetDocumentAsync("/management/excellence-plan");
        Assert.Equal(
            ["Decision Making", "Additional support for customers with complex needs", "Signposting Plus - Proof of Concept", "Safeguarding - Safety and Support", "Customer Experience - Learning Organisation"],
            doc.QuerySelectorAll("main section h2").Select(h => h.TextContent.Trim()));
        var learning = doc.QuerySelector("#measure-5")!.TextContent;
        Assert.Contains("£3.4m", learning, StringComparison.Ordinal);
        Assert.Contains("4. Learning from our experience and mistakes", learning, StringComparison.Ordinal);
        Assert.Contains("Computed by the service for", learning, StringComparison.Ordinal);
        Assert.Contains("84%", doc.QuerySelector("#measure-1")!.TextContent, StringComparison.Ordinal);
        // A Panel member reads the register but records nothing.
        Assert.Empty(doc.QuerySelectorAll("a[href*='/values/new']"));
    }

    [Fact]
    public async Task An_analyst_records_a_figure_after_being_told_what_to_fix()
    {
        var factorId = await app.WithDbAsync(db => db.SuccessFactors.Where(f => f.Name.StartsWith("Reduce the percentage of Mandatory")).Select(f => f.Id).SingleAsync());
        var url = $"/management/excellence-plan/factors/{factorId}/values/new";
        var analyst = await app.SignInAsync("analyst@demo.test");
        var form = await analyst.GetFormAsync(url);

        var blank = await (await analyst.PostAsync(url, form.ToContent())).ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.StartsWith("Error:", blank.Title, StringComparison.Ordinal);
        Assert.Equal(["#periodFrom-day", "#periodTo-day", "#value", "#source"], blank.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")));
        Assert.Contains("Enter where the figure comes from", blank.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);

        form.With("periodFrom.day", "31").With("periodFrom.month", "2").With("periodFrom.year", "2025")
            .With("periodTo.day", "31").With("periodTo.month", "3").With("periodTo.year", "2026")
            .With("value", "eleven").With("source", "DWP Stats-Xplore, MR registrations 2025/26");
        var wrong = await (await analyst.PostAsync(url, form.ToContent())).ReadDocumentAsync(HttpStatusCode.BadRequest);
        var summary = wrong.QuerySelector(".govuk-error-summary")!.TextContent;
        Assert.Contains("The first day of the period must be a real date", summary, StringComparison.Ordinal);
        Assert.Contains("Enter the figure as a number, like 84 or 12.5", summary, StringComparison.Ordinal);
        Assert.Equal("eleven", wrong.QuerySelector("#value")!.GetAttribute("value"));
        Assert.Equal("31", wrong.QuerySelector("#periodFrom-day")!.GetAttribute("value"));
        Assert.Contains("Stats-Xplore", wrong.QuerySelector("#source")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.SuccessFactorValues.CountAsync(v => v.FactorId == factorId)));

        var saved = await analyst.PostAsync(url, form.With("periodFrom.day", "1").With("periodFrom.month", "4").With("value", "11.5%").ToContent());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var value = await app.WithDbAsync(db => db.SuccessFactorValues.SingleAsync(v => v.FactorId == factorId));
        Assert.Equal((new DateOnly(2025, 4, 1), new DateOnly(2026, 3, 31), 11.5m), (value.PeriodFrom, value.PeriodTo, value.Value));
        var list = await analyst.GetDocumentAsync("/management/excellence-plan");
        Assert.Contains("11.5%", list.GetElementById($"factor-{factorId}")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Figure for 1 April 2025 to 31 March 2026 recorded", list.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);

        var computed = await app.WithDbAsync(db => db.SuccessFactors.Where(f => f.ComputedAs == SuccessFactorComputations.Complaints).Select(f => f.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync($"/management/excellence-plan/factors/{computed}/values/new")).StatusCode);
    }

    [Fact]
    public async Task The_api_lists_the_measures_with_their_factors_and_latest_values_and_answers_an_unknown_id_with_problem_details()
    {
        var panel = await app.SignInAsync("panel@demo.test");
        var list = await (await panel.GetAsync("/api/v1/excellence-plan/measures")).ReadJsonAsync(HttpStatusCode.OK);
        var measures = list.EnumerateArray().ToList();
        Assert.Equal(5, measures.Count);
        var decisions = measures[0];
        Assert.Equal("Decision Making", decisions.GetProperty("name").GetString());
        Assert.Equal(18.8m, decisions.GetProperty("allocationMillions").GetDecimal());
        Assert.Equal(522, decisions.GetProperty("fte").GetInt32());
        Assert.True(decisions.GetProperty("evidenceQuestions").TryGetProperty("baselineAvailable", out _));
        Assert.NotEqual(0, decisions.GetProperty("outcomes").GetArrayLength());
        var satisfaction = decisions.GetProperty("successFactors").EnumerateArray().Single(f => f.GetProperty("name").GetString()!.StartsWith("Customer satisfaction", StringComparison.Ordinal));
        Assert.Equal("84% satisfied in 2017/18", satisfaction.GetProperty("baseline").GetString());
        Assert.Equal("Y% (not set)", satisfaction.GetProperty("target").GetString());
        Assert.Equal(84m, satisfaction.GetProperty("latestValue").GetProperty("value").GetDecimal());
        Assert.Equal("2018-03-31", satisfaction.GetProperty("latestValue").GetProperty("to").GetString());

        // A computed factor's values are the service's own figures, one per recent reporting year.
        var computed = measures.SelectMany(m => m.GetProperty("successFactors").EnumerateArray())
            .First(f => f.GetProperty("computedAs").ValueKind == System.Text.Json.JsonValueKind.String);
        Assert.All(computed.GetProperty("values").EnumerateArray(), v => Assert.True(v.GetProperty("computed").GetBoolean()));
        Assert.Equal(ExcellencePlanService.ComputedYears, computed.GetProperty("values").GetArrayLength());

        var id = decisions.GetProperty("id").GetString();
        var one = await (await panel.GetAsync($"/api/v1/excellence-plan/measures/{id}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(decisions.GetProperty("successFactors").GetArrayLength(), one.GetProperty("successFactors").GetArrayLength());
        Assert.Equal("Decision Making", one.GetProperty("name").GetString());

        var missing = await panel.GetAsync($"/api/v1/excellence-plan/measures/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);

        var referrer = await app.SignInAsync("referrer@demo.test");
        Assert.Equal(HttpStatusCode.Forbidden, (await referrer.GetAsync("/api/v1/excellence-plan/measures")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await referrer.GetAsync($"/api/v1/excellence-plan/measures/{id}")).StatusCode);
    }
}
