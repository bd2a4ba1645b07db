using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Audit;
using SeriousCases.Core.Data;
using SeriousCases.Core.Demo;
using SeriousCases.Web.Infrastructure.Authentication;

namespace SeriousCases.Web.Pages.Account;

public sealed class SignInModel(DemoSettings demo, OpenIdConnectSettings oidc, SeriousCasesDbContext db, IHostEnvironment environment) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool DemoEnabled => demo.Enabled && !environment.IsProduction();

    public bool OpenIdConnectConfigured => oidc.IsConfigured;

    public IReadOnlyList<(string Email, string Name, string Team, string Role)> DemoUsers => Core.Demo.DemoUsers.All;

    public void OnGet()
    {
    }

    public IActionResult OnPostOrganisation() => OpenIdConnectConfigured
        ? Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl() }, OpenIdConnectDefaults.AuthenticationScheme)
        : NotFound();

    public async Task<IActionResult> OnPostDemoAsync(string email)
    {
        if (!DemoEnabled)
        {
            return NotFound();
        }

        var user = await db.Users.Include(u => u.Roles)
            .FirstOrDefaultAsync(u => u.Email == email && u.IsDemo && u.IsActive, HttpContext.RequestAborted);
        if (user is null)
        {
            return NotFound();
        }

        var principal = new ClaimsPrincipal(UserClaims.For(user, CookieAuthenticationDefaults.AuthenticationScheme));
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        db.RecordEvent(AuditAction.SignIn, nameof(Core.Identity.AppUser), user.Id.ToString(), "Demo sign-in");
        HttpContext.User = principal;
        await db.SaveAuditEventsAsync(HttpContext.RequestAborted);
        return LocalRedirect(SafeReturnUrl());
    }

    private string SafeReturnUrl() => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
}
