using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using SeriousCases.Core.Identity;
using SeriousCases.Core.Iprg;
using SeriousCases.Web.Infrastructure.Authorization;
using SeriousCases.Web.Pages.Home;

namespace SeriousCases.Web.Pages.Iprg;

/// <summary>The review group's pages are for IPRG members.</summary>
public sealed class IprgFeature : IFeatureAccess
{
    public void Configure(PageConventionCollection pages) => pages.AuthorizeFolder("/Iprg", Policies.ReviewFindings);
}

/// <summary>On an IPRG member's home page: how many cases wait for the group.</summary>
public sealed class IprgAttention(IprgService iprg) : IAttentionSource
{
    public string Role => Roles.IprgMember;

    public async Task<IReadOnlyList<AttentionItem>> GetAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var waiting = (await iprg.ReadyForReviewAsync(ct)).Count;
        return waiting == 0 ? [] : [new AttentionItem(waiting == 1 ? "1 IPR is ready for the group's review" : $"{waiting} IPRs are ready for the group's review", "/iprg")];
    }
}
