using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Identity;
using SeriousCases.Core.Panel;

namespace SeriousCases.Web.Pages.Panel;

/// <summary>The Panel's meetings for one financial year (April to March), with the quarters that have none.</summary>
public sealed class IndexModel(PanelMeetingService meetings) : PageModel
{
    public MeetingYear Year { get; private set; } = null!;

    public bool IsSecretariat => User.IsInRole(Roles.PanelSecretariat);

    public async Task OnGetAsync(int? year, CancellationToken ct) =>
        Year = await meetings.YearAsync(year is >= 2019 and <= 2100 ? year : null, ct);
}
