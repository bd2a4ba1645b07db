using Microsoft.AspNetCore.Mvc.ApplicationModels;
using SeriousCases.Web.Infrastructure.Authorization;

namespace SeriousCases.Web.Pages.Publication;

/// <summary>The annual publication's editor pages: Analysts and the Panel secretariat build, check, approve and publish
/// editions. The public pages (published editions only) are in /Publications.</summary>
public sealed class PublicationFeature : IFeatureAccess
{
    public void Configure(PageConventionCollection pages) => pages.AuthorizeFolder("/Publication", Policies.Analyse);

    public static string Href(Guid id) => $"/publication/{id}";
}
