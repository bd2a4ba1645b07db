using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Common;
using SeriousCases.Core.Iprg;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Iprg.Sessions;

public sealed class NewModel(IprgSessionService sessions) : PageModel
{
    [BindProperty(Name = "notes")] public string? Notes { get; set; }
    public DateFields HeldOn { get; private set; } = DateFields.Empty;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        HeldOn = DateInput.Read(k => Request.Form[k], "heldOn");
        var heldOn = DateInput.Parse(ModelState, "heldOn", "The date of the session", HeldOn);
        try
        {
            var session = await sessions.ScheduleAsync(heldOn, Notes, ct);
            TempData["Saved"] = $"Session scheduled for {UkTime.Format(session.HeldOn)}";
            return Redirect($"/iprg/sessions/{session.Id}");
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
