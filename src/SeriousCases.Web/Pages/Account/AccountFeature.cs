using Microsoft.AspNetCore.Mvc.ApplicationModels;
using SeriousCases.Web.Infrastructure.Authorization;

namespace SeriousCases.Web.Pages.Account;

/// <summary>Sign-in, sign-out and error pages are open to everyone; the rest of the service is not.</summary>
public sealed class AccountFeature : IFeatureAccess
{
    public void Configure(PageConventionCollection pages)
    {
        pages.AllowAnonymousToPage("/Account/SignIn");
        pages.AllowAnonymousToPage("/Account/SignOut");
        pages.AllowAnonymousToPage("/Account/AccessDenied");
        pages.AllowAnonymousToPage("/Error");
    }
}
