using SeriousCases.Core.Common;
using SeriousCases.Core.ReferenceData;

namespace SeriousCases.Core.Insight;

public enum InsightStatus
{
    /// <summary>Received and not yet dealt with.</summary>
    Open = 0,
    /// <summary>The department has responded (for a Prevention of Future Deaths report, to the coroner).</summary>
    Responded = 1,
    /// <summary>Nothing more to do.</summary>
    Closed = 2,
}

/// <summary>One piece of customer-experience insight: a coroner's report, a complaint, an ICE report,
/// correspondence, quality data, a frontline issue or an IPR. Identified by its source and the source's
/// own reference, so an import never adds the same item twice. Summaries are anonymised.</summary>
public sealed class InsightItem : Entity
{
    public Guid SourceId { get; set; }
    public InsightSource? Source { get; set; }
    /// <summary>The source's own reference (complaint number, coroner's reference ...), unique per source.</summary>
    public required string ExternalReference { get; set; }
    public DateOnly ReceivedOn { get; set; }
    /// <summary>Year*100+month of ReceivedOn, stored so monthly series group on one column on both databases.</summary>
    public int MonthKey { get; set; }
    /// <summary>Anonymised summary of what happened (no names or identifiers).</summary>
    public required string Summary { get; set; }
    /// <summary>Severity 1 (low) to 5 (death or serious harm), used to weigh themes; null until assessed.</summary>
    public int? Severity { get; set; }
    /// <summary>When a response is due where the source sets one (a Prevention of Future Deaths report: 56 days from receipt).</summary>
    public DateOnly? ResponseDueOn { get; set; }
    public InsightStatus Status { get; set; }
    public DateOnly? RespondedOn { get; set; }
    public Guid? ReferralId { get; set; }
    public Guid? InvestigationId { get; set; }
    public List<InsightItemServiceLine> ServiceLines { get; set; } = [];
    public List<InsightItemTheme> Themes { get; set; } = [];
    /// <summary>What the writer did with the theme suggestion; null for imported items and those added before suggestions.</summary>
    public SeriousCases.Core.Themes.ThemeSuggestionUse? ThemeSuggestion { get; set; }

    public static int MonthKeyOf(DateOnly date) => (date.Year * 100) + date.Month;

    /// <summary>Overdue: a response was due before <paramref name="today"/> and none has been recorded.</summary>
    public bool IsOverdue(DateOnly today) => ResponseDueOn < today && Status == InsightStatus.Open;
}

public sealed class InsightItemServiceLine
{
    public Guid InsightItemId { get; set; }
    public Guid ServiceLineId { get; set; }
    public ServiceLine? ServiceLine { get; set; }
}

public sealed class InsightItemTheme
{
    public Guid InsightItemId { get; set; }
    public Guid ThemeId { get; set; }
    public Theme? Theme { get; set; }
}
