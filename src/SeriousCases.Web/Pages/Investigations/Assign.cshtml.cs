using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Common;
using SeriousCases.Core.Investigations;
using SeriousCases.Web.Infrastructure.Authentication;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Investigations;

/// <summary>Triage assigns an IPR to an investigator, or reassigns it.</summary>
public sealed class AssignModel(InvestigationService investigations) : PageModel
{
    [BindProperty(Name = "investigator")] public Guid? Investigator { get; set; }
    [BindProperty(Name = "version")] public int Version { get; set; }
    public InvestigationView View { get; private set; } = null!;
    public IReadOnlyList<InvestigatorChoice> Investigators { get; private set; } = [];

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        Investigator = View.Investigation.InvestigatorUserId;
        Version = View.Investigation.Version;
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        try
        {
            var assigned = await investigations.AssignAsync(id, Version, Investigator, ct);
            TempData["Moved"] = $"IPR {assigned.Reference} assigned";
            return Redirect($"/investigations/{id}");
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex);
        }
        catch (ConcurrencyConflictException)
        {
            ModelState.AddModelError("investigator", "Someone else changed this IPR while you were working on it. Check who it is assigned to, then save");
        }

        await LoadAsync(id, ct);
        Version = View.Investigation.Version;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        View = await investigations.GetAsync(id, User.Requester(), ct);
        Investigators = await investigations.InvestigatorsAsync(ct);
    }
}
