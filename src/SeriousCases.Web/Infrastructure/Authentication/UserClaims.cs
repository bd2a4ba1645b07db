using System.Security.Claims;
using SeriousCases.Core.Identity;

namespace SeriousCases.Web.Infrastructure.Authentication;

public static class UserClaims
{
    public static ClaimsIdentity For(AppUser user, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new(ClaimTypes.Email, user.Email),
            new(ClaimTypes.Name, user.DisplayName),
        };
        claims.AddRange(user.Roles.Select(r => new Claim(ClaimTypes.Role, r.Role)));
        return new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role);
    }

    public static Guid? UserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static string? Email(this ClaimsPrincipal principal) => principal.FindFirstValue(ClaimTypes.Email);

    /// <summary>The caller as the referral rules see them (Triage sees every referral).</summary>
    public static Core.Referrals.Requester Requester(this ClaimsPrincipal principal) =>
        new(principal.UserId() ?? Guid.Empty, principal.Identity?.Name ?? "", principal.IsInRole(Core.Identity.Roles.Triage),
            principal.IsInRole(Core.Identity.Roles.AcsSeniorLeader));

    /// <summary>The parts the user plays in the action register, from their roles.</summary>
    public static Core.Actions.RegisterUser RegisterUser(this ClaimsPrincipal principal)
    {
        var roles = Core.Actions.RegisterRoles.None;
        foreach (var (role, part) in RegisterParts)
        {
            if (principal.IsInRole(role))
            {
                roles |= part;
            }
        }

        return new(principal.UserId() ?? Guid.Empty, principal.Identity?.Name ?? "", roles);
    }

    private static readonly (string Role, Core.Actions.RegisterRoles Part)[] RegisterParts =
    [
        (Core.Identity.Roles.PanelSecretariat, Core.Actions.RegisterRoles.Secretariat),
        (Core.Identity.Roles.IprgMember, Core.Actions.RegisterRoles.Iprg),
        (Core.Identity.Roles.ActivityOwner, Core.Actions.RegisterRoles.Owner),
        (Core.Identity.Roles.PanelMember, Core.Actions.RegisterRoles.PanelMember),
        (Core.Identity.Roles.Analyst, Core.Actions.RegisterRoles.Analyst),
        (Core.Identity.Roles.AcsSeniorLeader, Core.Actions.RegisterRoles.AcsSeniorLeader),
    ];
}
