using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using SeriousCases.Core.Identity;
using SeriousCases.Core.Referrals;
using SeriousCases.Web.Infrastructure.Authorization;
using SeriousCases.Web.Pages.Home;

namespace SeriousCases.Web.Pages.Triage;

/// <summary>Triage of referrals against the IPR criteria is for the IPR triage team.</summary>
public sealed class TriageFeature : IFeatureAccess
{
    public void Configure(PageConventionCollection pages) => pages.AuthorizeFolder("/Triage", Policies.Triage);
}

/// <summary>On Triage's home page: how many referrals wait for a decision.</summary>
public sealed class TriageAttention(ReferralService referrals) : IAttentionSource
{
    public string Role => Roles.Triage;

    public async Task<IReadOnlyList<AttentionItem>> GetAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var waiting = await referrals.TriageQueueCountAsync(ct);
        return waiting == 0 ? [] : [new AttentionItem(waiting == 1 ? "1 referral is waiting for a triage decision" : $"{waiting} referrals are waiting for a triage decision", "/triage")];
    }
}
