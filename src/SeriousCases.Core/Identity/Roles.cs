namespace SeriousCases.Core.Identity;

/// <summary>The roles of the service. A user may hold several.</summary>
public static class Roles
{
    public const string Referrer = nameof(Referrer);
    public const string Triage = nameof(Triage);
    public const string Investigator = nameof(Investigator);
    public const string IprgMember = nameof(IprgMember);
    public const string ActivityOwner = nameof(ActivityOwner);
    public const string AcsSeniorLeader = nameof(AcsSeniorLeader);
    public const string PanelSecretariat = nameof(PanelSecretariat);
    public const string PanelMember = nameof(PanelMember);
    public const string Analyst = nameof(Analyst);
    public const string Administrator = nameof(Administrator);

    public static readonly IReadOnlyList<string> All =
    [
        Referrer, Triage, Investigator, IprgMember, ActivityOwner, AcsSeniorLeader,
        PanelSecretariat, PanelMember, Analyst, Administrator,
    ];

    public static string DisplayName(string role) => role switch
    {
        Referrer => "Referrer",
        Triage => "IPR triage",
        Investigator => "Investigator",
        IprgMember => "IPRG member",
        ActivityOwner => "Activity owner",
        AcsSeniorLeader => "ACS Senior Leader",
        PanelSecretariat => "Panel secretariat",
        PanelMember => "Panel member",
        Analyst => "Analyst",
        Administrator => "Administrator",
        _ => role,
    };
}
