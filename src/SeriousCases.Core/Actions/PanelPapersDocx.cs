using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using SeriousCases.Core.Common;
using SeriousCases.Core.Investigations;

namespace SeriousCases.Core.Actions;

/// <summary>Writes the Panel papers as Word documents, as the secretariat circulates them: OFFICIAL-SENSITIVE in
/// the header and footer of every page, real heading styles, tables with a repeating header row, A4 landscape so the
/// progress tables stay readable, Arial throughout.</summary>
public static class PanelPapersDocx
{
    public const string ContentType = IprReportDocx.ContentType;

    private const string Font = "Arial";
    // Text width of landscape A4 with these margins, in twentieths of a point.
    private const int TextWidth = 14570;

    public static byte[] Write(ActionsUpdatePaper paper) => Write(paper.Title, ActionsUpdatePaper.Marking, body =>
    {
        body.Append(Para(paper.Title, "Title"));
        body.Append(Para($"Position as at {UkTime.Format(paper.AsAt)}. "
            + (paper.Since is { } s ? $"Completed items are those since the last meeting, on {UkTime.Format(s.MeetingOn)}." : "This is the first meeting of the Panel.")));

        body.Append(Para("1. Progress on recommendations, action points and decisions", "Heading1"));
        if (paper.Progress.Count == 0)
        {
            body.Append(Para("Nothing agreed at earlier meetings is still open."));
        }
        else
        {
            body.Append(Table(["Reference", "Action", "Owner", "Accountable DG", "Due", "Status", "Latest progress"],
                [.. paper.Progress.Select(i => new[]
                {
                    $"{i.Reference}\n{i.Label}", i.Text, OwnerText(i), i.DirectorGeneral ?? "", DueText(i), i.StateText,
                    i.LatestUpdate is { } u ? $"{UkTime.Format(u.On)}: {u.Text}" : "No update recorded",
                })]));
        }

        body.Append(Para("2. Overdue and why", "Heading1"));
        if (paper.Overdue.Count == 0)
        {
            body.Append(Para("Nothing is overdue."));
        }
        else
        {
            body.Append(Table(["Reference", "Action", "Owner", "Due", "Days overdue", "Why", "Escalated to the Panel"],
                [.. paper.Overdue.Select(o => new[]
                {
                    $"{o.Item.Reference}\n{o.Item.Label}", o.Item.Text, OwnerText(o.Item), DueText(o.Item),
                    o.DaysOverdue.ToString(CultureInfo.InvariantCulture), o.Why,
                    o.FlaggedOn is { } f ? $"Yes, on {UkTime.Format(f)}" : "No",
                })]));
        }

        body.Append(Para("3. Completed since the last meeting", "Heading1"));
        if (paper.Completed.Count == 0)
        {
            body.Append(Para("Nothing was completed since the last meeting."));
        }
        else
        {
            body.Append(Table(["Reference", "Action", "Owner", "Completed", "Assurance", "Evidence and outcome"],
                [.. paper.Completed.Select(c => new[]
                {
                    $"{c.Item.Reference}\n{c.Item.Label}", c.Item.Text, OwnerText(c.Item), UkTime.Format(c.On), c.HowText, EvidenceText(c),
                })]));
        }
    });

    public static byte[] Write(MinistersUpdate update) => Write(update.Title, MinistersUpdate.Marking, body =>
    {
        body.Append(Para(update.Title, "Title"));
        body.Append(Para($"Position as at {UkTime.Format(update.AsAt)}: the Serious Case Panel's recommendations, action points and decisions' work, "
            + "by accountable Director General. Only assured items count as complete."));

        body.Append(Para("1. Progress by accountable Director General", "Heading1"));
        body.Append(Table(["Accountable Director General", "Agreed", "On track", "Overdue", "Awaiting assurance", "Complete", "Closed without completion"],
            [.. update.Lines.Append(update.Totals).Select(l => new[]
            {
                l.DirectorGeneral, N(l.Agreed), N(l.OnTrack), N(l.Overdue), N(l.AwaitingAssurance), N(l.Completed), N(l.Closed),
            })]));

        body.Append(Para("2. Escalated to ministers", "Heading1"));
        if (update.Flagged.Count == 0)
        {
            body.Append(Para("Nothing has been overdue long enough to reach ministers."));
        }
        else
        {
            body.Append(Table(["Reference", "Action", "Owner", "Accountable DG", "Due", "Days overdue", "Why"],
                [.. update.Flagged.Select(f => new[]
                {
                    f.Item.Reference, f.Item.Text, f.Item.Owner ?? "", f.Item.DirectorGeneral ?? "", DueText(f.Item), N(f.Item.DaysOverdue), f.Why,
                })]));
        }
    });

