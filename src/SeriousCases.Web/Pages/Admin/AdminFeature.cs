using Microsoft.AspNetCore.Mvc.ApplicationModels;
using SeriousCases.Web.Infrastructure.Authorization;

namespace SeriousCases.Web.Pages.Admin;

/// <summary>Administration (audit trail, reference data, users) is for Administrators only.</summary>
public sealed class AdminFeature : IFeatureAccess
{
    public void Configure(PageConventionCollection pages) => pages.AuthorizeFolder("/Admin", Policies.Administer);
}
