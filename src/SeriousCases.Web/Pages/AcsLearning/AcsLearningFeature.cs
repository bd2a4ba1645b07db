using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using SeriousCases.Core.Identity;
using SeriousCases.Core.Referrals;
using SeriousCases.Web.Infrastructure.Authorization;
using SeriousCases.Web.Pages.Home;

namespace SeriousCases.Web.Pages.AcsLearning;

/// <summary>Referrals found not met go to the Advanced Customer Support Senior Leaders, who capture any learning and close them.</summary>
public sealed class AcsLearningFeature : IFeatureAccess
{
    public void Configure(PageConventionCollection pages) => pages.AuthorizeFolder("/AcsLearning", Policies.CaptureAcsLearning);
}

/// <summary>On an ACS Senior Leader's home page: how many not met referrals wait for them.</summary>
public sealed class AcsLearningAttention(ReferralService referrals) : IAttentionSource
{
    public string Role => Roles.AcsSeniorLeader;

    public async Task<IReadOnlyList<AttentionItem>> GetAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var waiting = await referrals.NotMetQueueCountAsync(ct);
        return waiting == 0 ? [] : [new AttentionItem(waiting == 1 ? "1 referral not meeting the IPR criteria is waiting for you to capture learning" : $"{waiting} referrals not meeting the IPR criteria are waiting for you to capture learning", "/acs-learning")];
    }
}
