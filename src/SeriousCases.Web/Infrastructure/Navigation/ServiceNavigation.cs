using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using SeriousCases.Web.Infrastructure.Authorization;

namespace SeriousCases.Web.Infrastructure.Navigation;

public sealed record NavigationItem(string Text, string Href, string Policy);

public sealed record VisibleNavigationItem(string Text, string Href, bool Current);

/// <summary>The sections of the service, each shown only to those whose roles may use it. Later
/// features add their section here, with the same policy that guards their pages.</summary>
public sealed class ServiceNavigation(IAuthorizationService authorization)
{
    public static readonly IReadOnlyList<NavigationItem> Sections =
    [
        new("Home", "/", Policies.SignedIn),
        new("Notifications", "/notifications", Policies.SignedIn),
        new("Referrals", "/referrals", Policies.Refer),
        new("Triage", "/triage", Policies.Triage),
        new("IPRs", "/investigations", Policies.Investigate),
        new("IPRG review", "/iprg", Policies.ReviewFindings),
        new("Not met referrals", "/acs-learning", Policies.CaptureAcsLearning),
        new("Action register", "/actions", Policies.ActionRegister),
        new("Serious Case Panel", "/panel", Policies.ViewPanel),
        new("Insight", "/insight", Policies.Insight),
        new("Themes and trends", "/themes", Policies.Themes),
        new("Management information", "/management", Policies.ManagementInformation),
        new("Annual publication", "/publication", Policies.Analyse),
        new("Service lines", "/admin/reference-data/service-lines", Policies.Administer),
        new("Themes", "/admin/reference-data/themes", Policies.Administer),
        new("IPR criteria", "/admin/reference-data/criteria", Policies.Administer),
        new("Escalation", "/admin/reference-data/escalation", Policies.Administer),
        new("Audit trail", "/admin/audit", Policies.Administer),
        new("Retention", "/admin/retention", Policies.Administer),
        new("Legal holds", "/admin/retention/holds", Policies.ManageLegalHolds),
    ];

    public async Task<IReadOnlyList<VisibleNavigationItem>> ForAsync(ClaimsPrincipal user, PathString path)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return [];
        }

        var visible = new List<VisibleNavigationItem>();
        foreach (var section in Sections)
        {
            if ((await authorization.AuthorizeAsync(user, section.Policy)).Succeeded)
            {
                var current = section.Href == "/" ? path == "/" : path.StartsWithSegments(section.Href);
                visible.Add(new VisibleNavigationItem(section.Text, section.Href, current));
            }
        }

        return visible;
    }
}
