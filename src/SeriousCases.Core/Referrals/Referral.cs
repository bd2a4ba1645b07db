using SeriousCases.Core.Common;
using SeriousCases.Core.ReferenceData;

namespace SeriousCases.Core.Referrals;

public enum ReferralStatus
{
    Draft = 0,
    Submitted = 1,
    Accepted = 2,
    NotMet = 3,
    Withdrawn = 4,
}

public enum AwarenessRoute
{
    MemberOfParliament = 1,
    LocalAuthority = 2,
    Family = 3,
    Coroner = 4,
    FrontlineColleague = 5,
    Complaint = 6,
    Other = 7,
}

public enum SeriousEvent
{
    None = 0,
    Died = 1,
    SuspectedSuicide = 2,
    AttemptedSuicide = 3,
    SeriousHarm = 4,
}

[Flags]
public enum ExternalReviews
{
    None = 0,
    SafeguardingAdultsReview = 1,
    SignificantCaseReview = 2,
    DomesticHomicideReview = 4,
    InquestInterestedParty = 8,
}

/// <summary>A request, made by a DWP colleague, for a case to have an Internal Process Review.</summary>
[HoldsPersonalData]
public sealed class Referral : Entity
{
    /// <summary>Human reference, e.g. REF-2022-0012.</summary>
    public required string Reference { get; set; }
    public ReferralStatus Status { get; set; }
    public Guid? ReferrerUserId { get; set; }
    [PersonalData] public string? ReferrerName { get; set; }
    public string? ReferrerTeam { get; set; }
    /// <summary>The date DWP received the referral: decides which criteria version applies.</summary>
    public DateOnly? ReceivedOn { get; set; }
    public DateOnly? DwpAwareOn { get; set; }
    public AwarenessRoute? AwarenessRoute { get; set; }
    public string? AwarenessRouteOther { get; set; }
    public Guid? CustomerId { get; set; }
    public Customer? Customer { get; set; }
    public SeriousEvent? SeriousEvent { get; set; }
    public bool? AllegationMade { get; set; }
    [PersonalData] public string? AllegationDetails { get; set; }
    public ExternalReviews ExternalReviews { get; set; }
    /// <summary>The criteria version the referral was judged by, e.g. "2022-04".</summary>
    public string? CriteriaVersion { get; set; }
    /// <summary>The name of the criteria route the system's assessment found met ("Allegation",
    /// "ExternalReview"), null when the criteria were not met.</summary>
    public string? CriteriaRoute { get; set; }
    /// <summary>Whether the system's assessment found the criteria met (Triage makes the decision).</summary>
    public bool? CriteriaMet { get; set; }
    public string? DecisionReason { get; set; }
    public DateTime? DecidedAt { get; set; }
    public Guid? DecidedByUserId { get; set; }
    public DateTime? SubmittedAt { get; set; }
    /// <summary>Not met referrals go to the ACS Senior Leaders, who record any learning captured and close them.</summary>
    public string? LearningCaptured { get; set; }
    public DateTime? ClosedAt { get; set; }
    public Guid? ClosedByUserId { get; set; }
    public List<ReferralServiceLine> ServiceLines { get; set; } = [];
}

public sealed class ReferralServiceLine
{
    public Guid ReferralId { get; set; }
    public Guid ServiceLineId { get; set; }
    public ServiceLine? ServiceLine { get; set; }
}
