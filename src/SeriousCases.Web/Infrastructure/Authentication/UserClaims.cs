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
}
