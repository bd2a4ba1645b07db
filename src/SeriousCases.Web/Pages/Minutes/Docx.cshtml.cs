using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Panel.Minutes;

namespace SeriousCases.Web.Pages.Minutes;

/// <summary>The published minutes as a Word document (the published text only).</summary>
public sealed class DocxModel(MinutesService minutes) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string meetingDate, CancellationToken ct)
    {
        if (MinutesPublicFeature.ParseDate(meetingDate) is not { } on || await minutes.GetPublishedAsync(on, ct) is not { } published)
        {
            return NotFound();
        }

        return File(MinutesDocx.Write(published.Title, published.Text), MinutesDocx.ContentType, $"{published.FileStem}.docx");
    }
}
