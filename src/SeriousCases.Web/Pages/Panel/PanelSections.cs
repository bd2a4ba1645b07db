using SeriousCases.Web.Pages.Shared;

namespace SeriousCases.Web.Pages.Panel;

public enum PanelSection
{
    Meetings,
    TermsOfReference,
    Membership,
}

/// <summary>The Panel's own sections (its meetings, its Terms of Reference, its membership), shown at the top of each
/// section's main pages by <c>_PanelSections</c>.</summary>
public static class PanelSections
{
    public const string MeetingsHref = "/panel";
    public const string TermsOfReferenceHref = "/panel/terms-of-reference";
    public const string MembershipHref = "/panel/membership";

    public static SubNavigation Menu(PanelSection current) => new("Serious Case Panel",
    [
        new SubNavigationLink("Meetings", MeetingsHref, current == PanelSection.Meetings),
        new SubNavigationLink("Terms of Reference", TermsOfReferenceHref, current == PanelSection.TermsOfReference),
        new SubNavigationLink("Membership", MembershipHref, current == PanelSection.Membership),
    ]);
}
