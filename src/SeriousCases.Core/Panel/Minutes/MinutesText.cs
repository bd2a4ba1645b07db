using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace SeriousCases.Core.Panel.Minutes;

public enum MinutesBlockKind
{
    Heading = 1,
    Paragraph = 2,
    Bullet = 3,
}

/// <summary>A run of text inside a line: bold (between "**" markers) or not.</summary>
public sealed record MinutesRun(string Text, bool Bold);

public sealed record MinutesBlock(MinutesBlockKind Kind, IReadOnlyList<MinutesRun> Runs)
{
    public string PlainText => string.Concat(Runs.Select(r => r.Text));
}

/// <summary>The text format of the minutes, the same as the Terms of Reference: one paragraph per line, "## " starts a
/// heading, "- " a bullet (lines read by <see cref="TermsOfReferenceText"/>), and "**...**" marks bold words inside a
/// line (labels such as "**Decision 1**"). One parser and one HTML renderer, which escapes everything it is given; the Word document reads the same blocks
/// (<see cref="MinutesDocx"/>).</summary>
public static class MinutesText
{
    public const int MaxLength = 100_000;

    public static IReadOnlyList<MinutesBlock> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var blocks = new List<MinutesBlock>();
        foreach (var line in TermsOfReferenceText.Lines(text))
        {
            var (lineKind, content) = TermsOfReferenceText.Classify(line);
            var kind = lineKind switch
            {
                TextLineKind.Heading => MinutesBlockKind.Heading,
                TextLineKind.Bullet => MinutesBlockKind.Bullet,
                _ => MinutesBlockKind.Paragraph,
            };
            var runs = Runs(content.Trim());
            if (kind == MinutesBlockKind.Heading)
            {
                // A heading is bold already: its markers are dropped, not shown.
                runs = [new MinutesRun(string.Concat(runs.Select(r => r.Text)), false)];
            }

            blocks.Add(new MinutesBlock(kind, runs));
        }

        return blocks;
    }

    /// <summary>Splits a line on "**" markers; an unpaired marker is kept as typed.</summary>
    public static IReadOnlyList<MinutesRun> Runs(string line)
    {
        var parts = line.Split("**");
        if (parts.Length % 2 == 0)
        {
            // Odd number of markers: bold the pairs, keep the last marker as text.
            parts = [.. parts[..^2], parts[^2] + "**" + parts[^1]];
        }

        var runs = new List<MinutesRun>();
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length > 0)
            {
                runs.Add(new MinutesRun(parts[i], i % 2 == 1));
            }
        }

        return runs;
    }

    /// <summary>Safe HTML with GOV.UK classes. With <paramref name="highlight"/>, each match is wrapped in
    /// <c>&lt;mark&gt;</c> with a visually hidden "(to be redacted)" (the secretariat's preview).</summary>
    public static string ToHtml(string? text, Regex? highlight = null, int headingLevel = 2) =>
        Render(Parse(text), highlight, headingLevel, govUk: true);

    /// <summary>A whole HTML document to download: plain semantic markup, no scripts, no styles, no links.</summary>
    public static string ToStandaloneHtml(string title, string? text)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(WebUtility.HtmlEncode(title))
            .Append("</title>\n</head>\n<body>\n<main>\n<h1>")
            .Append(WebUtility.HtmlEncode(title))
            .Append("</h1>\n")
            .Append(Render(Parse(text), null, 2, govUk: false))
            .Append("</main>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static string Render(IReadOnlyList<MinutesBlock> blocks, Regex? highlight, int headingLevel, bool govUk)
    {
        var sb = new StringBuilder();
        var inList = false;
        foreach (var block in blocks)
        {
            if (block.Kind != MinutesBlockKind.Bullet && inList)
            {
                sb.Append("</ul>\n");
                inList = false;
            }

            switch (block.Kind)
            {
                case MinutesBlockKind.Heading:
                    sb.Append("<h").Append(headingLevel).Append(govUk ? " class=\"govuk-heading-m\">" : ">");
                    AppendRuns(sb, block.Runs, highlight);
                    sb.Append("</h").Append(headingLevel).Append(">\n");
                    break;
                case MinutesBlockKind.Bullet:
                    if (!inList)
                    {
                        sb.Append(govUk ? "<ul class=\"govuk-list govuk-list--bullet\">\n" : "<ul>\n");
                        inList = true;
                    }

                    sb.Append("<li>");
                    AppendRuns(sb, block.Runs, highlight);
                    sb.Append("</li>\n");
                    break;
                default:
                    sb.Append(govUk ? "<p class=\"govuk-body\">" : "<p>");
                    AppendRuns(sb, block.Runs, highlight);
                    sb.Append("</p>\n");
                    break;
            }
        }

        if (inList)
        {
            sb.Append("</ul>\n");
        }

        return sb.ToString();
    }

    private static void AppendRuns(StringBuilder sb, IReadOnlyList<MinutesRun> runs, Regex? highlight)
    {
        foreach (var run in runs)
        {
            if (run.Bold)
            {
                sb.Append("<strong>");
            }

            AppendText(sb, run.Text, highlight);
            if (run.Bold)
            {
                sb.Append("</strong>");
            }
        }
    }

    private static void AppendText(StringBuilder sb, string text, Regex? highlight)
    {
        if (highlight is null)
        {
            sb.Append(WebUtility.HtmlEncode(text));
            return;
        }

        var at = 0;
        foreach (Match m in highlight.Matches(text))
        {
            sb.Append(WebUtility.HtmlEncode(text[at..m.Index]))
                .Append("<mark class=\"app-redaction\">")
                .Append(WebUtility.HtmlEncode(m.Value))
                .Append("<span class=\"govuk-visually-hidden\"> (to be redacted)</span></mark>");
            at = m.Index + m.Length;
        }

        sb.Append(WebUtility.HtmlEncode(text[at..]));
    }
}
