using Microsoft.AspNetCore.Mvc.ApplicationModels;
using SeriousCases.Web.Infrastructure.Authorization;

namespace SeriousCases.Web.Pages.Help;

/// <summary>The accessibility statement, privacy notice and cookies page must be readable before signing in.</summary>
public sealed class HelpFeature : IFeatureAccess
{
    public void Configure(PageConventionCollection pages) => pages.AllowAnonymousToFolder("/Help");
}
