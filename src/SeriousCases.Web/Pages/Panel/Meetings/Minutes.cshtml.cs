using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Identity;
using SeriousCases.Core.Panel.Minutes;

namespace SeriousCases.Web.Pages.Panel.Meetings;

/// <summary>The meeting's minutes: for the secretariat the draft, its deadlines and the steps to publication; for
/// Panel members the minutes once agreed (never the draft being written).</summary>
public sealed class MinutesModel(MinutesService minutes) : PageModel
{
    public MinutesView View { get; private set; } = null!;

    public bool Secretariat => User.IsInRole(Roles.PanelSecretariat);

    public MeetingNavigation Navigation => new(View.Meeting.Id, View.Title, MeetingSection.Minutes);

    /// <summary>The public page of the published minutes.</summary>
    public string PublicHref => $"/minutes/{View.Meeting.MeetingOn:yyyy-MM-dd}";

    public async Task OnGetAsync(Guid id, CancellationToken ct) => View = await minutes.GetAsync(id, ct);
}
