using Microsoft.AspNetCore.Mvc.ApplicationModels;
using SeriousCases.Web.Infrastructure.Authorization;

namespace SeriousCases.Web.Pages.Themes;

/// <summary>Themes and trends: the Panel secretariat, Analysts and Panel members. Members see aggregates and anonymised
/// text only, never a link to a case record or a case reference.</summary>
public sealed class ThemesFeature : IFeatureAccess
{
    public void Configure(PageConventionCollection pages) => pages.AuthorizeFolder("/Themes", Policies.Themes);
}
