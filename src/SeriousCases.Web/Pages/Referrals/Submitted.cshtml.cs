using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Referrals;
using SeriousCases.Core.Referrals.Criteria;
using SeriousCases.Web.Infrastructure.Authentication;

namespace SeriousCases.Web.Pages.Referrals;

/// <summary>A sent referral as its referrer sees it: reference, where it is, and triage's decision.</summary>
public sealed class SubmittedModel(ReferralService referrals) : PageModel
{
    public Referral Referral { get; private set; } = null!;
    public CriteriaAssessment Assessment { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        (Referral, Assessment) = await referrals.GetAsync(id, User.Requester(), ct);
        return Referral.Status == ReferralStatus.Draft ? Redirect($"/referrals/{id}/check") : Page();
    }
}
