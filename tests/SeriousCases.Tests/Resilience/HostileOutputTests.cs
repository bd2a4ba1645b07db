using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml.Packaging;
using SeriousCases.Core.Panel.Minutes;
using SeriousCases.Core.Publication;
using SeriousCases.Tests.Publication;

namespace SeriousCases.Tests.Resilience;

/// <summary>Hostile text reaching the two outputs published to the world, the minutes and the annual publication: it
/// comes out as text in every format (page, standalone HTML, Word), never as markup or script.</summary>
public sealed class HostileOutputTests
{
    private static readonly HtmlParser Parser = new();

    private static void AssertHtmlShowsText(string html, string where)
    {
        var page = Parser.ParseDocument(html);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>bold</b>", html, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("script"));
        Assert.Empty(page.QuerySelectorAll("[onerror]"));
        Assert.True(page.DocumentElement.TextContent.Contains(Hostile.Markup, StringComparison.Ordinal), $"{where}: the value is not shown as text");
        Hostile.Count();
    }

    [Fact]
    public void Minutes_show_hostile_text_as_text_on_the_page_in_the_html_download_and_in_word()
    {
        var text = $"1. Welcome\n{Hostile.Markup}\n- {Hostile.Markup}\n**{Hostile.Markup}**";
        AssertHtmlShowsText($"<!DOCTYPE html><html><body>{MinutesText.ToHtml(text)}</body></html>", "minutes page");
        AssertHtmlShowsText(MinutesText.ToStandaloneHtml(Hostile.Markup, text), "minutes HTML download");

        using var stream = new MemoryStream(MinutesDocx.Write("Minutes", text));
        using var document = WordprocessingDocument.Open(stream, false);
        var main = document.MainDocumentPart!;
        Assert.Empty(main.AlternativeFormatImportParts); // no altChunk smuggling HTML into Word
        Assert.Contains(Hostile.Markup, main.Document!.Body!.InnerText, StringComparison.Ordinal);
        Hostile.Count();
    }

    [Fact]
    public void The_annual_publication_shows_hostile_text_as_text_in_every_part_of_the_html()
    {
        var sample = PublicationFilesTests.Sample();
        var section = sample.Sections[0];
        var customer = section.Customers[0] with { Learning = [Hostile.Markup], Activities = [Hostile.Markup], Outcomes = [Hostile.Markup] };
        var hostile = sample with { Sections = [section with { Customers = [customer], Introduction = Hostile.Markup }] };

        AssertHtmlShowsText(PublicationHtml.Render(hostile, correctionNote: Hostile.Markup), "publication download");
        AssertHtmlShowsText(PublicationHtml.Render(hostile, publishedOn: "1 June 2023", stylesheets: ["/css/application.css"],
            backLink: "/publications", downloadsHref: "/publications/2022-23/download/", correctionNote: Hostile.Markup), "publication page");
    }
}
