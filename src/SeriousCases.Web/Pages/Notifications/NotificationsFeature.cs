using Microsoft.AspNetCore.Mvc.ApplicationModels;
using SeriousCases.Web.Infrastructure.Authorization;

namespace SeriousCases.Web.Pages.Notifications;

/// <summary>Every signed-in user reads their own notifications; nobody reads anyone else's.</summary>
public sealed class NotificationsFeature : IFeatureAccess
{
    public void Configure(PageConventionCollection pages) => pages.AuthorizeFolder("/Notifications", Policies.SignedIn);
}
