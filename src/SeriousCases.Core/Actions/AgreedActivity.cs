using SeriousCases.Core.Common;
using SeriousCases.Core.Investigations;
using SeriousCases.Core.Panel;
using SeriousCases.Core.ReferenceData;

namespace SeriousCases.Core.Actions;

/// <summary>Where an improvement activity came from. Every kind lives in the one register.</summary>
public enum ActivityOrigin
{
    IprgAgreedActivity = 1,
    PanelRecommendation = 2,
    PanelActionPoint = 3,
    PanelDecisionWork = 4,
    AcsSeniorLeaderLearning = 5,
    ParliamentOrNaoCommitment = 6,
}

public enum ActivityStatus
{
    NotStarted = 0,
    InProgress = 1,
    Complete = 2,
    ClosedWithoutCompletion = 3,
}

public enum AssuranceGrade
{
    Assured = 1,
    PartlyAssured = 2,
    NotAssuredReopened = 3,
    Superseded = 4,
}

public enum ActivityPriority
{
    Low = 1,
    Medium = 2,
    High = 3,
}

/// <summary>An improvement activity or recommendation tracked until its outcome is recorded.</summary>
public sealed class AgreedActivity : Entity
{
    /// <summary>Human reference, e.g. ACT-2022-0091 or, for Panel action points, kept alongside Number.</summary>
    public required string Reference { get; set; }
    public ActivityOrigin Origin { get; set; }
    public required string Text { get; set; }
    public int Order { get; set; }

    public Guid? InvestigationId { get; set; }
    public Investigation? Investigation { get; set; }
    /// <summary>For an IPRG agreed activity: the finding it answers (one finding can have several).</summary>
    public Guid? FindingId { get; set; }
    public Guid? PanelMeetingId { get; set; }
    public PanelMeeting? PanelMeeting { get; set; }
    public Guid? PanelDecisionId { get; set; }
    public PanelDecision? PanelDecision { get; set; }
    /// <summary>For learning captured by an ACS Senior Leader: the referral that did not meet the criteria.</summary>
    public Guid? ReferralId { get; set; }
    /// <summary>Where a commitment was made, e.g. "Government response to the Work and Pensions Committee, 2024".</summary>
    public string? OriginDescription { get; set; }
    /// <summary>Numbered per meeting for Panel action points (AP1, AP2 ...).</summary>
    public int? Number { get; set; }

    /// <summary>The service line the activity is counted under in the publication.</summary>
    public Guid? ServiceLineId { get; set; }
    public ServiceLine? ServiceLine { get; set; }
    public Guid? OwnerTeamId { get; set; }
    public OwnerTeam? OwnerTeam { get; set; }
    public string? ResponsiblePerson { get; set; }
    /// <summary>Director General or committee accountable (required for Panel recommendations).</summary>
    public string? AccountableDirectorGeneral { get; set; }
    public string? Timescale { get; set; }
    public DateOnly? FirstDueOn { get; set; }
    public DateOnly? DueOn { get; set; }
    public ActivityPriority Priority { get; set; } = ActivityPriority.Medium;
    public ActivityStatus Status { get; set; }
    public string? ClosedReason { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public AssuranceGrade? Assurance { get; set; }
    public DateOnly? AssuredOn { get; set; }
    public string? EvidenceOfCompletion { get; set; }
    /// <summary>What changed once the activity was delivered, as the publication prints it.</summary>
    public string? LearningOutcome { get; set; }
    /// <summary>When the owner reported it complete; it counts as complete only once assured.</summary>
    public DateOnly? ReportedCompleteOn { get; set; }
    /// <summary>The activity that replaced this one when assurance found it superseded.</summary>
    public Guid? SupersededByActivityId { get; set; }

    public List<ActivityContributor> Contributors { get; set; } = [];
    public List<ActivityUpdate> Updates { get; set; } = [];
    public List<DueDateChange> DueDateChanges { get; set; } = [];
}
