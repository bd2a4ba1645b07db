using System.Net;
using System.Text.Json;
using SeriousCases.Core.Themes;
using SeriousCases.Core.Themes.Spc;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Themes;

/// <summary>The themes API on the database under test, against records built for the test: the list keeps its fields and
/// gains counts; a theme's series by month and quarter, per source, with the XmR figures and signals; problems name the
/// field; who may.</summary>
public sealed class ThemeApiTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    private static string Error(JsonElement problem, string field) => problem.GetProperty("errors").GetProperty(field)[0].GetString()!;

    [Fact]
    public async Task A_themes_series_has_its_points_mean_limits_and_signals()
    {
        int[] complaints = [2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2, 14];
        int[] pfd = [1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0];
        var themeId = await app.WithDbAsync(async db =>
        {
            var id = await ThemeRecords.ThemeAsync(db, "TSERIES", "Series test theme");
            await ThemeRecords.InsightAsync(db, id, "COMPLAINT", complaints);
            await ThemeRecords.InsightAsync(db, id, "PFD", pfd);
            return id;
        });
        var analyst = await app.SignInAsync("analyst@demo.test");

        var all = await (await analyst.GetAsync($"/api/v1/themes/{themeId}/series?by=month")).ReadJsonAsync(HttpStatusCode.OK);
        var expected = complaints.Zip(pfd, (a, b) => (double)(a + b)).ToArray();
        var points = all.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(12, points.Count);
        Assert.Equal(Periods.Label(ThemeRecords.LastCompleteMonth, SeriesPeriod.Month), points[^1].GetProperty("period").GetString());
        Assert.Equal(expected, points.Select(p => (double)p.GetProperty("value").GetInt32()));
        var chart = Xmr.Build(expected);
        Assert.Equal(Math.Round(chart.Mean, 3), all.GetProperty("mean").GetDouble());
        Assert.Equal(Math.Round(chart.UpperLimit, 3), all.GetProperty("upperLimit").GetDouble());
        Assert.Equal(Math.Round(chart.LowerLimit, 3), all.GetProperty("lowerLimit").GetDouble());
        var signal = Assert.Single(all.GetProperty("signals").EnumerateArray(), s => s.GetProperty("rule").GetString() == "beyondLimit");
        Assert.Equal("up", signal.GetProperty("direction").GetString());
        Assert.Equal(points[^1].GetProperty("period").GetString(), signal.GetProperty("from").GetString());

        var onlyPfd = await (await analyst.GetAsync($"/api/v1/themes/{themeId}/series?by=month&source=pfd")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(pfd.Sum(), onlyPfd.GetProperty("points").EnumerateArray().Sum(p => p.GetProperty("value").GetInt32()));
        Assert.Equal("PFD", onlyPfd.GetProperty("source").GetString());

        var quarters = await (await analyst.GetAsync($"/api/v1/themes/{themeId}/series?by=quarter")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.All(quarters.GetProperty("points").EnumerateArray(), p => Assert.Matches(@"^\d{4}-Q[1-4]$", p.GetProperty("period").GetString()));
        Assert.True(quarters.GetProperty("points").EnumerateArray().Sum(p => p.GetProperty("value").GetInt32()) <= expected.Sum());

        var window = await (await analyst.GetAsync($"/api/v1/themes/{themeId}/series?from={points[10].GetProperty("period").GetString()}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal([expected[10], expected[11]], window.GetProperty("points").EnumerateArray().Select(p => (double)p.GetProperty("value").GetInt32()));
    }

    [Fact]
    public async Task Findings_are_a_source_and_the_list_gains_counts_without_losing_its_fields()
    {
        var lastMonth = Periods.FirstDay(ThemeRecords.LastCompleteMonth);
        var themeId = await app.WithDbAsync(async db =>
        {
            var id = await ThemeRecords.ThemeAsync(db, "TCOUNTS", "Counts test theme");
            await ThemeRecords.InsightAsync(db, id, "COMPLAINT", [1, 2, 3]);
            await ThemeRecords.FindingAsync(db, id, lastMonth.AddDays(3), lastMonth.AddDays(5), "The fictional customer's award ended without a check on their needs.");
            return id;
        });
        var secretariat = await app.SignInAsync("secretariat@demo.test");

        var findings = await (await secretariat.GetAsync($"/api/v1/themes/{themeId}/series?source=FINDINGS")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, findings.GetProperty("points").EnumerateArray().Sum(p => p.GetProperty("value").GetInt32()));
        Assert.Equal("IPR findings", findings.GetProperty("sourceName").GetString());

        var referrer = await app.SignInAsync("referrer@demo.test");
        var list = await (await referrer.GetAsync("/api/v1/themes")).ReadJsonAsync(HttpStatusCode.OK);
        var theme = Assert.Single(list.EnumerateArray(), t => t.GetProperty("code").GetString() == "TCOUNTS");
        Assert.Equal(themeId, theme.GetProperty("id").GetGuid());
        Assert.Equal("Counts test theme", theme.GetProperty("name").GetString());
        Assert.True(theme.GetProperty("isActive").GetBoolean());
        Assert.Equal(1, theme.GetProperty("version").GetInt32());
        Assert.Equal("A theme built for a test.", theme.GetProperty("description").GetString());
        Assert.Equal(1, theme.GetProperty("findings").GetInt32());
        Assert.Equal(6, theme.GetProperty("insightItems").GetInt32());
        Assert.Equal(1, theme.GetProperty("openActivities").GetInt32());
        Assert.Equal(1, theme.GetProperty("overdueActivities").GetInt32());
        Assert.Equal(1, theme.GetProperty("completedActivities").GetInt32());
        Assert.InRange(theme.GetProperty("priorityScore").GetInt32(), 1, 100);
        Assert.Equal(JsonValueKind.Null, theme.GetProperty("lastDiscussedOn").ValueKind);

        // The demo's themes discussed at the Panel in 2020 say when.
        Assert.Contains(list.EnumerateArray(), t => t.GetProperty("lastDiscussedOn").ValueKind == JsonValueKind.String);
    }

    [Fact]
    public async Task Bad_parameters_are_problems_naming_the_field_and_only_the_themes_roles_read_series()
    {
        var themeId = await app.WithDbAsync(db => ThemeRecords.ThemeAsync(db, "TPROBLEM", "Problem test theme"));
        var panel = await app.SignInAsync("panel@demo.test");

        Assert.Equal("Enter by=month or by=quarter", Error(await (await panel.GetAsync($"/api/v1/themes/{themeId}/series?by=week")).ReadJsonAsync(HttpStatusCode.BadRequest), "by"));
        Assert.StartsWith("Enter a source code", Error(await (await panel.GetAsync($"/api/v1/themes/{themeId}/series?source=NOPE")).ReadJsonAsync(HttpStatusCode.BadRequest), "source"));
        Assert.Equal("Enter from as a year and month, for example 2024-03", Error(await (await panel.GetAsync($"/api/v1/themes/{themeId}/series?from=March")).ReadJsonAsync(HttpStatusCode.BadRequest), "from"));
        Assert.Equal(HttpStatusCode.NotFound, (await panel.GetAsync($"/api/v1/themes/{Guid.NewGuid()}/series")).StatusCode);
        var empty = await (await panel.GetAsync($"/api/v1/themes/{themeId}/series")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(12, empty.GetProperty("points").GetArrayLength());

        var referrer = await app.SignInAsync("referrer@demo.test");
        Assert.Equal(HttpStatusCode.Forbidden, (await referrer.GetAsync($"/api/v1/themes/{themeId}/series")).StatusCode);
    }
}
