using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Common;
using SeriousCases.Core.ReferenceData;
using SeriousCases.Core.Referrals;

namespace SeriousCases.Web.Pages.Triage;

/// <summary>Referrals waiting for a decision, longest waiting first.</summary>
public sealed class IndexModel(ReferralService referrals, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Referral> Waiting { get; private set; } = [];

    public DateOnly Today { get; private set; }

    /// <summary>The target from notification to decision (reference data); null if an Administrator removed it.</summary>
    public TimelinessTarget? Target { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = UkTime.Today(clock);
        Waiting = await referrals.TriageQueueAsync(ct);
        Target = await referrals.TriageTargetAsync(ct);
    }
}
