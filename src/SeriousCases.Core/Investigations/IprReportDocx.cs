using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using SeriousCases.Core.Common;

namespace SeriousCases.Core.Investigations;

/// <summary>Writes the IPR report as a Word document: OFFICIAL-SENSITIVE in the header and footer of every page,
/// real Heading 1 and Heading 2 styles (so the navigation pane and screen readers see the structure), tables
/// with a repeating header row, Arial throughout.</summary>
public static class IprReportDocx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private const string Font = "Arial";

    public static byte[] Write(IprReport report)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = $"Internal Process Review {report.Reference}";
            document.PackageProperties.Subject = IprReport.Marking;
            document.PackageProperties.Creator = "Serious Case Learning";

            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body());
            AddStyles(main);
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(Marking());
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(Marking(), PageNumber());

            var body = main.Document.Body!;
            WriteContent(body, report);
            body.Append(new SectionProperties(
                new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1440, Right = 1134U, Bottom = 1440, Left = 1134U, Header = 567U, Footer = 567U, Gutter = 0U }));
        }

        return stream.ToArray();
    }

    private static void WriteContent(Body body, IprReport r)
    {
        body.Append(Para($"Internal Process Review {r.Reference}", "Title"));
        body.Append(Para($"Report prepared {UkTime.Format(r.PreparedOn)}. Stage: {r.StageText}.{(r.OutcomeText is null ? "" : $" Outcome: {r.OutcomeText}.")}"));

        body.Append(Heading("1. Case details", 1));
        body.Append(Table(["Item", "Detail"],
        [
            ["Reference", r.Reference],
            ["Stage", r.StageText],
            ["Outcome", r.OutcomeText ?? "Not concluded"],
            ["Benefits and services", string.Join(", ", r.ServiceLines)],
            ["DWP notified", Date(r.NotifiedOn)],
            ["Accepted", Date(r.AcceptedOn)],
            ["Launched", Date(r.LaunchedOn)],
            ["Sent to the IPRG", Date(r.SentToIprgOn)],
            ["Reviewed by the IPRG", Date(r.IprgReviewedOn)],
            ["Concluded", Date(r.ConcludedOn)],
        ]));

        body.Append(Heading("2. Summary", 1));
        var summary = IprReport.Paragraphs(r.Summary);
        if (summary.Count == 0)
        {
            body.Append(Para("No summary has been written yet."));
        }

        foreach (var p in summary)
        {
            body.Append(Para(p));
        }

        body.Append(Heading("3. Customer journey", 1));
        if (r.Journey.Count == 0)
        {
            body.Append(Para("No contacts recorded."));
        }
        else
        {
            body.Append(Table(["Date", "Service line", "Channel", "What happened", "Source"],
                [.. r.Journey.Select(c => new[] { UkTime.Format(c.OccurredOn), c.ServiceLine, c.ChannelText, c.WhatHappened, c.Source })]));
        }

        body.Append(Heading("4. Fact-finding discussions", 1));
        body.Append(Para(r.DiscussionCount switch
        {
            0 => "No fact-finding discussions recorded.",
            1 => "1 fact-finding discussion was held.",
            var n => $"{n} fact-finding discussions were held.",
        }));
        if (r.DiscussionCount > 0)
        {
            body.Append(Table(["Date", "Role of the person spoken to"], [.. r.Discussions.Select(d => new[] { UkTime.Format(d.HeldOn), d.Role })]));
        }

        body.Append(Heading("5. Learning identified and agreed activities", 1));
        if (r.Findings.Count == 0 && r.OtherActivities.Count == 0)
        {
            body.Append(Para("No learning identified."));
        }

        foreach (var f in r.Findings)
        {
            body.Append(Heading($"Finding {f.Order} ({f.ServiceLine})", 2));
            body.Append(Para(f.Text));
            if (f.Themes.Count > 0)
            {
                body.Append(Para($"Themes: {string.Join(", ", f.Themes)}"));
            }

            AppendActivities(body, f.Activities);
        }

        if (r.OtherActivities.Count > 0)
        {
            body.Append(Heading("Agreed activities for the case", 2));
            AppendActivities(body, r.OtherActivities);
        }

        body.Append(Heading("6. Learning outcomes", 1));
        if (r.LearningOutcomes.Count == 0)
        {
            body.Append(Para("No learning outcomes recorded yet."));
        }

        foreach (var outcome in r.LearningOutcomes)
        {
            body.Append(Para(outcome, "ListBullet"));
        }

        body.Append(Heading("7. External scrutiny", 1));
        if (r.Scrutiny.Count == 0)
        {
            body.Append(Para(r.ExternalScrutiny
                ? $"DWP was asked to take part in an external review{(r.ExternalScrutinyDetails is null ? "" : $": {r.ExternalScrutinyDetails}")}."
                : "None recorded."));
        }

        foreach (var s in r.Scrutiny)
        {
            body.Append(Para($"{s.KindText}, {UkTime.Format(s.On)}{(s.Notes is null ? "" : $": {s.Notes}")}", "ListBullet"));
        }
    }

    private static void AppendActivities(Body body, IReadOnlyList<ReportActivity> activities)
    {
        if (activities.Count == 0)
        {
            body.Append(Para("No activity agreed yet."));
            return;
        }

        body.Append(Table(["Reference", "Agreed activity", "Owner", "Counted under", "Due", "Status"],
            [.. activities.Select(a => new[] { a.Reference, a.Text, a.Owner ?? "", a.ServiceLine ?? "", Date(a.DueOn), a.StatusText })]));
        foreach (var a in activities.Where(a => a.LearningOutcome is not null))
        {
            body.Append(Para($"Learning outcome of {a.Reference}: {a.LearningOutcome}"));
        }
    }

    private static string Date(DateOnly? date) => date is { } d ? UkTime.Format(d) : "";

    private static Paragraph Marking() =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = "Marking" }), new Run(new Text(IprReport.Marking)));

    private static Paragraph PageNumber() =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = "Marking" }),
            new Run(new Text("Page ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new Run(new Text("1")),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End }));

    private static Paragraph Heading(string text, int level) => Para(text, $"Heading{level}");

    private static Paragraph Para(string text, string? style = null, bool bold = false)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        var run = new Run();
        if (bold)
        {
            run.Append(new RunProperties(new Bold()));
        }

        run.Append(new Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve });
        paragraph.Append(run);
        return paragraph;
    }

    private static Table Table(IReadOnlyList<string> headings, IReadOnlyList<string[]> rows)
    {
        var table = new Table(new TableProperties(
            new TableStyle { Val = "ReportTable" },
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
        // Text width of an A4 page with these margins, shared equally between the columns.
        var width = 9638 / headings.Count;
        table.Append(new TableGrid([.. headings.Select(_ => new GridColumn { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture) })]));
        var head = new TableRow(new TableRowProperties(new CantSplit(), new TableHeader()));
        foreach (var h in headings)
        {
            head.Append(Cell(h, bold: true));
        }

        table.Append(head);
        foreach (var row in rows)
        {
            var tr = new TableRow(new TableRowProperties(new CantSplit()));
            foreach (var value in row)
            {
                tr.Append(Cell(value, bold: false));
            }

            table.Append(tr);
        }

        return table;
    }

    private static TableCell Cell(string text, bool bold)
    {
        var cell = new TableCell(new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Auto, Width = "0" }));
        var paragraphs = IprReport.Paragraphs(text);
        if (paragraphs.Count == 0)
        {
            cell.Append(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "TableText" })));
        }

        foreach (var p in paragraphs)
        {
            cell.Append(Para(p, "TableText", bold));
        }

        return cell;
    }

    /// <summary>Drops characters XML cannot carry (control characters, lone surrogates), which anyone may have typed.</summary>
    internal static string Clean(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
            }
            else if (XmlConvert.IsXmlChar(c) && c != '\r')
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private const int BulletList = 1;

    private static void AddStyles(MainDocumentPart main)
    {
        var numbering = main.AddNewPart<NumberingDefinitionsPart>();
        numbering.Numbering = new Numbering(
            new AbstractNum(
                new Level(
                    new NumberingFormat { Val = NumberFormatValues.Bullet },
                    new LevelText { Val = "\u2022" },
                    new LevelJustification { Val = LevelJustificationValues.Left },
                    new PreviousParagraphProperties(new Indentation { Left = "360", Hanging = "360" }))
                { LevelIndex = 0 })
            { AbstractNumberId = BulletList },
            new NumberingInstance(new AbstractNumId { Val = BulletList }) { NumberID = BulletList });

        var part = main.AddNewPart<StyleDefinitionsPart>();
        part.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                    new FontSize { Val = "24" },
                    new FontSizeComplexScript { Val = "24" },
                    new Languages { Val = "en-GB" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "160", Line = "276", LineRule = LineSpacingRuleValues.Auto }))),
            ParagraphStyle("Normal", "Normal", null, isDefault: true),
            ParagraphStyle("Title", "Title", "Normal", new StyleRunProperties(new Bold(), new FontSize { Val = "40" }, new FontSizeComplexScript { Val = "40" })),
            ParagraphStyle("Heading1", "heading 1", "Normal",
                new StyleRunProperties(new Bold(), new FontSize { Val = "32" }, new FontSizeComplexScript { Val = "32" }),
                new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "360", After = "120" }, new OutlineLevel { Val = 0 })),
            ParagraphStyle("Heading2", "heading 2", "Normal",
                new StyleRunProperties(new Bold(), new FontSize { Val = "28" }, new FontSizeComplexScript { Val = "28" }),
                new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" }, new OutlineLevel { Val = 1 })),
            ParagraphStyle("Marking", "Security marking", "Normal",
                new StyleRunProperties(new Bold(), new FontSize { Val = "20" }, new FontSizeComplexScript { Val = "20" }),
                new StyleParagraphProperties(new SpacingBetweenLines { After = "0" }, new Justification { Val = JustificationValues.Center })),
            ParagraphStyle("TableText", "Table text", "Normal",
                new StyleRunProperties(new FontSize { Val = "20" }, new FontSizeComplexScript { Val = "20" }),
                new StyleParagraphProperties(new SpacingBetweenLines { After = "60", Line = "240", LineRule = LineSpacingRuleValues.Auto })),
            ParagraphStyle("ListBullet", "List Bullet", "Normal", null,
                new StyleParagraphProperties(new NumberingProperties(new NumberingId { Val = BulletList }), new Indentation { Left = "360", Hanging = "360" })),
            new Style(
                new StyleName { Val = "Report table" },
                new StyleTableProperties(
                    new TableBorders(
                        new TopBorder { Val = BorderValues.Single, Size = 4U, Color = "505A5F" },
                        new LeftBorder { Val = BorderValues.Single, Size = 4U, Color = "505A5F" },
                        new BottomBorder { Val = BorderValues.Single, Size = 4U, Color = "505A5F" },
                        new RightBorder { Val = BorderValues.Single, Size = 4U, Color = "505A5F" },
                        new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4U, Color = "505A5F" },
                        new InsideVerticalBorder { Val = BorderValues.Single, Size = 4U, Color = "505A5F" }),
                    new TableCellMarginDefault(
                        new TopMargin { Width = "60", Type = TableWidthUnitValues.Dxa },
                        new TableCellLeftMargin { Width = 100, Type = TableWidthValues.Dxa },
                        new BottomMargin { Width = "60", Type = TableWidthUnitValues.Dxa },
                        new TableCellRightMargin { Width = 100, Type = TableWidthValues.Dxa })))
            { Type = StyleValues.Table, StyleId = "ReportTable" });
    }

    private static Style ParagraphStyle(string id, string name, string? basedOn, StyleRunProperties? run = null, StyleParagraphProperties? paragraph = null, bool isDefault = false)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault)
        {
            style.Default = true;
        }

        style.Append(new StyleName { Val = name });
        if (basedOn is not null)
        {
            style.Append(new BasedOn { Val = basedOn });
            style.Append(new NextParagraphStyle { Val = "Normal" });
        }

        style.Append(new PrimaryStyle());
        if (paragraph is not null)
        {
            style.Append(paragraph);
        }

        if (run is not null)
        {
            style.Append(run);
        }

        return style;
    }
}
