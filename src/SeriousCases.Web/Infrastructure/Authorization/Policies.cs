using Microsoft.AspNetCore.Authorization;
using SeriousCases.Core.Identity;

namespace SeriousCases.Web.Infrastructure.Authorization;

/// <summary>Named capabilities and the roles that hold them. Features refer to these names only.</summary>
public static class Policies
{
    public const string SignedIn = nameof(SignedIn);
    public const string Refer = nameof(Refer);
    public const string Triage = nameof(Triage);
    public const string Investigate = nameof(Investigate);
    public const string ReviewFindings = nameof(ReviewFindings);
    public const string OwnActivities = nameof(OwnActivities);
    /// <summary>The action register: each role sees its part of it (ActionRegisterService.VisibleAsync).</summary>
    public const string ActionRegister = nameof(ActionRegister);
    public const string CaptureAcsLearning = nameof(CaptureAcsLearning);
    public const string RunPanel = nameof(RunPanel);
    public const string ViewPanel = nameof(ViewPanel);
    public const string Analyse = nameof(Analyse);
    /// <summary>Management information: aggregate figures only, so Panel members see them too.</summary>
    public const string ManagementInformation = nameof(ManagementInformation);
    public const string Administer = nameof(Administer);
    public const string Insight = nameof(Insight);
    /// <summary>Placing and lifting legal holds that stop retention disposing of a case.</summary>
    public const string ManageLegalHolds = nameof(ManageLegalHolds);
    /// <summary>Themes and trends: aggregates and anonymised text; Panel members see no links to case records.</summary>
    public const string Themes = nameof(Themes);

    public static readonly IReadOnlyDictionary<string, string[]> RolesByPolicy = new Dictionary<string, string[]>
    {
        [SignedIn] = [.. Roles.All],
        [Refer] = [.. Roles.All],
        [Triage] = [Roles.Triage],
        [Investigate] = [Roles.Investigator, Roles.Triage],
        [ReviewFindings] = [Roles.IprgMember],
        [OwnActivities] = [Roles.ActivityOwner, Roles.IprgMember, Roles.PanelSecretariat],
        [ActionRegister] = [Roles.ActivityOwner, Roles.IprgMember, Roles.PanelSecretariat, Roles.PanelMember, Roles.Analyst, Roles.AcsSeniorLeader],
        [CaptureAcsLearning] = [Roles.AcsSeniorLeader],
        [RunPanel] = [Roles.PanelSecretariat],
        [ViewPanel] = [Roles.PanelSecretariat, Roles.PanelMember],
        [Analyse] = [Roles.Analyst, Roles.PanelSecretariat],
        [ManagementInformation] = [Roles.Analyst, Roles.PanelSecretariat, Roles.PanelMember],
        [Administer] = [Roles.Administrator],
        [Insight] = [Roles.Analyst, Roles.Triage, Roles.PanelSecretariat],
        [ManageLegalHolds] = [Roles.Administrator, Roles.Triage],
        [Themes] = [Roles.PanelSecretariat, Roles.Analyst, Roles.PanelMember],
    };

    public static void AddServicePolicies(this AuthorizationOptions options)
    {
        foreach (var (name, roles) in RolesByPolicy)
        {
            options.AddPolicy(name, p => p.RequireAuthenticatedUser().RequireRole(roles));
        }

        // A page or endpoint without its own rule still needs a signed-in user with a role.
        options.FallbackPolicy = options.GetPolicy(SignedIn);
    }
}
