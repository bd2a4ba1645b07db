using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Actions;
using SeriousCases.Core.Common;

namespace SeriousCases.Web.Pages.Actions.Papers;

/// <summary>The actions update as a Word document, to circulate with the Panel's papers. Each download is audited as
/// an export and never cached.</summary>
public sealed class ActionsUpdateDocxModel(PanelPapersService papers) : PageModel
{
    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "meeting")] Guid? meeting, CancellationToken ct)
    {
        var id = meeting ?? (await papers.DefaultMeetingAsync(ct))?.Id ?? throw new RecordNotFoundException("The Panel meeting");
        var paper = await papers.ActionsUpdateAsync(id, ct);
        await papers.RecordExportAsync("PanelMeeting", id.ToString(), ct);
        Response.Headers.CacheControl = "no-store";
        return File(PanelPapersDocx.Write(paper), PanelPapersDocx.ContentType, paper.FileName);
    }
}
