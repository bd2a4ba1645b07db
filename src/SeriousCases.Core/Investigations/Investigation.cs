using SeriousCases.Core.Common;
using SeriousCases.Core.ReferenceData;
using SeriousCases.Core.Referrals;

namespace SeriousCases.Core.Investigations;

public enum InvestigationStage
{
    Accepted = 1,
    Launched = 2,
    FactFinding = 3,
    Drafting = 4,
    WithIprg = 5,
    Concluded = 6,
}

public enum InvestigationOutcome
{
    LearningIdentified = 1,
    NoLearningIdentified = 2,
}

/// <summary>An Internal Process Review (IPR) of an accepted referral.</summary>
[HoldsPersonalData]
public sealed class Investigation : Entity
{
    /// <summary>Human reference, e.g. IPR-2022-0007.</summary>
    public required string Reference { get; set; }
    public Guid? ReferralId { get; set; }
    public Referral? Referral { get; set; }
    public Guid? CustomerId { get; set; }
    public Customer? Customer { get; set; }
    public InvestigationStage Stage { get; set; } = InvestigationStage.Accepted;
    public Guid? InvestigatorUserId { get; set; }
    public DateOnly? NotifiedOn { get; set; }
    public DateOnly? AcceptedOn { get; set; }
    public DateOnly? LaunchedOn { get; set; }
    public DateOnly? SentToIprgOn { get; set; }
    public DateOnly? IprgReviewedOn { get; set; }
    public DateOnly? ConcludedOn { get; set; }
    public InvestigationOutcome? Outcome { get; set; }
    /// <summary>Whether the case was also subject to external scrutiny (SAB, SCR, DHR, coroner), possibly later.</summary>
    public bool ExternalScrutiny { get; set; }
    public string? ExternalScrutinyDetails { get; set; }
    /// <summary>The investigator's summary of the case for the IPR report (what happened, what was reviewed).</summary>
    [PersonalData] public string? Summary { get; set; }
    /// <summary>Every service line the customer had at the time of the event (the publication counts each).</summary>
    public List<InvestigationServiceLine> ServiceLines { get; set; } = [];
    public List<Finding> Findings { get; set; } = [];
    public List<LearningOutcome> LearningOutcomes { get; set; } = [];
}

public sealed class InvestigationServiceLine
{
    public Guid InvestigationId { get; set; }
    public Guid ServiceLineId { get; set; }
    public ServiceLine? ServiceLine { get; set; }
}

/// <summary>One item of "learning identified", written in the publication's style.</summary>
public sealed class Finding : Entity
{
    public Guid InvestigationId { get; set; }
    public Investigation? Investigation { get; set; }
    public int Order { get; set; }
    public required string Text { get; set; }
    public Guid ServiceLineId { get; set; }
    public ServiceLine? ServiceLine { get; set; }
    /// <summary>Year × 100 + month the themes feature counts the finding in (<c>Themes/FindingMonth.cs</c>), kept by the
    /// DbContext as the IPR's dates change; null while the IPR has no date. Kept, not edited: a change to it alone
    /// leaves the finding's version, so a finding open for editing during a stage move still saves.</summary>
    [DerivedValue]
    public int? MonthKey { get; set; }
    public List<FindingTheme> Themes { get; set; } = [];
    /// <summary>What the writer did with the theme suggestion; null for findings written before suggestions were offered.</summary>
    public SeriousCases.Core.Themes.ThemeSuggestionUse? ThemeSuggestion { get; set; }
}

public sealed class FindingTheme
{
    public Guid FindingId { get; set; }
    public Guid ThemeId { get; set; }
    public Theme? Theme { get; set; }
}

/// <summary>A learning outcome recorded for a case once its activities were delivered (published text).</summary>
public sealed class LearningOutcome : Entity
{
    public Guid InvestigationId { get; set; }
    public int Order { get; set; }
    public required string Text { get; set; }
}
