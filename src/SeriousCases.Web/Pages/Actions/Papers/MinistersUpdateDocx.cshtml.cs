using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Actions;

namespace SeriousCases.Web.Pages.Actions.Papers;

/// <summary>The ministers' update as a Word document for the Delivery Board, audited as an export.</summary>
public sealed class MinistersUpdateDocxModel(PanelPapersService papers) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var update = await papers.MinistersUpdateAsync(ct);
        await papers.RecordExportAsync("MinistersUpdate", update.AsAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ct);
        Response.Headers.CacheControl = "no-store";
        return File(PanelPapersDocx.Write(update), PanelPapersDocx.ContentType, update.FileName);
    }
}
