using Microsoft.AspNetCore.Mvc.ApplicationModels;
using SeriousCases.Web.Infrastructure.Authorization;

namespace SeriousCases.Web.Pages.Insight;

/// <summary>The insight register is for Analysts, Triage and the Panel secretariat.</summary>
public sealed class InsightFeature : IFeatureAccess
{
    public void Configure(PageConventionCollection pages) => pages.AuthorizeFolder("/Insight", Policies.Insight);
}
