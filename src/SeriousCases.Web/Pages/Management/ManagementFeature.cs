using Microsoft.AspNetCore.Mvc.ApplicationModels;
using SeriousCases.Web.Infrastructure.Authorization;

namespace SeriousCases.Web.Pages.Management;

/// <summary>Management information is counts, never personal data: the dashboard is for Analysts, the Panel
/// secretariat and Panel members (in aggregate); the family engagement page stays with Analysts and the secretariat.</summary>
public sealed class ManagementFeature : IFeatureAccess
{
    public void Configure(PageConventionCollection pages)
    {
        pages.AuthorizePage("/Management/Index", Policies.ManagementInformation);
        pages.AuthorizePage("/Management/FamilyEngagement", Policies.Analyse);
        pages.AuthorizePage("/Management/ExcellencePlan", Policies.ManagementInformation);
        pages.AuthorizePage("/Management/RecordFactorValue", Policies.Analyse);
        pages.AuthorizePage("/Management/Parliament", Policies.ManagementInformation);
    }
}
