using System.Net;
using DocumentFormat.OpenXml.Packaging;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Management;

/// <summary>The answers for Parliament and ministers, produced for the demo data as a page and a Word document.</summary>
public sealed class ParliamentReportTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task The_report_answers_from_the_demo_records_on_the_page_and_in_word()
    {
        var panel = await app.SignInAsync("panel@demo.test");
        var doc = await panel.GetDocumentAsync("/management/parliament?from.day=1&from.month=3&from.year=2020&to.day=31&to.month=3&to.year=2023");
        var main = doc.QuerySelector("main")!.TextContent;
        Assert.Contains("Internal Process Reviews were completed", main, StringComparison.Ordinal);
        Assert.Contains("six years after the Internal Process Review concluded", main, StringComparison.Ordinal);
        Assert.Contains("2020, Decision 1:", main, StringComparison.Ordinal);
        Assert.Contains("Today the register holds", main, StringComparison.Ordinal);

        var docx = await panel.GetAsync("/management/parliament?from.day=1&from.month=4&from.year=2022&to.day=31&to.month=3&to.year=2023&format=docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using var word = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        var text = word.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("47 Internal Process Reviews were completed, 35 of them with learning identified and 15 also under external scrutiny", text, StringComparison.Ordinal);
        Assert.Contains("How many families were contacted or met", text, StringComparison.Ordinal);
    }
}
