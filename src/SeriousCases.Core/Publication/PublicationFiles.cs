using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;
using CsvHelper;

namespace SeriousCases.Core.Publication;

/// <summary>publication.json: a stable contract (issue 8). Other systems rely on these names; add, never rename.</summary>
public sealed record PublicationSummary(
    [property: JsonPropertyName("year")] string Year,
    [property: JsonPropertyName("iprsCompleted")] int IprsCompleted,
    [property: JsonPropertyName("externalScrutiny")] int ExternalScrutiny,
    [property: JsonPropertyName("iprsByServiceLine")] IReadOnlyDictionary<string, int> IprsByServiceLine,
    [property: JsonPropertyName("iprsWithLearning")] int IprsWithLearning,
    [property: JsonPropertyName("agreedActivities")] int AgreedActivities,
    [property: JsonPropertyName("sections")] IReadOnlyList<SectionSummary> Sections,
    [property: JsonPropertyName("crossBenefit")] IReadOnlyList<CrossBenefitSummary> CrossBenefit)
{
    public static PublicationSummary From(PublicationContent c)
    {
        var byLine = new OrderedDictionary<string, int>();
        foreach (var l in c.IprsByServiceLine)
        {
            byLine[l.Name] = l.Count;
        }

        return new PublicationSummary(c.YearLabel, c.IprsCompleted, c.ExternalScrutiny, byLine, c.IprsWithLearning, c.AgreedActivities,
            [.. c.Sections.Select(s => new SectionSummary(s.Name, s.CasesWithLearning, s.Activities, s.Customers.Count))],
            [.. c.CrossBenefit.ByCases.Select(l => new CrossBenefitSummary(l.Name, l.CasesWithLearning, l.Activities))]);
    }
}

public sealed record SectionSummary(
    [property: JsonPropertyName("serviceLine")] string ServiceLine,
    [property: JsonPropertyName("casesWithLearning")] int CasesWithLearning,
    [property: JsonPropertyName("activities")] int Activities,
    [property: JsonPropertyName("customers")] int Customers);

public sealed record CrossBenefitSummary(
    [property: JsonPropertyName("serviceLine")] string ServiceLine,
    [property: JsonPropertyName("casesWithLearning")] int CasesWithLearning,
    [property: JsonPropertyName("activities")] int Activities);

/// <summary>One downloadable file of an edition.</summary>
public sealed record PublicationFile(string Name, string ContentType, byte[] Bytes);

/// <summary>Writes the publication's files: the HTML publication, the tables as CSV and as an OpenDocument
/// spreadsheet (one table per sheet), and publication.json.</summary>
public static class PublicationFiles
{
    public const string HtmlType = "text/html; charset=utf-8";
    public const string CsvType = "text/csv; charset=utf-8";
    public const string OdsType = "application/vnd.oasis.opendocument.spreadsheet";
    public const string JsonType = "application/json; charset=utf-8";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Stem(PublicationContent c) => $"learning-from-serious-cases-{c.Year}";

    public static IReadOnlyList<PublicationFile> All(PublicationContent c, string? publishedOn = null) =>
    [
        new($"{Stem(c)}.html", HtmlType, Encoding.UTF8.GetBytes(PublicationHtml.Render(c, publishedOn))),
        new($"{Stem(c)}-tables.csv", CsvType, Csv(c)),
        new($"{Stem(c)}-tables.ods", OdsType, Ods(c)),
        new("publication.json", JsonType, JsonBytes(c)),
    ];

    public static byte[] JsonBytes(PublicationContent c) => JsonSerializer.SerializeToUtf8Bytes(PublicationSummary.From(c), Json);

    public static readonly string[] CsvHeaders = ["Year", "Table", "Measure", "Service line", "Number"];

    /// <summary>The tables in long form: one figure a line, service line in its own column.</summary>
    public static IEnumerable<string[]> CsvRows(PublicationContent c)
    {
        string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        var y = c.YearLabel;
        const string completed = "IPRs completed";
        const string learning = "Learning identified";
        yield return [y, completed, "Total number of IPRs completed", "", N(c.IprsCompleted)];
        yield return [y, completed, "Also subject to external scrutiny", "", N(c.ExternalScrutiny)];
        foreach (var l in c.IprsByServiceLine)
        {
            yield return [y, completed, "IPRs completed by service line", l.Name, N(l.Count)];
        }

        yield return [y, learning, "IPRs completed where learning was identified", "", N(c.IprsWithLearning)];
        yield return [y, learning, "Agreed activities in relation to the learning identified", "", N(c.AgreedActivities)];
        foreach (var name in c.ActivityServiceLines)
        {
            yield return [y, learning, "Service line relating to the agreed activities", name, ""];
        }

        foreach (var s in c.Sections)
        {
            yield return [y, $"{s.Name} section", "Cases in which learning was identified", s.Name, N(s.CasesWithLearning)];
            yield return [y, $"{s.Name} section", "Agreed activities in relation to the learning identified", s.Name, N(s.Activities)];
        }

        foreach (var l in c.CrossBenefit.ByCases)
        {
            yield return [y, "Cross-Benefit section", "Cases in which learning was identified", l.Name, N(l.CasesWithLearning)];
        }

        foreach (var l in c.CrossBenefit.ByActivities)
        {
            yield return [y, "Cross-Benefit section", "Agreed activities in relation to the learning identified", l.Name, N(l.Activities)];
        }
    }

