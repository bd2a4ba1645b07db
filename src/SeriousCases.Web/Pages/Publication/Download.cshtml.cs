using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Publication;

namespace SeriousCases.Web.Pages.Publication;

/// <summary>An edition's files, at any step (the draft as it stands): html, csv, ods or json.</summary>
public sealed class DownloadModel(EditionService editions) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, string format, CancellationToken ct)
    {
        var edition = await editions.GetAsync(id, ct);
        var on = edition.PublishedOn is { } d ? Core.Common.UkTime.Format(d) : null;
        return PublicationDownloads.File(this, edition.ReadContent(), format, on) ?? (IActionResult)NotFound();
    }
}

/// <summary>Picks one of the publication's files by its format name.</summary>
public static class PublicationDownloads
{
    public static readonly string[] Formats = ["html", "csv", "ods", "json"];

    public static FileContentResult? File(PageModel page, PublicationContent content, string? format, string? publishedOn)
    {
        var index = Array.IndexOf(Formats, format?.ToLowerInvariant());
        if (index < 0)
        {
            return null;
        }

        var file = PublicationFiles.All(content, publishedOn)[index];
        return new FileContentResult(file.Bytes, file.ContentType) { FileDownloadName = file.Name };
    }
}
