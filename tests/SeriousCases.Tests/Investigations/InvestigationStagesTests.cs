using SeriousCases.Core.Investigations;

namespace SeriousCases.Tests.Investigations;

/// <summary>Every move between stages, allowed or not, and the rules for launching and concluding.</summary>
public sealed class InvestigationStagesTests
{
    private static Investigation Ipr(InvestigationStage stage, bool assigned = true, bool reviewed = false) => new()
    {
        Reference = "IPR-2026-0001",
        Stage = stage,
        InvestigatorUserId = assigned ? Guid.CreateVersion7() : null,
        IprgReviewedOn = reviewed ? new DateOnly(2026, 11, 1) : null,
    };

    public static TheoryData<InvestigationStage, InvestigationStage, bool> Moves()
    {
        var allowed = new HashSet<(InvestigationStage, InvestigationStage)>
        {
            (InvestigationStage.Accepted, InvestigationStage.Launched),
            (InvestigationStage.Launched, InvestigationStage.FactFinding),
            (InvestigationStage.FactFinding, InvestigationStage.Drafting),
            (InvestigationStage.Drafting, InvestigationStage.WithIprg),
            (InvestigationStage.Drafting, InvestigationStage.FactFinding),
            (InvestigationStage.WithIprg, InvestigationStage.Concluded),
            (InvestigationStage.WithIprg, InvestigationStage.Drafting),
        };
        var data = new TheoryData<InvestigationStage, InvestigationStage, bool>();
        foreach (var from in InvestigationStages.Order)
        {
            foreach (var to in InvestigationStages.Order)
            {
                data.Add(from, to, allowed.Contains((from, to)));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Moves))]
    public void Each_move_is_allowed_or_refused_with_a_reason(InvestigationStage from, InvestigationStage to, bool allowed)
    {
        var errors = InvestigationStages.Check(Ipr(from, reviewed: true), findings: 1, to, InvestigationOutcome.LearningIdentified);
        Assert.Equal(allowed, !errors.Any);
        Assert.Equal(allowed, InvestigationStages.Next(from).Contains(to));
        if (!allowed)
        {
            Assert.Equal("stage", errors.All[0].Field);
        }
    }

    [Fact]
    public void Launching_needs_an_investigator()
    {
        var errors = InvestigationStages.Check(Ipr(InvestigationStage.Accepted, assigned: false), 0, InvestigationStage.Launched, null);
        Assert.Equal("Assign an investigator before the IPR is launched", errors.All.Single().Message);
    }

    [Fact]
    public void Concluding_needs_the_iprg_review_and_an_outcome_that_matches_the_findings()
    {
        Assert.Contains(InvestigationStages.Check(Ipr(InvestigationStage.WithIprg), 2, InvestigationStage.Concluded, InvestigationOutcome.LearningIdentified).All,
            e => e.Message == "The IPRG must review the case before it concludes");
        var reviewed = Ipr(InvestigationStage.WithIprg, reviewed: true);
        Assert.Equal("outcome", InvestigationStages.Check(reviewed, 2, InvestigationStage.Concluded, null).All.Single().Field);
        Assert.Contains("Record the learning identified", InvestigationStages.Check(reviewed, 0, InvestigationStage.Concluded, InvestigationOutcome.LearningIdentified).All.Single().Message, StringComparison.Ordinal);
        Assert.Contains("has 2 findings", InvestigationStages.Check(reviewed, 2, InvestigationStage.Concluded, InvestigationOutcome.NoLearningIdentified).All.Single().Message, StringComparison.Ordinal);
        // No learning identified is a real outcome.
        Assert.False(InvestigationStages.Check(reviewed, 0, InvestigationStage.Concluded, InvestigationOutcome.NoLearningIdentified).Any);
    }
}
