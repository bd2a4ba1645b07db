using SeriousCases.Core.Identity;

namespace SeriousCases.Core.Demo;

/// <summary>One fictional demo user per role (emails under the reserved .test domain).</summary>
public static class DemoUsers
{
    public static readonly IReadOnlyList<(string Email, string Name, string Team, string Role)> All =
    [
        ("referrer@demo.test", "Rowan Referrer", "Universal Credit, Leeds service centre", Roles.Referrer),
        ("triage@demo.test", "Tara Triage", "IPR triage team", Roles.Triage),
        ("investigator@demo.test", "Ivan Investigator", "Internal Process Review team", Roles.Investigator),
        ("iprg@demo.test", "Imogen Groupmember", "Internal Process Review Group", Roles.IprgMember),
        ("owner@demo.test", "Owen Owner", "Universal Credit operations", Roles.ActivityOwner),
        ("acssl@demo.test", "Alex Seniorleader", "Advanced Customer Support", Roles.AcsSeniorLeader),
        ("secretariat@demo.test", "Sam Secretariat", "Customer Experience Directorate", Roles.PanelSecretariat),
        ("panel@demo.test", "Pat Panelmember", "Serious Case Panel", Roles.PanelMember),
        ("analyst@demo.test", "Ana Analyst", "Customer Insight", Roles.Analyst),
        ("admin@demo.test", "Adi Administrator", "Service management", Roles.Administrator),
    ];

    public static IEnumerable<AppUser> Create() => All.Select(u =>
    {
        var user = new AppUser { Email = u.Email, DisplayName = u.Name, Team = u.Team, IsDemo = true };
        user.Roles.Add(new UserRole { UserId = user.Id, Role = u.Role });
        return user;
    });
}
