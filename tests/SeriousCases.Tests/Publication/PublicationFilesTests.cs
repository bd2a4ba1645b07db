using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using CsvHelper;
using SeriousCases.Core.Publication;

namespace SeriousCases.Tests.Publication;

/// <summary>The publication's files: publication.json keeps its contract names, the spreadsheet opens as an
/// OpenDocument zip with valid XML, the CSV parses, and the HTML has its contents, numbered sections and captions.</summary>
public sealed class PublicationFilesTests
{
    private static readonly ServiceLineRef Uc = new("UC", "Universal Credit", "UC");
    private static readonly ServiceLineRef Pip = new("PIP", "Personal Independence Payment", "PIP");

    internal static PublicationContent Sample()
    {
        var on = new DateOnly(2022, 6, 1);
        return CountingRules.Build(2022,
        [
            new(Guid.NewGuid(), "IPR-1", on, true, [Uc, Pip], [new(Uc, "A journal message was not answered <promptly>.")], [new(Uc, "UC to assure IPRG \"they\" will remind colleagues.")], ["Reminders were sent."]),
            new(Guid.NewGuid(), "IPR-2", on.AddDays(3), false, [Uc], [new(Uc, "=HYPERLINK(\"x\") finding"), new(Pip, "PIP finding")], [new(Uc, "a"), new(Pip, "b")], ["Guidance was updated."]),
            new(Guid.NewGuid(), "IPR-3", on.AddDays(5), false, [Pip], [], [], []),
        ]);
    }

    [Fact]
    public void Publication_json_uses_exactly_the_contract_names()
    {
        using var json = JsonDocument.Parse(PublicationFiles.JsonBytes(Sample()));
        var root = json.RootElement;
        Assert.Equal(
            ["year", "iprsCompleted", "externalScrutiny", "iprsByServiceLine", "iprsWithLearning", "agreedActivities", "sections", "crossBenefit"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2022/23", root.GetProperty("year").GetString());
        Assert.Equal(3, root.GetProperty("iprsCompleted").GetInt32());
        Assert.Equal(1, root.GetProperty("externalScrutiny").GetInt32());
        Assert.Equal(2, root.GetProperty("iprsByServiceLine").GetProperty("Universal Credit").GetInt32());
        Assert.Equal(2, root.GetProperty("iprsWithLearning").GetInt32());
        Assert.Equal(3, root.GetProperty("agreedActivities").GetInt32());
        var section = Assert.Single(root.GetProperty("sections").EnumerateArray());
        Assert.Equal(["serviceLine", "casesWithLearning", "activities", "customers"], section.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("Universal Credit", 2, 2, 1), (section.GetProperty("serviceLine").GetString(), section.GetProperty("casesWithLearning").GetInt32(),
            section.GetProperty("activities").GetInt32(), section.GetProperty("customers").GetInt32()));
        var cross = Assert.Single(root.GetProperty("crossBenefit").EnumerateArray());
        Assert.Equal(["serviceLine", "casesWithLearning", "activities"], cross.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("Personal Independence Payment", 1, 1), (cross.GetProperty("serviceLine").GetString(), cross.GetProperty("casesWithLearning").GetInt32(), cross.GetProperty("activities").GetInt32()));
    }

    [Fact]
    public void The_spreadsheet_is_an_opendocument_zip_with_one_valid_sheet_per_table()
    {
        var content = Sample();
        using var zip = new ZipArchive(new MemoryStream(PublicationFiles.Ods(content)), ZipArchiveMode.Read);
        var first = zip.Entries[0];
        Assert.Equal("mimetype", first.FullName);
        Assert.Equal(first.Length, first.CompressedLength);
        using (var reader = new StreamReader(first.Open(), Encoding.ASCII))
        {
            Assert.Equal("application/vnd.oasis.opendocument.spreadsheet", reader.ReadToEnd());
        }

        XNamespace manifest = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0";
        var entries = XDocument.Load(zip.GetEntry("META-INF/manifest.xml")!.Open()).Descendants(manifest + "file-entry")
            .Select(e => (string?)e.Attribute(manifest + "full-path")).ToList();
        Assert.Equal(["/", "content.xml"], entries);

        XNamespace table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
        XNamespace office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
        var doc = XDocument.Load(zip.GetEntry("content.xml")!.Open());
        var sheets = doc.Descendants(table + "table").ToList();
        Assert.Equal(PublicationTables.All(content).Select(t => t.Id), sheets.Select(s => (string?)s.Attribute(table + "name")));
        var total = sheets[0].Descendants(table + "table-cell").First(c => (string?)c.Attribute(office + "value-type") == "float");
        Assert.Equal("3", (string?)total.Attribute(office + "value"));
    }

    [Fact]
    public void The_csv_parses_with_one_figure_a_line()
    {
        var content = Sample();
        using var reader = CsvReader.Create(new MemoryStream(PublicationFiles.Csv(content)), new CsvReaderOptions(), leaveOpen: false);
        reader.ReadHeader();
        Assert.Equal(PublicationFiles.CsvHeaders, reader.Headers);
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.Headers.Count).Select(i => reader.GetString(i) ?? "")]);
        }

        Assert.Equal(PublicationFiles.CsvRows(content).Count(), rows.Count);
        Assert.Contains(rows, r => r[2] == "Total number of IPRs completed" && r[4] == "3");
        Assert.Contains(rows, r => r[2] == "IPRs completed by service line" && r[3] == "Universal Credit" && r[4] == "2");
        Assert.All(rows, r => Assert.Equal("2022/23", r[0]));
    }

    [Fact]
    public void The_html_publication_has_a_contents_list_numbered_sections_and_captioned_tables_with_every_text_encoded()
    {
        var html = PublicationHtml.Render(Sample(), "1 June 2024");
        var doc = new HtmlParser().ParseDocument(html);
        Assert.Equal("en", doc.DocumentElement.GetAttribute("lang"));
        var contents = doc.QuerySelectorAll("nav li a").Select(a => a.TextContent).ToList();
        var headings = doc.QuerySelectorAll("main h2[id]:not(#contents-heading)").Select(h => h.TextContent).ToList();
        Assert.Equal(contents, headings);
        Assert.Equal(headings.Select((t, i) => string.Create(CultureInfo.InvariantCulture, $"{i + 1}. ")), headings.Select(h => h[..(h.IndexOf(' ', StringComparison.Ordinal) + 1)]));
        Assert.Contains(contents, t => t.EndsWith(". Universal Credit learning from serious cases", StringComparison.Ordinal));
        Assert.Contains(contents, t => t.EndsWith(". Cross-Benefit learning from serious cases", StringComparison.Ordinal));
        Assert.EndsWith(". Glossary", contents[^1], StringComparison.Ordinal);
        Assert.All(doc.QuerySelectorAll("table"), t => Assert.False(string.IsNullOrWhiteSpace(t.QuerySelector("caption")?.TextContent)));
        Assert.All(doc.QuerySelectorAll("table th"), th => Assert.NotNull(th.GetAttribute("scope")));
        Assert.Contains("A journal message was not answered <promptly>.", doc.QuerySelectorAll("li").Select(li => li.TextContent));
        Assert.DoesNotContain("<promptly>", html, StringComparison.Ordinal);
        Assert.Empty(doc.QuerySelectorAll("script"));
    }
}
