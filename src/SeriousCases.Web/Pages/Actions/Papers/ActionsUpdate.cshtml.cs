using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Actions;

namespace SeriousCases.Web.Pages.Actions.Papers;

/// <summary>"Paper 1: Actions Update" for a Panel meeting: choose the meeting (the next planned one by default) and
/// read the paper, marked OFFICIAL-SENSITIVE, with its Word version to circulate.</summary>
public sealed class ActionsUpdateModel(PanelPapersService papers) : PageModel
{
    public IReadOnlyList<PaperMeeting> Meetings { get; private set; } = [];
    public ActionsUpdatePaper? Paper { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "meeting")] Guid? meeting, CancellationToken ct)
    {
        Meetings = await papers.MeetingsAsync(ct);
        var id = meeting ?? (await papers.DefaultMeetingAsync(ct))?.Id;
        Paper = id is { } chosen ? await papers.ActionsUpdateAsync(chosen, ct) : null;
        Response.Headers.CacheControl = "no-store";
    }
}
