using Microsoft.Extensions.DependencyInjection;
using SeriousCases.Core.Themes;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Themes;

/// <summary>The theme classifier trains on the demo's coded findings, reports its accuracy on held-out coded items and
/// suggests themes; the secretariat retrains it from the overview.</summary>
public sealed class ThemeClassifierTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task It_trains_on_coded_items_reports_accuracy_on_held_out_ones_and_suggests_themes()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<ThemeClassifierService>();

        var report = await service.TrainAsync(CancellationToken.None);

        Assert.True(report.TrainedOn >= 40, $"trained on {report.TrainedOn}");
        Assert.True(report.HeldOut >= 10, $"held out {report.HeldOut}");
        Assert.InRange(report.Accuracy, 0, 1);
        Assert.InRange(report.TopThreeAccuracy, report.Accuracy, 1);
        Assert.True(report.TopThreeAccuracy > 0.2, $"top three {report.TopThreeAccuracy}");
        var suggestions = await service.SuggestAsync("The customer's payment was stopped without a safeguarding check.", CancellationToken.None);
        Assert.Equal(3, suggestions.Themes.Count);
        Assert.True(suggestions.Themes[0].Score >= suggestions.Themes[1].Score);
        Assert.Equal(report.HeldOut, suggestions.Report!.HeldOut);

        var secretariat = await app.SignInAsync("secretariat@demo.test");
        var form = await secretariat.GetFormAsync("/themes");
        var response = await secretariat.PostAsync("/themes?handler=Train", form.ToContent());
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        var page = await secretariat.GetDocumentAsync("/themes");
        Assert.Contains("held out to test it", page.QuerySelector("#classifier")!.TextContent, StringComparison.Ordinal);

        var panel = await app.SignInAsync("panel@demo.test");
        var memberForm = await panel.GetFormAsync("/themes");
        var denied = await panel.PostAsync("/themes?handler=Train", memberForm.ToContent());
        Assert.True(
            denied.StatusCode != System.Net.HttpStatusCode.Redirect || denied.Headers.Location?.OriginalString.Contains("access-denied", StringComparison.Ordinal) == true,
            $"{(int)denied.StatusCode} {denied.Headers.Location}");
    }
}
