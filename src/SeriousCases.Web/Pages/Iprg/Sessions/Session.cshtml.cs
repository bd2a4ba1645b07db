using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Common;
using SeriousCases.Core.Iprg;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Iprg.Sessions;

/// <summary>One session: its agenda of cases, adding a case with the group, taking one off.</summary>
public sealed class SessionModel(IprgSessionService sessions) : PageModel
{
    [BindProperty(Name = "investigationId")] public Guid? InvestigationId { get; set; }
    public SessionView View { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => View = await sessions.GetAsync(id, ct);

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) =>
        ChangeAsync(id, () => sessions.AddCaseAsync(id, InvestigationId, ct), "Case added to the session", ct);

    public Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken ct) =>
        ChangeAsync(id, () => sessions.RemoveCaseAsync(id, InvestigationId ?? Guid.Empty, ct), "Case removed from the session", ct);

    private async Task<IActionResult> ChangeAsync(Guid id, Func<Task> change, string done, CancellationToken ct)
    {
        try
        {
            await change();
            TempData["Saved"] = done;
            return Redirect($"/iprg/sessions/{id}");
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex);
        }

        View = await sessions.GetAsync(id, ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
