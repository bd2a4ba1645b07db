using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Panel.Minutes;

namespace SeriousCases.Web.Pages.Minutes;

/// <summary>The published minutes as a standalone web page to download: plain HTML, no scripts or styles.</summary>
public sealed class HtmlModel(MinutesService minutes) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string meetingDate, CancellationToken ct)
    {
        if (MinutesPublicFeature.ParseDate(meetingDate) is not { } on || await minutes.GetPublishedAsync(on, ct) is not { } published)
        {
            return NotFound();
        }

        var html = MinutesText.ToStandaloneHtml(published.Title, published.Text);
        return File(Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8", $"{published.FileStem}.html");
    }
}
