using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Common;
using SeriousCases.Core.Iprg;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Iprg;

/// <summary>One case as the group reviews it: findings, the activities agreed for each, and recording the review.</summary>
public sealed class ReviewModel(IprgService iprg) : PageModel
{
    [BindProperty(Name = "version")] public int Version { get; set; }
    public ReviewView View { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        View = await iprg.GetAsync(id, ct);
        Version = View.Investigation.Version;
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        try
        {
            var reviewed = await iprg.RecordReviewAsync(id, Version, ct);
            TempData["Reviewed"] = $"Review of IPR {reviewed.Reference} recorded: the investigator can now conclude it";
            return Redirect("/iprg");
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex);
        }
        catch (ConcurrencyConflictException)
        {
            ModelState.AddModelError("review", "Someone else changed this IPR while you were reviewing it. Check it again, then record the review");
        }

        View = await iprg.GetAsync(id, ct);
        Version = View.Investigation.Version;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
