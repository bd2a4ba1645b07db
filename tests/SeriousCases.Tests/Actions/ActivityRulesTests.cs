using SeriousCases.Core.Actions;
using SeriousCases.Core.Common;

namespace SeriousCases.Tests.Actions;

/// <summary>The register's rules without a database: states, what counts as complete, overdue, on time against the
/// first and the latest commitment, re-plans and the escalation ladder.</summary>
public sealed class ActivityRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    private static AgreedActivity Activity(ActivityStatus status = ActivityStatus.InProgress, DateOnly? due = null, AssuranceGrade? assurance = null) =>
        new() { Reference = "ACT-2026-0001", Text = "UC to assure IPRG that call backs are made.", Status = status, DueOn = due, FirstDueOn = due, Assurance = assurance };

    [Theory]
    [InlineData(ActivityStatus.NotStarted, null, ActivityState.NotStarted)]
    [InlineData(ActivityStatus.InProgress, null, ActivityState.InProgress)]
    [InlineData(ActivityStatus.Complete, null, ActivityState.AwaitingAssurance)]
    [InlineData(ActivityStatus.Complete, AssuranceGrade.PartlyAssured, ActivityState.PartlyAssured)]
    [InlineData(ActivityStatus.Complete, AssuranceGrade.Assured, ActivityState.Complete)]
    [InlineData(ActivityStatus.ClosedWithoutCompletion, AssuranceGrade.Superseded, ActivityState.ClosedWithoutCompletion)]
    public void Only_an_assured_completion_counts_as_complete(ActivityStatus status, AssuranceGrade? grade, ActivityState expected)
    {
        var a = Activity(status, assurance: grade);
        Assert.Equal(expected, ActivityRules.StateOf(a));
        Assert.Equal(expected == ActivityState.Complete, ActivityRules.CountsAsComplete(a));
    }

    [Fact]
    public void Overdue_and_due_soon_are_for_open_activities_only()
    {
        Assert.True(ActivityRules.IsOverdue(Activity(due: Today.AddDays(-1)), Today));
        Assert.Equal(30, ActivityRules.DaysOverdue(Activity(due: Today.AddDays(-30)), Today));
        Assert.False(ActivityRules.IsOverdue(Activity(due: Today), Today));
        Assert.False(ActivityRules.IsOverdue(Activity(ActivityStatus.Complete, Today.AddDays(-30)), Today));
        Assert.False(ActivityRules.IsOverdue(Activity(ActivityStatus.ClosedWithoutCompletion, Today.AddDays(-30)), Today));
        Assert.True(ActivityRules.IsDueSoon(Activity(due: Today.AddDays(ActivityRules.DueSoonDays)), Today));
        Assert.False(ActivityRules.IsDueSoon(Activity(due: Today.AddDays(ActivityRules.DueSoonDays + 1)), Today));
        Assert.False(ActivityRules.IsDueSoon(Activity(due: Today.AddDays(-1)), Today));
    }

    [Fact]
    public void Delivery_is_measured_against_the_first_commitment_and_the_latest()
    {
        // Re-planned from 30 June to 30 September (as the Panel did during COVID-19) and delivered in August.
        var a = Activity(ActivityStatus.Complete, new DateOnly(2026, 9, 30), AssuranceGrade.Assured);
        a.FirstDueOn = new DateOnly(2026, 6, 30);
        a.CompletedOn = new DateOnly(2026, 8, 14);
        Assert.False(ActivityRules.OnTimeAgainstFirstDate(a));
        Assert.True(ActivityRules.OnTimeAgainstLatestDate(a));
        Assert.Null(ActivityRules.OnTimeAgainstFirstDate(Activity(due: Today)));
    }

    [Fact]
    public void A_replan_needs_a_new_future_date_and_a_reason()
    {
        var a = Activity(due: Today.AddDays(10));
        var errors = new ValidationErrors();
        ActivityRules.CheckReplan(a, null, " ", Today, errors);
        Assert.Equal(["Enter the new due date", "Enter why the due date is changing"], errors.All.Select(e => e.Message));

        errors = new ValidationErrors();
        ActivityRules.CheckReplan(a, Today.AddDays(-1), "Staff moved to COVID-19 work", Today, errors);
        Assert.Equal("The new due date must be today or in the future", Assert.Single(errors.All).Message);

        errors = new ValidationErrors();
        ActivityRules.CheckReplan(a, Today.AddDays(10), "Same date", Today, errors);
        Assert.Equal("dueOn", Assert.Single(errors.All).Field);

        errors = new ValidationErrors();
        ActivityRules.CheckReplan(a, Today.AddDays(90), "Staff moved to COVID-19 work", Today, errors);
        Assert.False(errors.Any);
    }

    [Fact]
    public void Completion_needs_evidence_and_the_learning_outcome()
    {
        var errors = new ValidationErrors();
        ActivityRules.CheckCompletion("", null, errors);
        Assert.Equal(["evidence", "outcome"], errors.All.Select(e => e.Field));
    }

    [Fact]
    public void Only_a_panel_recommendation_needs_an_accountable_director_general()
    {
        Assert.True(ActivityRules.NeedsAccountableDirectorGeneral(ActivityOrigin.PanelRecommendation));
        Assert.All(Enum.GetValues<ActivityOrigin>().Where(o => o != ActivityOrigin.PanelRecommendation),
            o => Assert.False(ActivityRules.NeedsAccountableDirectorGeneral(o)));
    }

    [Theory]
    [InlineData(15, new string[0])]
    [InlineData(14, new[] { "REMIND" })]
    [InlineData(0, new[] { "REMIND" })]
    [InlineData(-1, new[] { "REMIND", "DG" })]
    [InlineData(-56, new[] { "REMIND", "DG", "PANEL" })]
    [InlineData(-112, new[] { "REMIND", "DG", "PANEL", "MINISTERS" })]
    public void The_ladder_is_climbed_by_days_from_the_due_date(int dueInDays, string[] expected)
    {
        var ladder = Demo.Ladder();
        Assert.Equal(expected, ActivityRules.StepsReached(Activity(due: Today.AddDays(dueInDays)), Today, ladder).Select(s => s.Code));
    }

    [Fact]
    public void Closed_completed_and_inactive_rungs_never_escalate()
    {
        var ladder = Demo.Ladder();
        Assert.Empty(ActivityRules.StepsReached(Activity(ActivityStatus.Complete, Today.AddDays(-200)), Today, ladder));
        Assert.Empty(ActivityRules.StepsReached(Activity(ActivityStatus.ClosedWithoutCompletion, Today.AddDays(-200)), Today, ladder));
        Assert.Empty(ActivityRules.StepsReached(Activity(), Today, ladder));
        ladder[1].IsActive = false;
        Assert.Equal(["REMIND", "PANEL", "MINISTERS"], ActivityRules.StepsReached(Activity(due: Today.AddDays(-200)), Today, ladder).Select(s => s.Code));
    }

    private static class Demo
    {
        public static List<EscalationStep> Ladder() =>
            [.. Core.Demo.ReferenceDataSeeder.EscalationLadder.Select(s => new EscalationStep { Code = s.Code, Name = s.Name, DaysAfterDue = s.DaysAfterDue, Recipient = s.Recipient })];
    }
}
