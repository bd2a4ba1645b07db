namespace SeriousCases.Core.Panel;

public enum TextBlockKind
{
    Heading = 1,
    Paragraph = 2,
    List = 3,
}

/// <summary>One block of the text: a heading, a paragraph, or a bulleted list (its items).</summary>
public sealed record TextBlock(TextBlockKind Kind, IReadOnlyList<string> Lines)
{
    public string Text => string.Join(' ', Lines);
}

public enum TextLineKind
{
    Heading = 1,
    Paragraph = 2,
    Bullet = 3,
}

/// <summary>The line format of the Terms of Reference (and of the Panel's minutes): one paragraph or "- " bullet per
/// line, headings start with "## ". Nothing in it is markup: pages show every line as text, HTML-escaped.</summary>
public static class TermsOfReferenceText
{
    public const string HeadingMark = "## ";
    public const string BulletMark = "- ";

    /// <summary>The text as stored: Windows and old Mac line ends made "\n", spaces at the ends of lines and blank lines
    /// (a pasted document's paragraph breaks) removed, so two versions compare line by line.</summary>
    public static string Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0);
        return string.Join('\n', lines);
    }

    /// <summary>The non-blank lines of the text, trimmed.</summary>
    public static IReadOnlyList<string> Lines(string? text) =>
        Normalise(text) is { Length: > 0 } normalised ? normalised.Split('\n') : [];

    /// <summary>What a line is, and its words without the mark ("## " or "- ").</summary>
    public static (TextLineKind Kind, string Content) Classify(string line)
    {
        var trimmed = line.Trim();
        if (trimmed.StartsWith(HeadingMark, StringComparison.Ordinal))
        {
            return (TextLineKind.Heading, trimmed[HeadingMark.Length..].Trim());
        }

        if (trimmed.StartsWith(BulletMark, StringComparison.Ordinal))
        {
            return (TextLineKind.Bullet, trimmed[BulletMark.Length..].Trim());
        }

        return (TextLineKind.Paragraph, trimmed);
    }

    /// <summary>The text as blocks to show: each heading and paragraph its own block, consecutive bullets one list.</summary>
    public static IReadOnlyList<TextBlock> Parse(string? text)
    {
        var blocks = new List<TextBlock>();
        List<string>? list = null;
        foreach (var line in Lines(text))
        {
            var (kind, content) = Classify(line);
            if (kind == TextLineKind.Bullet)
            {
                if (list is null)
                {
                    list = [];
                    blocks.Add(new TextBlock(TextBlockKind.List, list));
                }

                list.Add(content);
                continue;
            }

            list = null;
            blocks.Add(new TextBlock(kind == TextLineKind.Heading ? TextBlockKind.Heading : TextBlockKind.Paragraph, [content]));
        }

        return blocks;
    }
}