    public static byte[] Csv(PublicationContent c)
    {
        var options = new CsvWriterOptions { Injection = CsvInjection.Escape, WriteByteOrderMark = true };
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, options, leaveOpen: true))
        {
            csv.WriteRecord(CsvHeaders);
            foreach (var row in CsvRows(c))
            {
                csv.WriteRecord(row);
            }

            csv.Flush();
        }

        return buffer.ToArray();
    }

    private const string Office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    private const string TableNs = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private const string TextNs = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private const string Manifest = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0";

    /// <summary>An OpenDocument spreadsheet: the mimetype entry first and stored, META-INF/manifest.xml, and
    /// content.xml with one sheet per published table (caption, headings, rows, notes).</summary>
    public static byte[] Ods(PublicationContent c)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var mimetype = zip.CreateEntry("mimetype", CompressionLevel.NoCompression);
            using (var s = mimetype.Open())
            {
                s.Write(Encoding.ASCII.GetBytes(OdsType));
            }

            Xml(zip, "META-INF/manifest.xml", w =>
            {
                w.WriteStartElement("manifest", "manifest", Manifest);
                w.WriteAttributeString("manifest", "version", Manifest, "1.2");
                foreach (var (path, type) in new[] { ("/", OdsType), ("content.xml", "text/xml") })
                {
                    w.WriteStartElement("manifest", "file-entry", Manifest);
                    w.WriteAttributeString("manifest", "full-path", Manifest, path);
                    if (path == "/")
                    {
                        w.WriteAttributeString("manifest", "version", Manifest, "1.2");
                    }

                    w.WriteAttributeString("manifest", "media-type", Manifest, type);
                    w.WriteEndElement();
                }

                w.WriteEndElement();
            });

            Xml(zip, "content.xml", w =>
            {
                w.WriteStartElement("office", "document-content", Office);
                w.WriteAttributeString("xmlns", "table", null, TableNs);
                w.WriteAttributeString("xmlns", "text", null, TextNs);
                w.WriteAttributeString("office", "version", Office, "1.2");
                w.WriteStartElement("office", "body", Office);
                w.WriteStartElement("office", "spreadsheet", Office);
                foreach (var t in PublicationTables.All(c))
                {
                    w.WriteStartElement("table", "table", TableNs);
                    w.WriteAttributeString("table", "name", TableNs, t.Id);
                    Row(w, [t.Caption]);
                    Row(w, [t.LabelHeading, t.ValueHeading]);
                    foreach (var r in t.Rows)
                    {
                        Row(w, [r.Label, r.Number is null ? r.Text ?? "" : null], r.Number);
                    }

                    for (var i = 0; i < t.Notes.Count; i++)
                    {
                        Row(w, [string.Create(CultureInfo.InvariantCulture, $"Note {i + 1}: {t.Notes[i]}")]);
                    }

                    w.WriteEndElement();
                }

                w.WriteEndElement();
                w.WriteEndElement();
                w.WriteEndElement();
            });
        }

        return buffer.ToArray();
    }

    private static void Row(XmlWriter w, string?[] cells, int? number = null)
    {
        w.WriteStartElement("table", "table-row", TableNs);
        foreach (var cell in cells)
        {
            w.WriteStartElement("table", "table-cell", TableNs);
            if (cell is null && number is { } n)
            {
                var v = n.ToString(CultureInfo.InvariantCulture);
                w.WriteAttributeString("office", "value-type", Office, "float");
                w.WriteAttributeString("office", "value", Office, v);
                w.WriteElementString("text", "p", TextNs, v);
            }
            else
            {
                w.WriteAttributeString("office", "value-type", Office, "string");
                w.WriteElementString("text", "p", TextNs, cell ?? "");
            }

            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    private static void Xml(ZipArchive zip, string name, Action<XmlWriter> write)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        using var stream = entry.Open();
        using var w = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false });
        w.WriteStartDocument();
        write(w);
        w.WriteEndDocument();
    }
}
