using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Referrals;

namespace SeriousCases.Web.Pages.AcsLearning;

/// <summary>Not met referrals waiting for an ACS Senior Leader, oldest decision first.</summary>
public sealed class IndexModel(ReferralService referrals) : PageModel
{
    public IReadOnlyList<Referral> Waiting { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Waiting = await referrals.NotMetQueueAsync(ct);
}
