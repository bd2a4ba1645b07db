using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Actions;
using SeriousCases.Core.Common;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Admin.ReferenceData.Escalation;

/// <summary>Change a step of the ladder. The version read with the form travels in a hidden field, so a change
/// saved by someone else in between is shown instead of being overwritten.</summary>
public sealed class EditModel(EscalationLadderService service) : PageModel
{
    [BindProperty(Name = "name")] public string? Name { get; set; }
    [BindProperty(Name = "daysAfterDue")] public string? DaysAfterDue { get; set; }
    [BindProperty(Name = "isActive")] public bool IsActive { get; set; }
    [BindProperty(Name = "version")] public int Version { get; set; }

    public EscalationStep Step { get; private set; } = null!;
    public EscalationStep? TheirVersion { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Step = await service.GetAsync(id, ct);
        (Name, DaysAfterDue, IsActive, Version) = (Step.Name, Step.DaysAfterDue.ToString(System.Globalization.CultureInfo.InvariantCulture), Step.IsActive, Step.Version);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        try
        {
            var saved = await service.UpdateAsync(id, Version, new EscalationStepChange(Name, DaysAfterDue, IsActive), ct);
            TempData["Saved"] = $"{saved.Name} has been saved";
            return Redirect("/admin/reference-data/escalation");
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex);
        }
        catch (ConcurrencyConflictException)
        {
            // Keep what the user typed and show what the other person saved; saving again replaces it.
            TheirVersion = await service.GetAsync(id, ct);
            ModelState.AddModelError("name", "Someone else changed this step while you were editing it. Check their changes below, then save again to replace them with yours");
            ModelState.Remove("version");
            Version = TheirVersion.Version;
        }

        Step = TheirVersion ?? await service.GetAsync(id, ct);
        Response.StatusCode = TheirVersion is null ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
        return Page();
    }
}
