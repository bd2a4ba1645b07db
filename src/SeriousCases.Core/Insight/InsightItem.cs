using SeriousCases.Core.Common;
using SeriousCases.Core.ReferenceData;

namespace SeriousCases.Core.Insight;

/// <summary>One piece of customer-experience insight (a complaint, a coroner's report, an ICE case,
/// correspondence, a frontline issue ...) in the insight register, coded to themes.</summary>
public sealed class InsightItem : Entity
{
    public required string Reference { get; set; }
    public Guid SourceId { get; set; }
    public InsightSource? Source { get; set; }
    public DateOnly ReceivedOn { get; set; }
    /// <summary>Year*100+month of ReceivedOn, stored so monthly series group on one column on both databases.</summary>
    public int MonthKey { get; set; }
    public Guid? ServiceLineId { get; set; }
    public ServiceLine? ServiceLine { get; set; }
    /// <summary>Anonymised summary of what happened (no names or identifiers).</summary>
    public required string Summary { get; set; }
    /// <summary>Severity 1 (low) to 5 (death or serious harm), used to weigh themes.</summary>
    public int Severity { get; set; }
    /// <summary>For a coroner's Prevention of Future Deaths report: the statutory response date (56 days).</summary>
    public DateOnly? ResponseDueOn { get; set; }
    public List<InsightItemTheme> Themes { get; set; } = [];

    public static int MonthKeyOf(DateOnly date) => (date.Year * 100) + date.Month;
}

public sealed class InsightItemTheme
{
    public Guid InsightItemId { get; set; }
    public Guid ThemeId { get; set; }
    public Theme? Theme { get; set; }
}
