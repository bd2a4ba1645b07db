using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Common;
using SeriousCases.Core.ReferenceData;
using SeriousCases.Core.Referrals;
using SeriousCases.Core.Referrals.Criteria;
using SeriousCases.Web.Infrastructure.Authentication;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Triage;

/// <summary>A referral with the system's assessment and its reasons; Triage decides and records why.</summary>
public sealed class DecideModel(ReferralService referrals) : PageModel
{
    [BindProperty(Name = "decision")] public string? Decision { get; set; }
    [BindProperty(Name = "rationale")] public string? Rationale { get; set; }
    [BindProperty(Name = "version")] public int Version { get; set; }

    public Referral Referral { get; private set; } = null!;
    public CriteriaAssessment Assessment { get; private set; } = null!;
    public TimelinessTarget? Target { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        Version = Referral.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (Decision is not ("accept" or "notMet"))
        {
            ModelState.AddModelError("decision", "Select whether the referral meets the criteria for an IPR");
        }
        else
        {
            try
            {
                var decided = await referrals.DecideAsync(id, Version, new TriageDecision(Decision == "accept", Rationale), User.UserId()!.Value, ct);
                TempData["Decided"] = decided.Status == ReferralStatus.Accepted
                    ? $"Referral {decided.Reference} accepted: an Internal Process Review has been opened"
                    : $"Referral {decided.Reference} does not meet the criteria: the referrer has been told why and ACS Senior Leaders can capture learning";
                return Redirect("/triage");
            }
            catch (DomainValidationException ex)
            {
                ModelState.AddDomainErrors(ex);
            }
            catch (ConcurrencyConflictException)
            {
                ModelState.AddModelError("decision", "Someone else changed this referral while you were deciding. Check it again, then send your decision");
            }
        }

        await LoadAsync(id, ct);
        Version = Referral.Version;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        (Referral, Assessment) = await referrals.GetAsync(id, User.Requester(), ct);
        Target = await referrals.TriageTargetAsync(ct);
    }
}
