using System.Net;
using AngleSharp.Html.Dom;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Panel;

/// <summary>The secretariat adds a version of the Terms of Reference (on a database of its own: the version becomes the
/// current one).</summary>
public sealed class TermsOfReferenceNewPageTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    private static string ErrorSummary(IHtmlDocument page) => page.QuerySelector(".govuk-error-summary")?.TextContent ?? "";

    [Fact]
    public async Task The_secretariat_adds_a_version_and_a_missing_title_keeps_what_was_typed()
    {
        var secretariat = await app.SignInAsync("secretariat@demo.test");
        var list = await secretariat.GetDocumentAsync("/panel/terms-of-reference");
        var addLink = list.QuerySelector("a[href^='/panel/terms-of-reference/new']")!.GetAttribute("href")!;
        var prefilled = await secretariat.GetDocumentAsync(addLink);
        Assert.StartsWith("## Purpose", prefilled.QuerySelector("textarea#text")!.TextContent, StringComparison.Ordinal);

        var today = Core.Common.UkTime.Today(TimeProvider.System);
        const string Text = "## Purpose\n<b>The Panel</b> will meet quarterly.\n- coroners' reports";
        var form = await secretariat.GetFormAsync("/panel/terms-of-reference/new");
        var response = await secretariat.PostAsync("/panel/terms-of-reference/new", form
            .With("title", " ")
            .With("approvedOn.day", today.Day.ToString())
            .With("approvedOn.month", today.Month.ToString())
            .With("approvedOn.year", today.Year.ToString())
            .With("text", Text).ToContent());
        var page = await response.ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.StartsWith("Error:", page.Title, StringComparison.Ordinal);
        Assert.Contains("Enter a title for the version", ErrorSummary(page), StringComparison.Ordinal);
        Assert.Equal("#title", page.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        Assert.Equal(Text, page.QuerySelector("textarea#text")!.TextContent.Replace("\r\n", "\n"));
        Assert.Equal(today.Day.ToString(), page.QuerySelector("#approvedOn-day")!.GetAttribute("value"));

        form = await secretariat.GetFormAsync("/panel/terms-of-reference/new");
        response = await secretariat.PostAsync("/panel/terms-of-reference/new", form
            .With("title", "Terms of Reference (test version)")
            .With("approvedOn.day", today.Day.ToString())
            .With("approvedOn.month", today.Month.ToString())
            .With("approvedOn.year", today.Year.ToString())
            .With("text", Text).ToContent());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var shown = await secretariat.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Terms of Reference (test version) added", shown.QuerySelector(".govuk-notification-banner--success")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Current version", shown.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        // The markup typed is shown as words, never as markup.
        Assert.Null(shown.QuerySelector("#terms-of-reference-text b"));
        Assert.Contains("<b>The Panel</b> will meet quarterly.", shown.QuerySelector("#terms-of-reference-text p")!.TextContent, StringComparison.Ordinal);
    }
}
