using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Common;
using SeriousCases.Core.Publication;
using SeriousCases.Web.Pages.Publication;

namespace SeriousCases.Web.Pages.Publications;

/// <summary>A published edition's files: html, csv, ods or json (publication.json).</summary>
public sealed class DownloadModel(EditionService editions) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string year, string format, CancellationToken ct)
    {
        if (!PublicationYear.TryParse(year, out var start) || await editions.GetPublishedAsync(start, ct) is not { } published)
        {
            return NotFound();
        }

        return PublicationDownloads.File(this, published.Content, format, UkTime.Format(published.PublishedOn)) ?? (IActionResult)NotFound();
    }
}
