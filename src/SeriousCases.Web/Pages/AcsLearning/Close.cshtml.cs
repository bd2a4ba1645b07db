using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Common;
using SeriousCases.Core.Referrals;
using SeriousCases.Core.Referrals.Criteria;
using SeriousCases.Web.Infrastructure.Authentication;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.AcsLearning;

/// <summary>A not met referral: what Triage found, and the ACS Senior Leader's record of learning captured.</summary>
public sealed class CloseModel(ReferralService referrals) : PageModel
{
    [BindProperty(Name = "learningCaptured")] public string? LearningCaptured { get; set; }
    [BindProperty(Name = "learning")] public string? Learning { get; set; }
    [BindProperty(Name = "version")] public int Version { get; set; }

    public Referral Referral { get; private set; } = null!;
    public CriteriaAssessment Assessment { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        Version = Referral.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        try
        {
            bool? captured = LearningCaptured switch { "yes" => true, "no" => false, _ => null };
            var closed = await referrals.CloseNotMetAsync(id, Version, captured, Learning, User.UserId()!.Value, ct);
            TempData["Closed"] = $"Referral {closed.Reference} closed" + (captured == true ? " with the learning captured" : " with no learning captured");
            return Redirect("/acs-learning");
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex);
        }
        catch (ConcurrencyConflictException)
        {
            ModelState.AddModelError("learningCaptured", "Someone else changed this referral while you were working on it. Check it again, then save");
        }

        await LoadAsync(id, ct);
        Version = Referral.Version;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken ct) =>
        (Referral, Assessment) = await referrals.GetAsync(id, User.Requester(), ct);
}
