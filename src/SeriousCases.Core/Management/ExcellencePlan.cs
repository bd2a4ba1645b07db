using SeriousCases.Core.Common;

namespace SeriousCases.Core.Management;

/// <summary>Whether a measure expands existing activity, broadens its scope or introduces new activity (seed 003, question 2).</summary>
public enum MeasureActivity
{
    Expands = 1,
    Broadens = 2,
    Introduces = 3,
}

/// <summary>The Excellence Plan's five overall outcomes (seed 003).</summary>
[Flags]
public enum PlanOutcomes
{
    None = 0,
    Prevention = 1,
    ProactiveSupport = 2,
    RightFirstTime = 4,
    LearningFromExperience = 8,
    Trust = 16,
}

/// <summary>A funded measure of the Excellence Plan with what it intends, what it contributes to and how it is measured.</summary>
public sealed class ExcellenceMeasure : Entity
{
    public required string Name { get; set; }
    public int Order { get; set; }
    public decimal? AllocationMillions { get; set; }
    public int? Fte { get; set; }
    public string? Intent { get; set; }
    public MeasureActivity? Activity { get; set; }
    public PlanOutcomes Outcomes { get; set; }
    /// <summary>One underpinning outcome a line.</summary>
    public string? UnderpinningOutcomes { get; set; }
    /// <summary>One measure a line ("Rate of Mandatory Reconsiderations").</summary>
    public string? MeasuredBy { get; set; }
    public bool? BaselineAvailable { get; set; }
    public bool? ProgressMonitorable { get; set; }
    public bool? ContributionDemonstrable { get; set; }
    public List<SuccessFactor> Factors { get; set; } = [];
}

/// <summary>A critical success factor of a measure: a baseline, a target, and values recorded over time, or computed by
/// the service itself when <see cref="ComputedAs"/> names one of <see cref="SuccessFactorComputations"/>.</summary>
public sealed class SuccessFactor : Entity
{
    public Guid MeasureId { get; set; }
    public int Order { get; set; }
    public required string Name { get; set; }
    public string? Baseline { get; set; }
    public string? Target { get; set; }
    /// <summary>"%" or a word ("leads"); shown after each value.</summary>
    public string? Unit { get; set; }
    public string? ComputedAs { get; set; }
    public List<SuccessFactorValue> Values { get; set; } = [];
}

/// <summary>A value of a success factor for a period, entered with where it came from.</summary>
public sealed class SuccessFactorValue : Entity
{
    public Guid FactorId { get; set; }
    public DateOnly PeriodFrom { get; set; }
    public DateOnly PeriodTo { get; set; }
    public decimal Value { get; set; }
    public required string Source { get; set; }
    public Guid? RecordedByUserId { get; set; }
}

/// <summary>The success factors the service computes from its own records (seed 003's critical success factors for the
/// learning organisation), each for an April to March year.</summary>
public static class SuccessFactorComputations
{
    /// <summary>Share of IPR steps finished in the year within their targets (launch, to the IPRG, the IPRG's review).</summary>
    public const string IprTimeliness = "IPR_TIMELINESS";
    /// <summary>Share of activities completed (assured) in the year by their first committed date.</summary>
    public const string ActivitiesOnTime = "ACTIVITIES_ON_TIME";
    /// <summary>Complaints received in the year (insight register).</summary>
    public const string Complaints = "COMPLAINTS";
    /// <summary>Independent Case Examiner cases received in the year.</summary>
    public const string IceCases = "ICE";

    public static readonly IReadOnlyList<string> All = [IprTimeliness, ActivitiesOnTime, Complaints, IceCases];

    /// <summary>The computed value from a year's management figures; null when there is nothing to compute from.</summary>
    public static decimal? From(string code, ManagementFigures f) => code switch
    {
        IprTimeliness => ManagementRules.Percentage(f.Timeliness.Sum(t => t.WithinTarget), f.Timeliness.Sum(t => t.Finished)),
        ActivitiesOnTime => f.Activities.PercentOnTimeAgainstFirstDate,
        Complaints => f.Insight.ComplaintsByMonth.Sum(m => m.Count),
        IceCases => f.Insight.IceByMonth.Sum(m => m.Count),
        _ => null,
    };
}
