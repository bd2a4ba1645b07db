using SeriousCases.Core.Common;

namespace SeriousCases.Core.Investigations;

/// <summary>How an IPR moves through its stages. Pure: the service applies it and records the move.
/// Forward one stage at a time; back one stage from drafting or from the IPRG (more fact-finding, or the
/// group asks for more work); never out of "concluded". Launching needs an investigator; concluding needs
/// the IPRG's review and an outcome that matches the findings ("no learning identified" is a real outcome).</summary>
public static class InvestigationStages
{
    public static readonly IReadOnlyList<InvestigationStage> Order =
    [
        InvestigationStage.Accepted, InvestigationStage.Launched, InvestigationStage.FactFinding,
        InvestigationStage.Drafting, InvestigationStage.WithIprg, InvestigationStage.Concluded,
    ];

    public static string Describe(InvestigationStage stage) => stage switch
    {
        InvestigationStage.Accepted => "Accepted",
        InvestigationStage.Launched => "Launched",
        InvestigationStage.FactFinding => "Fact-finding",
        InvestigationStage.Drafting => "Drafting",
        InvestigationStage.WithIprg => "With the IPRG",
        InvestigationStage.Concluded => "Concluded",
        _ => stage.ToString(),
    };

    /// <summary>The stages a case at <paramref name="from"/> may move to.</summary>
    public static IReadOnlyList<InvestigationStage> Next(InvestigationStage from) => from switch
    {
        InvestigationStage.Accepted => [InvestigationStage.Launched],
        InvestigationStage.Launched => [InvestigationStage.FactFinding],
        InvestigationStage.FactFinding => [InvestigationStage.Drafting],
        InvestigationStage.Drafting => [InvestigationStage.WithIprg, InvestigationStage.FactFinding],
        InvestigationStage.WithIprg => [InvestigationStage.Concluded, InvestigationStage.Drafting],
        _ => [],
    };

    /// <summary>What stops the move, in words the investigator can act on; empty when it may go ahead.</summary>
    public static ValidationErrors Check(Investigation ipr, int findings, InvestigationStage to, InvestigationOutcome? outcome)
    {
        var errors = new ValidationErrors();
        if (ipr.Stage == InvestigationStage.Concluded)
        {
            return errors.Add("stage", $"IPR {ipr.Reference} is concluded: its stage cannot change");
        }

        if (!Next(ipr.Stage).Contains(to))
        {
            return errors.Add("stage", $"An IPR that is {Describe(ipr.Stage).ToLowerInvariant()} can move to {string.Join(" or ", Next(ipr.Stage).Select(s => Describe(s).ToLowerInvariant()))}, not {Describe(to).ToLowerInvariant()}");
        }

        if (to == InvestigationStage.Launched && ipr.InvestigatorUserId is null)
        {
            errors.Add("stage", "Assign an investigator before the IPR is launched");
        }

        if (to == InvestigationStage.Concluded)
        {
            if (ipr.IprgReviewedOn is null)
            {
                errors.Add("stage", "The IPRG must review the case before it concludes");
            }

            if (outcome is null)
            {
                errors.Add("outcome", "Select the outcome: learning identified, or no learning identified");
            }
            else if (outcome == InvestigationOutcome.LearningIdentified && findings == 0)
            {
                errors.Add("outcome", "Record the learning identified before concluding with learning, or conclude with no learning identified");
            }
            else if (outcome == InvestigationOutcome.NoLearningIdentified && findings > 0)
            {
                errors.Add("outcome", $"The case has {findings} finding{(findings == 1 ? "" : "s")}: conclude it with learning identified");
            }
        }

        return errors;
    }
}

/// <summary>One move of an IPR between stages: when, who, from and to. The case's history is these rows.</summary>
public sealed class StageChange : Entity
{
    public Guid InvestigationId { get; set; }
    public InvestigationStage From { get; set; }
    public InvestigationStage To { get; set; }
    public DateOnly On { get; set; }
    public Guid ByUserId { get; set; }
}

public enum ScrutinyKind
{
    SafeguardingAdultsReview = 1,
    SignificantCaseReview = 2,
    DomesticHomicideReview = 3,
    CoronerOrInquest = 4,
}

/// <summary>External scrutiny of a case (Safeguarding Adults Board, SCR, DHR, coroner), possibly long after
/// the IPR concluded; the publication counts cases "also subject to external scrutiny".</summary>
public sealed class ExternalScrutinyEntry : Entity
{
    public Guid InvestigationId { get; set; }
    public ScrutinyKind Kind { get; set; }
    /// <summary>When DWP was asked to take part, or the review began.</summary>
    public DateOnly On { get; set; }
    public string? Notes { get; set; }

    public static string Describe(ScrutinyKind kind) => kind switch
    {
        ScrutinyKind.SafeguardingAdultsReview => "Safeguarding Adults Board: Safeguarding Adults Review",
        ScrutinyKind.SignificantCaseReview => "Significant Case Review (Scotland)",
        ScrutinyKind.DomesticHomicideReview => "Domestic Homicide Review",
        ScrutinyKind.CoronerOrInquest => "Coroner or inquest",
        _ => kind.ToString(),
    };
}
