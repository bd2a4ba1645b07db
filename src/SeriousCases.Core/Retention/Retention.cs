using SeriousCases.Core.Common;

namespace SeriousCases.Core.Retention;

/// <summary>What a retention rule disposes of: the investigation material of seed 002 question 10 ("investigation
/// materials are held for six years"). Findings, agreed activities, outcomes, themes, counts and published material
/// are never a category: they are kept as anonymised records.</summary>
public enum RetentionCategory
{
    /// <summary>The customer's name, date of birth, NI number and date of death.</summary>
    CustomerIdentity = 1,
    /// <summary>The investigator's case summary for the IPR report.</summary>
    CaseSummary = 2,
    /// <summary>Every contact of the customer's journey with DWP.</summary>
    Journey = 3,
    /// <summary>Evidence documents and their content.</summary>
    EvidenceFiles = 4,
    /// <summary>Fact-finding discussions: who was spoken to and the notes.</summary>
    FactFindingNotes = 5,
    /// <summary>Who contacted or met the family and the notes (the date, kind, level and apology stay, as they are counted).</summary>
    FamilyEngagementDetails = 6,
    /// <summary>The referrer's name and the details of the allegation.</summary>
    ReferralPersonalDetails = 7,
}

/// <summary>The event a retention period runs from.</summary>
public enum RetentionTrigger
{
    /// <summary>The IPR concluded (its conclusion date).</summary>
    IprConcluded = 1,
    /// <summary>A referral that did not meet the criteria was closed by the ACS Senior Leaders.</summary>
    NotMetReferralClosed = 2,
}

/// <summary>Reference data: a category of material is disposed of so many years after an event.</summary>
public sealed class RetentionRule : Entity
{
    /// <summary>Short code shown in disposal records, e.g. IPR-JOURNEY.</summary>
    public required string Code { get; set; }
    public RetentionCategory Category { get; set; }
    public RetentionTrigger Trigger { get; set; }
    public int PeriodYears { get; set; }
    public bool IsActive { get; set; } = true;
}

/// <summary>A legal hold (an inquest or litigation pending, for example) stops disposal of a case until lifted.
/// A case is an IPR with its referral, or a referral without an IPR; a hold on either holds both.</summary>
public sealed class LegalHold : Entity
{
    /// <summary>The reference the hold was placed on (IPR-2019-0004 or REF-2019-0012).</summary>
    public required string CaseReference { get; set; }
    public Guid? InvestigationId { get; set; }
    public Guid? ReferralId { get; set; }
    public required string Reason { get; set; }
    public Guid? PlacedByUserId { get; set; }
    public required string PlacedBy { get; set; }
    public DateTime PlacedAt { get; set; }
    public string? LiftedReason { get; set; }
    public Guid? LiftedByUserId { get; set; }
    public string? LiftedBy { get; set; }
    public DateTime? LiftedAt { get; set; }

    public bool IsActive => LiftedAt is null;
}

/// <summary>The record kept when a category of a case's material was disposed of: which case, what, when, under
/// which rule. Its creation is the disposal's entry in the audit trail. Holds no personal data.</summary>
public sealed class DisposalRecord : Entity
{
    public required string CaseReference { get; set; }
    public RetentionCategory Category { get; set; }
    public required string RuleCode { get; set; }
    public RetentionTrigger Trigger { get; set; }
    public int PeriodYears { get; set; }
    /// <summary>The date of the event the period ran from.</summary>
    public DateOnly EventOn { get; set; }
    public DateOnly DueOn { get; set; }
    public DateTime DisposedAt { get; set; }
    /// <summary>Rows removed or cleared for this category.</summary>
    public int Records { get; set; }
    public Guid RetentionRunId { get; set; }
}

/// <summary>One real run of retention (the nightly job, the command line or an Administrator): its counts.</summary>
public sealed class RetentionRun : Entity
{
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    /// <summary>The system actor or user who started it, e.g. system:retention.</summary>
    public required string StartedBy { get; set; }
    public DateOnly AsOf { get; set; }
    public int CasesDisposed { get; set; }
    public int CategoriesDisposed { get; set; }
    public int CasesHeld { get; set; }
}
