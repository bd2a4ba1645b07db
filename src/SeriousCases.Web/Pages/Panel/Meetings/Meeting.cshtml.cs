using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Identity;
using SeriousCases.Core.Panel;

namespace SeriousCases.Web.Pages.Panel.Meetings;

/// <summary>A meeting's overview: its details, chair and the secretariat's deadlines.</summary>
public sealed class MeetingModel(PanelMeetingService meetings) : PageModel
{
    public MeetingView View { get; private set; } = null!;

    public bool IsSecretariat => User.IsInRole(Roles.PanelSecretariat);

    public async Task OnGetAsync(Guid id, CancellationToken ct) => View = await meetings.GetAsync(id, ct);
}
