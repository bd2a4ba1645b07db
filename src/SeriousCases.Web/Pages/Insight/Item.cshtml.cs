using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Common;
using SeriousCases.Core.Insight;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Insight;

/// <summary>One item, with its deadline, and where the department records that it responded or closed it.</summary>
public sealed class ItemModel(InsightService insight, TimeProvider clock) : PageModel
{
    [BindProperty(Name = "status")] public InsightStatus? Status { get; set; }
    [BindProperty(Name = "version")] public int Version { get; set; }
    public DateFields RespondedOn { get; private set; } = DateFields.Empty;
    public InsightItem Item { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        Status = Item.Status;
        Version = Item.Version;
        RespondedOn = DateFields.Of(Item.RespondedOn);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        RespondedOn = DateInput.Read(k => Request.Form[k], "respondedOn");
        var responded = DateInput.Parse(ModelState, "respondedOn", "The date the department responded", RespondedOn);
        if (Status is null)
        {
            ModelState.AddModelError("status", "Select the item's status");
        }

        if (ModelState.IsValid)
        {
            try
            {
                await insight.RecordStatusAsync(id, Version, Status!.Value, responded, ct);
                TempData["Updated"] = "Status saved";
                return Redirect($"/insight/{id}");
            }
            catch (DomainValidationException ex)
            {
                ModelState.AddDomainErrors(ex);
            }
            catch (ConcurrencyConflictException)
            {
                ModelState.AddModelError("status", "Someone else changed this item while you were working on it. Check its status again, then save");
            }
        }

        await LoadAsync(id, ct);
        Version = Item.Version;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Today = UkTime.Today(clock);
        Item = await insight.GetAsync(id, ct);
    }
}
