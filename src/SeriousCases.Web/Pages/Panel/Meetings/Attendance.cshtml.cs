using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Identity;
using SeriousCases.Core.Panel;

namespace SeriousCases.Web.Pages.Panel.Meetings;

/// <summary>Who attended, grouped as the minutes list them. The secretariat's forms are pages of their own.</summary>
public sealed class AttendanceModel(PanelMeetingService meetings) : PageModel
{
    public MeetingView View { get; private set; } = null!;

    public bool IsSecretariat => User.IsInRole(Roles.PanelSecretariat);

    public static readonly AttendanceKind[] Groups =
        [AttendanceKind.Member, AttendanceKind.Deputy, AttendanceKind.Presenter, AttendanceKind.AdditionalAttendee, AttendanceKind.Secretariat, AttendanceKind.Apologies];

    public async Task OnGetAsync(Guid id, CancellationToken ct) => View = await meetings.GetAsync(id, ct);
}
