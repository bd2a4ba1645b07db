using Microsoft.AspNetCore.Mvc.ApplicationModels;
using SeriousCases.Web.Infrastructure.Authorization;

namespace SeriousCases.Web.Pages.Retention;

/// <summary>Retention and disposal: the rules, what is due and the runs are for Administrators; legal holds are placed
/// and lifted by Administrators and Triage.</summary>
public sealed class RetentionFeature : IFeatureAccess
{
    public void Configure(PageConventionCollection pages)
    {
        pages.AuthorizePage("/Retention/Index", Policies.Administer);
        pages.AuthorizePage("/Retention/DryRun", Policies.Administer);
        pages.AuthorizePage("/Retention/SubjectAccess", Policies.Administer);
        pages.AuthorizeFolder("/Retention/Holds", Policies.ManageLegalHolds);
    }
}
