using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Referrals;
using SeriousCases.Web.Infrastructure.Authentication;

namespace SeriousCases.Web.Pages.Referrals;

/// <summary>The referrals the signed-in colleague made, with their outcome, and the start of a new one.</summary>
public sealed class IndexModel(ReferralService referrals) : PageModel
{
    public IReadOnlyList<Referral> Mine { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Mine = await referrals.ListMineAsync(User.Requester(), ct);

    public async Task<IActionResult> OnPostStartAsync(CancellationToken ct)
    {
        var draft = await referrals.StartDraftAsync(User.Requester(), team: null, ct);
        return Redirect($"/referrals/{draft.Id}/received");
    }

    public static (string Text, string Colour) Status(Referral r) => r.Status switch
    {
        ReferralStatus.Draft => ("Not sent yet", "govuk-tag--grey"),
        ReferralStatus.Submitted => ("With triage", "govuk-tag--blue"),
        ReferralStatus.Accepted => ("Accepted for an IPR", "govuk-tag--green"),
        ReferralStatus.NotMet => ("Criteria not met", "govuk-tag--orange"),
        _ => ("Withdrawn", "govuk-tag--grey"),
    };
}
