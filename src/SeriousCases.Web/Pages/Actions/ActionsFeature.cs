using Microsoft.AspNetCore.Mvc.ApplicationModels;
using SeriousCases.Web.Infrastructure.Authorization;

namespace SeriousCases.Web.Pages.Actions;

/// <summary>Everyone with a part in the register may read it (each sees their part: ActionRegisterService.VisibleAsync).
/// Those who own, assure or run activities reach the forms that change them, and the service still checks that the
/// activity is theirs; only the Panel secretariat adds activities that do not come from an IPR.</summary>
public sealed class ActionsFeature : IFeatureAccess
{
    public void Configure(PageConventionCollection pages)
    {
        pages.AuthorizeFolder("/Actions", Policies.ActionRegister);
        foreach (var form in new[] { "Progress", "Complete", "Replan", "Assure", "Close" })
        {
            pages.AuthorizePage($"/Actions/{form}", Policies.OwnActivities);
        }

        pages.AuthorizePage("/Actions/New", Policies.RunPanel);
    }
}
