using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Common;
using SeriousCases.Core.Management;
using SeriousCases.Web.Infrastructure.Authentication;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Management;

/// <summary>Records a figure of a success factor the service cannot compute, for a period, with its source.</summary>
public sealed class RecordFactorValueModel(ExcellencePlanService plan) : PageModel
{
    [BindProperty(Name = "value")] public string? Value { get; set; }
    [BindProperty(Name = "source")] public string? Source { get; set; }
    public DateFields PeriodFrom { get; private set; } = DateFields.Empty;
    public DateFields PeriodTo { get; private set; } = DateFields.Empty;
    public SuccessFactor? Factor { get; private set; }
    public string Measure { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        PeriodFrom = DateInput.Read(k => Request.Form[k], "periodFrom");
        PeriodTo = DateInput.Read(k => Request.Form[k], "periodTo");
        var from = DateInput.Parse(ModelState, "periodFrom", "The first day of the period", PeriodFrom);
        var to = DateInput.Parse(ModelState, "periodTo", "The last day of the period", PeriodTo);
        try
        {
            // A date that could not be read reaches the service as missing, so nothing is saved and every other
            // mistake is shown at once; the date keeps the page's own message.
            var saved = await plan.RecordAsync(id, from, to, Value, Source, User.UserId(), ct);
            TempData["ValueSaved"] = $"Figure for {UkTime.Format(saved.PeriodFrom)} to {UkTime.Format(saved.PeriodTo)} recorded";
            return Redirect("/management/excellence-plan#factor-" + id);
        }
        catch (DomainValidationException ex)
        {
            foreach (var error in ex.Errors.Where(e => !ModelState.ContainsKey(e.Field) || ModelState[e.Field]!.Errors.Count == 0))
            {
                ModelState.AddModelError(error.Field, error.Message);
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await plan.EnteredFactorAsync(id, ct) is not { } found)
        {
            return false;
        }

        (Factor, Measure) = found;
        return true;
    }
}
