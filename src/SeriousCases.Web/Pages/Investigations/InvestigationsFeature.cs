using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using SeriousCases.Core.Identity;
using SeriousCases.Core.Investigations;
using SeriousCases.Web.Infrastructure.Authentication;
using SeriousCases.Web.Infrastructure.Authorization;
using SeriousCases.Web.Pages.Home;

namespace SeriousCases.Web.Pages.Investigations;

/// <summary>The investigation workspace is for investigators (their own cases) and Triage (all, and assigning).</summary>
public sealed class InvestigationsFeature : IFeatureAccess
{
    public void Configure(PageConventionCollection pages)
    {
        pages.AuthorizeFolder("/Investigations", Policies.Investigate);
        pages.AuthorizePage("/Investigations/Assign", Policies.Triage);
        pages.AuthorizePage("/Investigations/Quality", Policies.Triage);
    }
}

/// <summary>On an investigator's home page: how many IPRs they hold.</summary>
public sealed class CaseloadAttention(InvestigationService investigations) : IAttentionSource
{
    public string Role => Roles.Investigator;

    public async Task<IReadOnlyList<AttentionItem>> GetAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var mine = (await investigations.CaseloadAsync(user.Requester() with { IsTriage = false }, ct)).Count;
        return mine == 0 ? [] : [new AttentionItem(mine == 1 ? "1 Internal Process Review is assigned to you" : $"{mine} Internal Process Reviews are assigned to you", "/investigations")];
    }
}
