using Microsoft.AspNetCore.Mvc.ApplicationModels;
using SeriousCases.Web.Infrastructure.Authorization;

namespace SeriousCases.Web.Pages.Management;

/// <summary>Management information (counts, never personal data) is for Analysts and the Panel secretariat.</summary>
public sealed class ManagementFeature : IFeatureAccess
{
    public void Configure(PageConventionCollection pages) => pages.AuthorizeFolder("/Management", Policies.Analyse);
}
