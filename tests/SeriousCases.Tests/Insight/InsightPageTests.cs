using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Insight;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Insight;

/// <summary>The insight register's pages: adding an item with mistakes corrected, its deadline and status,
/// searching, and importing a file through the browser's upload.</summary>
public sealed class InsightPageTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task An_analyst_adds_a_coroners_report_after_fixing_mistakes_and_records_the_response()
    {
        var analyst = await app.SignInAsync("analyst@demo.test");
        var form = await analyst.GetFormAsync("/insight/new");
        form.With("source", "PFD").With("externalReference", "PFD-PAGE-1").With("summary", "Concern about welfare checks after a missed appointment.")
            .With("serviceLines", "Universal Credit").With("receivedOn.day", "31").With("receivedOn.month", "2").With("receivedOn.year", "2026");
        var wrong = await (await analyst.PostAsync("/insight/new", form.ToContent())).ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Contains("must be a real date", wrong.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("#receivedOn-day", wrong.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        // Nothing typed is lost.
        Assert.Equal("PFD-PAGE-1", wrong.QuerySelector("#externalReference")!.GetAttribute("value"));
        Assert.Equal("31", wrong.QuerySelector("#receivedOn-day")!.GetAttribute("value"));
        Assert.Contains("welfare checks", wrong.QuerySelector("#summary")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(wrong.QuerySelector("input[name=serviceLines][value='Universal Credit'][checked]"));
        Assert.False(await app.WithDbAsync(db => db.InsightItems.AnyAsync(i => i.ExternalReference == "PFD-PAGE-1")));

        // A mistake in a field the page binds is reported too (not only those it reads itself).
        var noSummary = await (await analyst.PostAsync("/insight/new", form.With("receivedOn.day", "3").With("summary", "").ToContent())).ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Enter a summary of the insight", noSummary.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        form.With("summary", "Concern about welfare checks after a missed appointment.");

        var added = await analyst.PostAsync("/insight/new", form.With("receivedOn.day", "3").ToContent());
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var url = added.Headers.Location!.ToString();
        var item = await analyst.GetDocumentAsync(url);
        var text = item.QuerySelector("main")!.TextContent;
        Assert.Contains("31 March 2026", text, StringComparison.Ordinal);
        Assert.Contains("Overdue", text, StringComparison.Ordinal);

        var status = await analyst.GetFormAsync(url);
        var noDate = await (await analyst.PostAsync(url, status.With("status", "Responded").ToContent())).ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Enter the date the department responded", noDate.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        var saved = await analyst.PostAsync(url, status.With("respondedOn.day", "20").With("respondedOn.month", "4").With("respondedOn.year", "2026").ToContent());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = (await analyst.GetDocumentAsync(url)).QuerySelector("main")!.TextContent;
        Assert.Contains("Responded on 20 April 2026", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Overdue", after, StringComparison.Ordinal);

        // A second save from the page as it was before is refused, not silently applied.
        var stale = await (await analyst.PostAsync(url, status.With("status", "Closed").ToContent())).ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Someone else changed this item", stale.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_register_searches_by_words_and_source_and_reports_bad_dates()
    {
        var secretariat = await app.SignInAsync("secretariat@demo.test");
        await app.WithDbAsync(async db =>
        {
            var source = await db.InsightSources.SingleAsync(s => s.Code == "MIN");
            for (var i = 0; i < 30; i++)
            {
                db.InsightItems.Add(new InsightItem
                {
                    SourceId = source.Id,
                    ExternalReference = $"MIN-PAGE-{i:00}",
                    ReceivedOn = new DateOnly(2024, 1, 1).AddDays(i),
                    MonthKey = 202401,
                    Summary = i % 3 == 0 ? "A minister asked about reasonable adjustments for a claimant." : "A minister asked about a delayed payment.",
                });
            }

            return await db.SaveChangesAsync();
        });

        var all = await secretariat.GetDocumentAsync("/insight?source=MIN");
        Assert.Equal("MIN-PAGE-29", all.QuerySelector("tbody tr a")!.TextContent);
        Assert.Contains("30 items", all.QuerySelector("caption")!.TextContent, StringComparison.Ordinal);
        var next = all.QuerySelector(".govuk-pagination__next a")!.GetAttribute("href")!;
        var second = await secretariat.GetDocumentAsync(next);
        Assert.Equal("MIN-PAGE-04", second.QuerySelector("tbody tr a")!.TextContent);
        Assert.Contains("showing 26 to 30", second.QuerySelector("caption")!.TextContent, StringComparison.Ordinal);
        Assert.Null(second.QuerySelector(".govuk-pagination__next"));
        Assert.NotNull(second.QuerySelector(".govuk-pagination__prev a[rel=first]"));

        var words = await secretariat.GetDocumentAsync("/insight?source=MIN&q=reasonable+adjustments");
        Assert.Contains("10 items", words.QuerySelector("caption")!.TextContent, StringComparison.Ordinal);

        var bad = await secretariat.GetDocumentAsync("/insight?from.day=40&from.month=1&from.year=2024", HttpStatusCode.BadRequest);
        Assert.Contains("Received from date must be a real date", bad.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("40", bad.QuerySelector("#from-day")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_file_uploaded_on_the_page_is_imported_and_its_bad_rows_listed()
    {
        var analyst = await app.SignInAsync("analyst@demo.test");
        var form = await analyst.GetFormAsync("/insight/import");

        var none = new MultipartFormDataContent { { new StringContent(form.Fields["__RequestVerificationToken"]), "__RequestVerificationToken" } };
        var missing = await (await analyst.PostAsync("/insight/import", none)).ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Select a CSV file", missing.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);

        const string csv = "source,externalReference,receivedOn,summary,serviceLines\n"
            + "COMPLAINT,UPLOAD-1,2026-02-01,A complaint about a stopped payment.,UC\n"
            + "COMPLAINT,UPLOAD-2,2026-02-01,,UC\n";
        var upload = new MultipartFormDataContent
        {
            { new StringContent(form.Fields["__RequestVerificationToken"]), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "complaints.csv" },
        };
        var result = await (await analyst.PostAsync("/insight/import", upload)).ReadDocumentAsync();
        Assert.Contains("complaints.csv: 1 added, 0 already in the register, 1 rejected", result.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        var row = result.QuerySelector("tbody tr")!.TextContent;
        Assert.Contains("3", row, StringComparison.Ordinal);
        Assert.Contains("Enter a summary", row, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.InsightItems.AnyAsync(i => i.ExternalReference == "UPLOAD-1")));
    }
}
