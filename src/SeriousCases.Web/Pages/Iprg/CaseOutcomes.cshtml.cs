using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Common;
using SeriousCases.Core.Iprg;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Iprg;

/// <summary>The group records a case's learning outcomes: what changed once its activities were delivered. The
/// page shows the learning and the activities, never who the customer was.</summary>
public sealed class CaseOutcomesModel(LearningOutcomeService outcomes) : PageModel
{
    [BindProperty(Name = "text")] public string? Text { get; set; }
    public OutcomeCase Case { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => Case = await outcomes.GetAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        try
        {
            var saved = await outcomes.AddAsync(id, Text, ct);
            TempData["Recorded"] = $"Learning outcome {saved.Order} recorded";
            return Redirect($"/iprg/{id}/outcomes");
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex);
        }

        Case = await outcomes.GetAsync(id, ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