    public static string OwnerText(PaperItem i) =>
        i.ResponsiblePerson is { } person ? $"{i.Owner ?? ""} ({person})".Trim() : i.Owner ?? "";

    public static string DueText(PaperItem i)
    {
        var due = i.DueOn is { } d ? UkTime.Format(d) : i.Timescale ?? "No date set";
        if (!i.Replanned)
        {
            return due;
        }

        var first = i.FirstDueOn is { } f ? $"first due {UkTime.Format(f)}" : "re-planned";
        return i.Replan is { } r ? $"{due} ({first}; re-planned because: {r.Text})" : $"{due} ({first})";
    }

    public static string EvidenceText(CompletedItem c) => string.Join("\n", new[]
    {
        c.Evidence is null ? null : $"Evidence: {c.Evidence}",
        c.Outcome is null ? null : $"Outcome: {c.Outcome}",
    }.Where(x => x is not null));

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>A Word document with <paramref name="marking"/> in the header and footer of every page, this class's
    /// styles (Title, Heading1, Normal, TableText) and A4 landscape or portrait. Shared with the Panel's minutes.</summary>
    internal static byte[] Write(string title, string marking, Action<Body> content, bool landscape = true)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = title;
            document.PackageProperties.Subject = marking;
            document.PackageProperties.Creator = "Serious Case Learning";

            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body());
            AddStyles(main);
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(Para(marking, "Marking"));
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(Para(marking, "Marking"));

            var body = main.Document.Body!;
            content(body);
            body.Append(new SectionProperties(
                new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                landscape
                    ? new PageSize { Width = 16838U, Height = 11906U, Orient = PageOrientationValues.Landscape }
                    : new PageSize { Width = 11906U, Height = 16838U, Orient = PageOrientationValues.Portrait },
                new PageMargin { Top = 1134, Right = 1134U, Bottom = 1134, Left = 1134U, Header = 567U, Footer = 567U, Gutter = 0U }));
        }

        return stream.ToArray();
    }

    internal static Paragraph Para(string text, string? style = null, bool bold = false) => Para([(text, bold)], style);

    /// <summary>A paragraph of runs, each bold or not, in <paramref name="style"/>.</summary>
    internal static Paragraph Para(IEnumerable<(string Text, bool Bold)> runs, string? style = null)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        foreach (var (text, bold) in runs)
        {
            var run = new Run();
            if (bold)
            {
                run.Append(new RunProperties(new Bold()));
            }

            run.Append(new Text(IprReportDocx.Clean(text)) { Space = SpaceProcessingModeValues.Preserve });
            paragraph.Append(run);
        }

        return paragraph;
    }

    private static Table Table(IReadOnlyList<string> headings, IReadOnlyList<string[]> rows)
    {
        var table = new Table(new TableProperties(
            new TableStyle { Val = "PaperTable" },
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
        var width = (TextWidth / headings.Count).ToString(CultureInfo.InvariantCulture);
        table.Append(new TableGrid([.. headings.Select(_ => new GridColumn { Width = width })]));
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

    private static void AddStyles(MainDocumentPart main)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        part.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                    new FontSize { Val = "22" },
                    new FontSizeComplexScript { Val = "22" },
                    new Languages { Val = "en-GB" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "160", Line = "276", LineRule = LineSpacingRuleValues.Auto }))),
            ParagraphStyle("Normal", "Normal", null, isDefault: true),
            ParagraphStyle("Title", "Title", "Normal", new StyleRunProperties(new Bold(), new FontSize { Val = "36" }, new FontSizeComplexScript { Val = "36" })),
            ParagraphStyle("Heading1", "heading 1", "Normal",
                new StyleRunProperties(new Bold(), new FontSize { Val = "28" }, new FontSizeComplexScript { Val = "28" }),
                new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "360", After = "120" }, new OutlineLevel { Val = 0 })),
            ParagraphStyle("Marking", "Security marking", "Normal",
                new StyleRunProperties(new Bold(), new FontSize { Val = "20" }, new FontSizeComplexScript { Val = "20" }),
                new StyleParagraphProperties(new SpacingBetweenLines { After = "0" }, new Justification { Val = JustificationValues.Center })),
            ParagraphStyle("TableText", "Table text", "Normal",
                new StyleRunProperties(new FontSize { Val = "18" }, new FontSizeComplexScript { Val = "18" }),
                new StyleParagraphProperties(new SpacingBetweenLines { After = "60", Line = "240", LineRule = LineSpacingRuleValues.Auto })),
            new Style(
                new StyleName { Val = "Paper table" },
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
            { Type = StyleValues.Table, StyleId = "PaperTable" });
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
