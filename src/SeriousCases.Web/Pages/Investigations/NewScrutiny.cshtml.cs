using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Common;
using SeriousCases.Core.Investigations;
using SeriousCases.Web.Infrastructure.Authentication;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Investigations;

/// <summary>Records external scrutiny of a case, also after it concluded.</summary>
public sealed class NewScrutinyModel(InvestigationService investigations) : PageModel
{
    [BindProperty(Name = "kind")] public ScrutinyKind? Kind { get; set; }
    [BindProperty(Name = "notes")] public string? Notes { get; set; }
    public DateFields On { get; private set; } = DateFields.Empty;
    public InvestigationView View { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => View = await investigations.GetAsync(id, User.Requester(), ct);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        On = DateInput.Read(k => Request.Form[k], "on");
        var on = DateInput.Parse(ModelState, "on", "The date", On);
        try
        {
            // Boxes that make no date arrive as no date, which the service refuses too: nothing is stored.
            await investigations.AddScrutinyAsync(id, Kind, on, Notes, User.Requester(), ct);
            TempData["Moved"] = "External scrutiny recorded";
            return Redirect($"/investigations/{id}");
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex);
        }

        View = await investigations.GetAsync(id, User.Requester(), ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
