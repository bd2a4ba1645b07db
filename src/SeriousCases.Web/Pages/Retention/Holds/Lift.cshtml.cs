using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Common;
using SeriousCases.Core.Retention;
using SeriousCases.Web.Infrastructure.Authentication;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Retention.Holds;

/// <summary>Lift a legal hold, saying why. The version read travels with the form: a hold lifted by someone else in
/// between is not lifted twice.</summary>
public sealed class LiftModel(LegalHoldService service) : PageModel
{
    [BindProperty(Name = "reason")] public string? Reason { get; set; }
    [BindProperty(Name = "version")] public int Version { get; set; }

    public LegalHold Hold { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Hold = await service.GetAsync(id, ct);
        if (!Hold.IsActive)
        {
            return Redirect("/admin/retention/holds");
        }

        Version = Hold.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        try
        {
            var hold = await service.LiftAsync(id, Version, Reason, User.Requester(), ct);
            TempData["Saved"] = $"The legal hold on {hold.CaseReference} has been lifted";
            return Redirect("/admin/retention/holds");
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (ConcurrencyConflictException)
        {
            ModelState.AddModelError("reason", "Someone else changed or lifted this hold while you were looking at it. Check the list of holds before trying again");
            Response.StatusCode = StatusCodes.Status409Conflict;
        }

        Hold = await service.GetAsync(id, ct);
        ModelState.Remove("version");
        Version = Hold.Version;
        return Page();
    }
}
