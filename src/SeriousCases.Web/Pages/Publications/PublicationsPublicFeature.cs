using Microsoft.AspNetCore.Mvc.ApplicationModels;
using SeriousCases.Web.Infrastructure.Authorization;

namespace SeriousCases.Web.Pages.Publications;

/// <summary>Published editions of the annual publication are public, beside the published minutes: readable without
/// signing in. These pages read only published editions (the latest version of each year), never a draft.</summary>
public sealed class PublicationsPublicFeature : IFeatureAccess
{
    public void Configure(PageConventionCollection pages) => pages.AllowAnonymousToFolder("/Publications");
}
