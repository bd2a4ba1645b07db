using System.Net;
using System.Text.Json;
using SeriousCases.Core.Audit;
using SeriousCases.Core.Publication;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Publication;

/// <summary>The editor's pages, the public pages and the API over HTTP, on the demo data.</summary>
public sealed class PublicationPageTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task A_year_not_understood_is_explained_and_kept()
    {
        var analyst = await app.SignInAsync("analyst@demo.test");
        var form = await analyst.GetFormAsync("/publication");
        var response = await analyst.PostAsync("/publication", form.With("year", "2022-2023").ToContent());
        var doc = await response.ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Enter the reporting year as the first year and the next, for example 2022-23", doc.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("#year", doc.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        Assert.Equal("2022-2023", doc.QuerySelector("#year")!.GetAttribute("value"));
        Assert.StartsWith("Error: ", doc.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_built_from_the_page_shows_its_counting_rules_figures_and_flags_but_is_not_public()
    {
        var analyst = await app.SignInAsync("analyst@demo.test");
        var form = await analyst.GetFormAsync("/publication");
        var response = await analyst.PostAsync("/publication", form.With("year", "2021-22").ToContent());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var doc = await analyst.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("Draft", doc.QuerySelector("#edition-status")!.TextContent);
        Assert.Equal(CountingRules.InWords.Count, doc.QuerySelectorAll("#counting-rules li").Length);
        Assert.Contains("analyst@demo.test", doc.QuerySelector("#edition-steps")!.TextContent, StringComparison.Ordinal);

        // The texts were checked when the draft was built; the page shows when, and the editor can check them again.
        var edition = response.Headers.Location!.OriginalString;
        Assert.DoesNotContain("not yet", doc.QuerySelector("#scanned-at")!.TextContent, StringComparison.Ordinal);
        var rescan = await analyst.PostAsync(edition + "?handler=Rescan", (await analyst.GetFormAsync(edition)).ToContent());
        Assert.Equal(HttpStatusCode.Redirect, rescan.StatusCode);
        var after = await analyst.GetDocumentAsync(rescan.Headers.Location!.OriginalString);
        Assert.Contains("Every text was checked again", after.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);

        var anonymous = app.CreateBrowserlessClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/publications/2021-22")).StatusCode);
        Assert.DoesNotContain("2021/22", (await anonymous.GetDocumentAsync("/publications")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_published_edition_is_public_without_sign_in_with_its_files_and_on_the_api()
    {
        await using (var db = app.Database.CreateContext(new SystemActor("analyst@demo.test")))
        {
            var service = new EditionService(db, new PublicationBuilder(db), TimeProvider.System);
            var e = await service.BuildDraftAsync("2022-23", null, default);
            var review = await service.ReviewAsync(e, default);
            foreach (var item in review.All.Where(i => !i.Resolved && i.Kind != EditionDecisionKind.SmallNumber))
            {
                e = await service.DecideAsync(e.Id, e.Version, item.Kind, item.Location, item.Key, "Reviewed: not identifying.", default);
            }

            await service.DecideSmallNumbersAsync(e.Id, e.Version, "Counts of reviews, not people.", default);
        }

        await using (var db = app.Database.CreateContext(new SystemActor("secretariat@demo.test")))
        {
            var service = new EditionService(db, new PublicationBuilder(db), TimeProvider.System);
            var id = (await service.ListAsync(default)).Single(x => x.StartYear == 2022).Id;
            var e = await service.CheckAsync(id, (await service.GetAsync(id, default)).Version, default);
            e = await service.ApproveAsync(id, e.Version, default);
            await service.PublishAsync(id, e.Version, default);
        }

        var anonymous = app.CreateBrowserlessClient();
        var list = await anonymous.GetDocumentAsync("/publications");
        Assert.Contains("Internal Process Reviews completed in 2022/23", list.QuerySelector("#published-editions")!.TextContent, StringComparison.Ordinal);
        var page = await anonymous.GetDocumentAsync("/publications/2022-23");
        Assert.Equal("Learning and improving from serious cases", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("47", page.QuerySelector("#table-iprs-completed tbody td")!.TextContent);

        var json = await anonymous.GetAsync("/publications/2022-23/download/json");
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        using (var summary = JsonDocument.Parse(await json.Content.ReadAsStringAsync()))
        {
            Assert.Equal(91, summary.RootElement.GetProperty("agreedActivities").GetInt32());
        }

        var ods = await anonymous.GetAsync("/publications/2022-23/download/ods");
        Assert.Equal("application/vnd.oasis.opendocument.spreadsheet", ods.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/publications/2022-23/download/exe")).StatusCode);

        var analyst = await app.SignInAsync("analyst@demo.test");
        var api = await (await analyst.GetAsync("/api/v1/publications/2022-23/publication.json")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(47, api.GetProperty("iprsCompleted").GetInt32());
        Assert.Equal(34, api.GetProperty("iprsByServiceLine").GetProperty("Universal Credit").GetInt32());
        var listed = await (await analyst.GetAsync("/api/v1/publications")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("2022/23", listed[0].GetProperty("year").GetString());
        await (await analyst.GetAsync("/api/v1/publications/2019-20/publication.json")).ReadJsonAsync(HttpStatusCode.NotFound);
    }
}
