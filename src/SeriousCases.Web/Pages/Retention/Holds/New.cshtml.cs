using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Common;
using SeriousCases.Core.Retention;
using SeriousCases.Web.Infrastructure.Authentication;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Retention.Holds;

/// <summary>Place a legal hold on a case by its IPR or referral reference, saying why.</summary>
public sealed class NewModel(LegalHoldService service) : PageModel
{
    [BindProperty(Name = "caseReference")] public string? CaseReference { get; set; }
    [BindProperty(Name = "reason")] public string? Reason { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var hold = await service.PlaceAsync(CaseReference, Reason, User.Requester(), ct);
            TempData["Saved"] = $"{hold.CaseReference} is on legal hold";
            return Redirect("/admin/retention/holds");
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }
}
