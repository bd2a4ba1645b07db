using System.Net;
using SeriousCases.Core.Themes;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Themes;

/// <summary>Repeat learning on the database under test: earlier findings that say the same thing, with their activities'
/// status, through the API and the finding's page; and the recurrences page, which lists learning found again after an
/// activity meant to address it was completed.</summary>
public sealed class RepeatLearningTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    private const string Earlier = "Zephyrine telephony callbacks were promised to the fictional customer but never made.";
    private const string Later = "Zephyrine telephony callbacks promised to the customer were never made again.";

    [Fact]
    public async Task A_later_finding_shows_the_earlier_one_with_its_activities_and_the_recurrence_is_listed()
    {
        var today = SeriousCases.Core.Common.UkTime.Today(TimeProvider.System);
        var (earlierId, laterId, earlierReference) = await app.WithDbAsync(async db =>
        {
            var theme = await ThemeRecords.ThemeAsync(db, "TREPEAT", "Repeat test theme");
            var (_, reference, first) = await ThemeRecords.FindingAsync(db, theme, today.AddDays(-400), today.AddDays(-300), Earlier);
            var (_, _, second) = await ThemeRecords.FindingAsync(db, theme, today.AddDays(-30), today.AddDays(-5), Later);
            return (first, second, reference);
        });

        var analyst = await app.SignInAsync("analyst@demo.test");
        var similar = await (await analyst.GetAsync($"/api/v1/findings/{laterId}/similar")).ReadJsonAsync(HttpStatusCode.OK);
        var top = similar[0];
        Assert.Equal(earlierId, top.GetProperty("id").GetGuid());
        Assert.InRange(top.GetProperty("score").GetDouble(), RepeatLearningService.RecurrenceMinimum, 1);
        Assert.Equal(earlierReference, top.GetProperty("investigationReference").GetString());
        Assert.Contains(top.GetProperty("activities").EnumerateArray(), a => a.GetProperty("status").GetString() == "Complete");
        Assert.Equal(["Repeat test theme"], top.GetProperty("themes").EnumerateArray().Select(t => t.GetString()));

        // The earlier finding has nothing earlier like it: a finding is compared with earlier ones only.
        var none = await (await analyst.GetAsync($"/api/v1/findings/{earlierId}/similar")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(none.EnumerateArray(), s => s.GetProperty("id").GetGuid() == laterId);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync($"/api/v1/findings/{Guid.NewGuid()}/similar")).StatusCode);
        var panel = await app.SignInAsync("panel@demo.test");
        Assert.Equal(HttpStatusCode.Forbidden, (await panel.GetAsync($"/api/v1/findings/{laterId}/similar")).StatusCode);

        var secretariat = await app.SignInAsync("secretariat@demo.test");
        var page = await secretariat.GetDocumentAsync($"/themes/findings/{laterId}");
        Assert.Contains("Zephyrine telephony callbacks were promised", page.QuerySelector("#similar")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Completed", page.QuerySelector("#similar")!.TextContent, StringComparison.Ordinal);

        var recurrences = await secretariat.GetDocumentAsync("/themes/recurrences");
        var card = Assert.Single(recurrences.QuerySelectorAll(".app-recurrence"), c => c.TextContent.Contains("Zephyrine", StringComparison.Ordinal));
        Assert.Contains(earlierReference, card.TextContent, StringComparison.Ordinal);
        Assert.Contains("payments are checked before they stop", card.TextContent, StringComparison.Ordinal);

        var memberView = await panel.GetDocumentAsync("/themes/recurrences");
        var memberCard = Assert.Single(memberView.QuerySelectorAll(".app-recurrence"), c => c.TextContent.Contains("Zephyrine", StringComparison.Ordinal));
        Assert.DoesNotContain(earlierReference, memberCard.TextContent, StringComparison.Ordinal);
        Assert.Empty(memberCard.QuerySelectorAll("a[href^='/actions/']"));
    }
}
