using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Actions;
using SeriousCases.Web.Infrastructure.Authentication;

namespace SeriousCases.Web.Pages.Actions;

/// <summary>One activity: where it came from, who owns it, its dates and state, its history, and the changes the
/// reader may make. Anyone who may not see it is told it was not found.</summary>
public sealed class ActivityModel(ActionRegisterService register) : PageModel
{
    public ActivityDetail Detail { get; private set; } = null!;

    /// <summary>Where the IPR's reference links: the case for investigators and Triage, the IPRG's review for the group.</summary>
    public string? CaseHref { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Detail = await register.GetAsync(id, User.RegisterUser(), ct);
        if (Detail.OriginLink.InvestigationId is { } ipr)
        {
            CaseHref = User.IsInRole(Core.Identity.Roles.Investigator) || User.IsInRole(Core.Identity.Roles.Triage) ? $"/investigations/{ipr}"
                : User.IsInRole(Core.Identity.Roles.IprgMember) ? $"/iprg/{ipr}"
                : null;
        }
    }

    public static string Describe(ActivityEventKind kind) => kind switch
    {
        ActivityEventKind.Progress => "Progress update",
        ActivityEventKind.CompletionReported => "Completion reported",
        ActivityEventKind.AssuranceRecorded => "Assurance recorded",
        ActivityEventKind.Replanned => "Due date re-planned",
        ActivityEventKind.OwnerMoved => "Moved to a new owner team",
        ActivityEventKind.Closed => "Closed",
        ActivityEventKind.Reopened => "Reopened",
        _ => "Added to the register",
    };
}
