using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Common;
using SeriousCases.Core.Publication;

namespace SeriousCases.Web.Pages.Publications;

/// <summary>A published edition as a GOV.UK-style HTML publication, with the service's stylesheet (no inline styles
/// or scripts), and links to its files.</summary>
public sealed class EditionModel(EditionService editions) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string year, CancellationToken ct)
    {
        if (!PublicationYear.TryParse(year, out var start) || await editions.GetPublishedAsync(start, ct) is not { } published)
        {
            return NotFound();
        }

        var html = PublicationHtml.Render(published.Content, UkTime.Format(published.PublishedOn), stylesheets: ["/css/application.css", "/css/publication.css"],
            backLink: "/publications", downloadsHref: $"/publications/{published.Year}/download/", correctionNote: published.CorrectionNote);
        return Content(html, "text/html; charset=utf-8");
    }
}
