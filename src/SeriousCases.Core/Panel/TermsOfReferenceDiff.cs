using DiffPlex;
using DiffPlex.Chunkers;

namespace SeriousCases.Core.Panel;

public enum LineChange
{
    Unchanged = 1,
    Removed = 2,
    Added = 3,
}

/// <summary>One line of the comparison: the line as written (with its "## " or "- " mark) and what happened to it.</summary>
public sealed record DiffLine(LineChange Change, string Line)
{
    public TextLineKind Kind => TermsOfReferenceText.Classify(Line).Kind;

    /// <summary>The words without the line's mark.</summary>
    public string Content => TermsOfReferenceText.Classify(Line).Content;
}

/// <summary>The differences between two texts, in reading order: where a line changed, the old line (removed) comes
/// just before the new one (added).</summary>
public sealed record TextComparison(IReadOnlyList<DiffLine> Lines)
{
    public int Added => Lines.Count(l => l.Change == LineChange.Added);
    public int Removed => Lines.Count(l => l.Change == LineChange.Removed);
    public int Unchanged => Lines.Count(l => l.Change == LineChange.Unchanged);
    public bool Same => Added == 0 && Removed == 0;
}

/// <summary>Compares two versions of the Terms of Reference line by line (the text format: one paragraph, bullet or
/// heading per line; blank lines and spaces at the ends of lines do not count). The longest common run of lines
/// comes from DiffPlex.</summary>
public static class TermsOfReferenceDiff
{
    public static TextComparison Compare(string? from, string? to)
    {
        var oldLines = TermsOfReferenceText.Lines(from);
        var newLines = TermsOfReferenceText.Lines(to);
        if (oldLines.Count == 0 || newLines.Count == 0)
        {
            return new TextComparison([.. oldLines.Select(l => new DiffLine(LineChange.Removed, l)), .. newLines.Select(l => new DiffLine(LineChange.Added, l))]);
        }

        var result = new Differ().CreateDiffs(string.Join('\n', oldLines), string.Join('\n', newLines), ignoreWhiteSpace: false, ignoreCase: false, LineChunker.Instance);
        var lines = new List<DiffLine>();
        var a = 0;
        var b = 0;
        foreach (var block in result.DiffBlocks)
        {
            // The lines before the block are common to both texts.
            while (a < block.DeleteStartA && b < block.InsertStartB)
            {
                lines.Add(new DiffLine(LineChange.Unchanged, oldLines[a]));
                a++;
                b++;
            }

            for (var i = 0; i < block.DeleteCountA; i++)
            {
                lines.Add(new DiffLine(LineChange.Removed, oldLines[block.DeleteStartA + i]));
            }

            for (var i = 0; i < block.InsertCountB; i++)
            {
                lines.Add(new DiffLine(LineChange.Added, newLines[block.InsertStartB + i]));
            }

            a = block.DeleteStartA + block.DeleteCountA;
            b = block.InsertStartB + block.InsertCountB;
        }

        while (a < oldLines.Count && b < newLines.Count)
        {
            lines.Add(new DiffLine(LineChange.Unchanged, oldLines[a]));
            a++;
            b++;
        }

        return new TextComparison(lines);
    }
}
