using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Common;
using SeriousCases.Core.Investigations;
using SeriousCases.Web.Infrastructure.Authentication;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Investigations;

/// <summary>Records a fact-finding discussion held with a stakeholder.</summary>
public sealed class NewDiscussionModel(EvidenceService evidence, CustomerJourneyService journey) : PageModel
{
    [BindProperty(Name = "withWhom")] public string? WithWhom { get; set; }
    [BindProperty(Name = "role")] public string? Role { get; set; }
    [BindProperty(Name = "notes")] public string? Notes { get; set; }
    public DateFields HeldOn { get; private set; } = DateFields.Empty;
    public Investigation Investigation { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => Investigation = await journey.CaseAsync(id, User.Requester(), ct);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        HeldOn = DateInput.Read(k => Request.Form[k], "heldOn");
        var heldOn = DateInput.Parse(ModelState, "heldOn", "The date of the discussion", HeldOn);
        try
        {
            var discussion = await evidence.AddDiscussionAsync(id, heldOn, WithWhom, Role, Notes, User.Requester(), ct);
            TempData["Moved"] = $"Discussion of {UkTime.Format(discussion.HeldOn)} recorded";
            return Redirect(CaseNavigation.Href(id, CaseSection.Evidence));
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex);
        }

        Investigation = await journey.CaseAsync(id, User.Requester(), ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
