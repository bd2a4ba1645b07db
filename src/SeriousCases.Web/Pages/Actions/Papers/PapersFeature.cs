using Microsoft.AspNetCore.Mvc.ApplicationModels;
using SeriousCases.Web.Infrastructure.Authorization;

namespace SeriousCases.Web.Pages.Actions.Papers;

/// <summary>The papers the action register produces. The actions update names owners and why items are late, so it
/// is the Panel secretariat's to produce; the ministers' update is aggregate, so Panel members may read it too.</summary>
public sealed class PapersFeature : IFeatureAccess
{
    public void Configure(PageConventionCollection pages)
    {
        pages.AuthorizeFolder("/Actions/Papers", Policies.ViewPanel);
        pages.AuthorizePage("/Actions/Papers/ActionsUpdate", Policies.RunPanel);
        pages.AuthorizePage("/Actions/Papers/ActionsUpdateDocx", Policies.RunPanel);
    }
}
