using DocumentFormat.OpenXml.Wordprocessing;
using SeriousCases.Core.Actions;

namespace SeriousCases.Core.Panel.Minutes;

/// <summary>The minutes as a Word document, from the same blocks as the page (<see cref="MinutesText"/>), with the
/// Panel papers' styles: OFFICIAL on every page as published in 2020, A4 portrait, headings as real headings.</summary>
public static class MinutesDocx
{
    public const string ContentType = PanelPapersDocx.ContentType;
    public const string Marking = "OFFICIAL";

    public static byte[] Write(string title, string? text) => PanelPapersDocx.Write(title, Marking, body =>
    {
        body.Append(PanelPapersDocx.Para(title, "Title"));
        foreach (var block in MinutesText.Parse(text))
        {
            var runs = block.Runs.Select(r => (r.Text, r.Bold));
            body.Append(block.Kind switch
            {
                MinutesBlockKind.Heading => PanelPapersDocx.Para(runs, "Heading1"),
                MinutesBlockKind.Bullet => PanelPapersDocx.Para(runs.Prepend(("•\t", false))),
                _ => PanelPapersDocx.Para(runs),
            });
        }
    }, landscape: false);
}
