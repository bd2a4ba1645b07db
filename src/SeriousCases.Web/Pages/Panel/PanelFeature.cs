using Microsoft.AspNetCore.Mvc.ApplicationModels;
using SeriousCases.Web.Infrastructure.Authorization;

namespace SeriousCases.Web.Pages.Panel;

/// <summary>The Panel's pages: members read them (themes and aggregates only, never a customer's details); only the
/// secretariat changes anything. Pages whose name starts with a verb that changes things are listed here.</summary>
public sealed class PanelFeature : IFeatureAccess
{
    public void Configure(PageConventionCollection pages)
    {
        pages.AuthorizeFolder("/Panel", Policies.ViewPanel);
        foreach (var page in SecretariatPages)
        {
            pages.AuthorizePage(page, Policies.RunPanel);
        }
    }

    /// <summary>Forms that change the Panel's record; each feature adds its own here.</summary>
    public static readonly string[] SecretariatPages =
    [
        "/Panel/TermsOfReference/New",
        "/Panel/Membership/New",
        "/Panel/Membership/End",
        "/Panel/Meetings/MinutesEdit",
        "/Panel/Meetings/MinutesAgree",
        "/Panel/Meetings/MinutesCirculate",
        "/Panel/Meetings/MinutesRedact",
        "/Panel/Meetings/MinutesPublish",
        "/Panel/Meetings/New",
        "/Panel/Meetings/Plan",
        "/Panel/Meetings/Edit",
        "/Panel/Meetings/Held",
        "/Panel/Meetings/AgendaItem",
        "/Panel/Meetings/Paper",
        "/Panel/Meetings/Circulated",
        "/Panel/Meetings/Attendee",
        "/Panel/Meetings/NewDecision",
        "/Panel/Meetings/NewActionPoint",
        "/Panel/Meetings/NewRecommendation",
    ];
}
