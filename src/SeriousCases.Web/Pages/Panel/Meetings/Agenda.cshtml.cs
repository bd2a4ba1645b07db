using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Identity;
using SeriousCases.Core.Panel;
using SeriousCases.Web.Infrastructure.Authorization;

namespace SeriousCases.Web.Pages.Panel.Meetings;

/// <summary>The agenda in order, with each theme under discussion, and the papers with their late flags. The
/// secretariat's forms are pages of their own (PanelFeature.SecretariatPages); members read.</summary>
public sealed class AgendaModel(PanelMeetingService meetings, IAuthorizationService authorization) : PageModel
{
    public MeetingView View { get; private set; } = null!;

    public bool IsSecretariat => User.IsInRole(Roles.PanelSecretariat);

    /// <summary>Theme names link to the theme records only for those who may open them.</summary>
    public bool MaySeeThemes { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        View = await meetings.GetAsync(id, ct);
        MaySeeThemes = (await authorization.AuthorizeAsync(User, Policies.Administer)).Succeeded;
    }
}
