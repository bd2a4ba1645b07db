using SeriousCases.Core.Actions;
using SeriousCases.Core.Investigations;
using SeriousCases.Core.Management;
using SeriousCases.Core.Referrals;

namespace SeriousCases.Tests.Management;

/// <summary>The counting rules of management information without a database.</summary>
public sealed class ManagementRulesTests
{
    private static readonly DateOnly From = new(2026, 4, 1);
    private static readonly DateOnly To = new(2027, 3, 31);

    private static ActivityFact Activity(ActivityStatus status = ActivityStatus.InProgress, DateOnly? first = null, DateOnly? due = null, DateOnly? done = null,
        AssuranceGrade? assurance = null, ActivityOrigin origin = ActivityOrigin.IprgAgreedActivity, DateOnly? concluded = null, string? owner = "UC", string? dg = null) =>
        new(origin, status, assurance, first ?? due, due, done, owner, dg, new DateOnly(2026, 5, 1), concluded ?? new DateOnly(2026, 4, 10), null, null);

    [Fact]
    public void The_median_takes_the_middle_value_or_the_mean_of_the_two_middle_values()
    {
        Assert.Null(ManagementRules.Median([]));
        Assert.Equal(7m, ManagementRules.Median([7]));
        Assert.Equal(5m, ManagementRules.Median([9, 1, 5]));
        Assert.Equal(4.5m, ManagementRules.Median([1, 4, 5, 30]));
    }

    [Fact]
    public void A_percentage_has_one_decimal_place_and_none_for_nothing()
    {
        Assert.Null(ManagementRules.Percentage(0, 0));
        Assert.Equal(33.3m, ManagementRules.Percentage(1, 3));
        Assert.Equal(66.7m, ManagementRules.Percentage(2, 3));
        Assert.Equal(100m, ManagementRules.Percentage(4, 4));
    }

    [Fact]
    public void Series_list_every_month_and_reporting_year_of_the_period_with_zeros()
    {
        var days = new[] { new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30), new DateOnly(2026, 6, 15), new DateOnly(2026, 7, 1) };
        var months = ManagementRules.ByMonth(days, new DateOnly(2026, 4, 1), new DateOnly(2026, 6, 30));
        Assert.Equal([("Apr 2026", 2), ("May 2026", 0), ("Jun 2026", 1)], months.Select(m => (m.Label, m.Count)));
        var years = ManagementRules.ByReportingYear([new DateOnly(2025, 3, 31), new DateOnly(2025, 4, 1), new DateOnly(2026, 4, 1)], new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31));
        Assert.Equal([("2024/25", 1), ("2025/26", 1), ("2026/27", 1)], years.Select(y => (y.Label, y.Count)));
    }

    [Theory]
    [InlineData(SeriousEvent.None, true, ExternalReviews.None, NotMetReason.NoSeriousEvent)]
    [InlineData(null, null, ExternalReviews.None, NotMetReason.NoSeriousEvent)]
    [InlineData(SeriousEvent.Died, false, ExternalReviews.None, NotMetReason.NoAllegation)]
    [InlineData(SeriousEvent.SeriousHarm, null, ExternalReviews.None, NotMetReason.NoAllegation)]
    [InlineData(SeriousEvent.Died, true, ExternalReviews.None, NotMetReason.TriageDecision)]
    [InlineData(SeriousEvent.None, false, ExternalReviews.SafeguardingAdultsReview, NotMetReason.TriageDecision)]
    public void A_not_met_referral_is_given_the_reason_its_answers_show(SeriousEvent? serious, bool? allegation, ExternalReviews reviews, NotMetReason expected) =>
        Assert.Equal(expected, ManagementRules.ReasonOf(new ReferralFact(ReferralStatus.NotMet, From, From, AwarenessRoute.Family, serious, allegation, reviews, false)));

    [Fact]
    public void An_iprg_activity_is_agreed_with_its_ipr_a_panel_one_at_its_meeting_and_the_rest_when_recorded()
    {
        Assert.Equal(new DateOnly(2026, 4, 10), ManagementRules.AgreedOn(Activity()));
        Assert.Equal(new DateOnly(2026, 3, 2), ManagementRules.AgreedOn(Activity() with { IprConcludedOn = null, IprReviewedOn = new DateOnly(2026, 3, 2) }));
        Assert.Equal(new DateOnly(2020, 7, 2), ManagementRules.AgreedOn(Activity(origin: ActivityOrigin.PanelActionPoint) with { MeetingOn = new DateOnly(2020, 7, 2) }));
        Assert.Equal(new DateOnly(2026, 5, 1), ManagementRules.AgreedOn(Activity(origin: ActivityOrigin.ParliamentOrNaoCommitment)));
    }

    [Fact]
    public void On_time_is_judged_against_the_first_and_the_latest_due_date_for_assured_completions_only()
    {
        var replanned = Activity(ActivityStatus.Complete, first: new DateOnly(2026, 6, 1), due: new DateOnly(2026, 9, 1), done: new DateOnly(2026, 8, 1), assurance: AssuranceGrade.Assured);
        Assert.False(ManagementRules.OnTimeAgainstFirst(replanned));
        Assert.True(ManagementRules.OnTimeAgainstLatest(replanned));
        var awaiting = replanned with { Assurance = null };
        Assert.False(ManagementRules.OnTimeAgainstLatest(awaiting));
        var onTheDay = Activity(ActivityStatus.Complete, due: new DateOnly(2026, 6, 1), done: new DateOnly(2026, 6, 1), assurance: AssuranceGrade.Assured);
        Assert.True(ManagementRules.OnTimeAgainstFirst(onTheDay) && ManagementRules.OnTimeAgainstLatest(onTheDay));
    }

    [Fact]
    public void Overdue_at_a_day_counts_open_work_past_its_latest_date_and_work_completed_only_later()
    {
        var asOf = new DateOnly(2026, 10, 1);
        Assert.True(ManagementRules.OverdueOn(Activity(due: new DateOnly(2026, 9, 30)), asOf));
        Assert.False(ManagementRules.OverdueOn(Activity(due: asOf), asOf));
        Assert.True(ManagementRules.OverdueOn(Activity(ActivityStatus.Complete, due: new DateOnly(2026, 9, 1), done: new DateOnly(2026, 11, 1)), asOf));
        Assert.False(ManagementRules.OverdueOn(Activity(ActivityStatus.Complete, due: new DateOnly(2026, 9, 1), done: new DateOnly(2026, 9, 20)), asOf));
        Assert.False(ManagementRules.OverdueOn(Activity(ActivityStatus.ClosedWithoutCompletion, due: new DateOnly(2026, 9, 1)), asOf));
        // Not agreed yet on that day.
        Assert.False(ManagementRules.OverdueOn(Activity(due: new DateOnly(2026, 9, 1), concluded: new DateOnly(2026, 10, 2)), asOf));
        Assert.Equal(asOf, ManagementRules.AsOf(new DateOnly(2027, 3, 31), asOf));
        Assert.Equal(new DateOnly(2026, 6, 30), ManagementRules.AsOf(new DateOnly(2026, 6, 30), asOf));
    }

    [Fact]
    public void Activity_figures_group_overdue_work_by_owner_and_director_general()
    {
        var asOf = new DateOnly(2026, 12, 1);
        var figures = ManagementService.Activities(
        [
            Activity(due: new DateOnly(2026, 11, 1), owner: "UC", dg: "DG Universal Credit"),
            Activity(due: new DateOnly(2026, 11, 2), owner: "UC"),
            Activity(due: new DateOnly(2026, 11, 3), owner: "PIP", dg: "DG Universal Credit"),
            Activity(ActivityStatus.Complete, first: new DateOnly(2026, 6, 1), due: new DateOnly(2026, 9, 1), done: new DateOnly(2026, 8, 1), assurance: AssuranceGrade.Assured),
            Activity(ActivityStatus.Complete, due: new DateOnly(2026, 6, 1), done: new DateOnly(2026, 6, 1), assurance: AssuranceGrade.Assured, concluded: new DateOnly(2025, 4, 1)),
        ], From, To, asOf);
        Assert.Equal(4, figures.Agreed);
        Assert.Equal((2, 1, 2), (figures.Completed, figures.OnTimeAgainstFirstDate, figures.OnTimeAgainstLatestDate));
        Assert.Equal(50m, figures.PercentOnTimeAgainstFirstDate);
        Assert.Equal(3, figures.Overdue);
        Assert.Equal([("UC", 2), ("PIP", 1)], figures.OverdueByOwner.Select(o => (o.Label, o.Count)));
        Assert.Equal([("DG Universal Credit", 2), ("No accountable Director General named", 1)], figures.OverdueByDirectorGeneral.Select(o => (o.Label, o.Count)));
        Assert.Equal(2, figures.CompletedByMonth.Sum(m => m.Count));
        Assert.Equal(12, figures.CompletedByMonth.Count);
    }

    [Fact]
    public void Timeliness_gives_the_median_and_the_share_within_target_of_steps_finished_in_the_period()
    {
        var targets = new[]
        {
            new Core.ReferenceData.TimelinessTarget { Code = Timeliness.NotificationToLaunch, Name = "Notification to launch", Days = 28 },
            new Core.ReferenceData.TimelinessTarget { Code = Timeliness.LaunchToIprg, Name = "Launch to the IPRG", Days = 84 },
        };
        static (InvestigationFact, bool) Ipr(DateOnly notified, DateOnly? launched) =>
            (new InvestigationFact(Guid.NewGuid(), launched is null ? InvestigationStage.Accepted : InvestigationStage.Launched, notified, launched, null, null, null, null), false);
        var steps = ManagementService.TimelinessOf(
        [
            Ipr(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 11)),
            Ipr(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 21)),
            Ipr(new DateOnly(2026, 4, 1), new DateOnly(2026, 5, 31)),
            Ipr(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 5)),
            Ipr(new DateOnly(2026, 6, 1), null),
        ], targets, From, To, new DateOnly(2026, 8, 1));
        var launch = steps.Single(s => s.Code == Timeliness.NotificationToLaunch);
        Assert.Equal((3, 20m, 2, 66.7m, 1), (launch.Finished, launch.MedianDays, launch.WithinTarget, launch.PercentWithinTarget, launch.Overdue));
        var toIprg = steps.Single(s => s.Code == Timeliness.LaunchToIprg);
        Assert.Equal((0, (decimal?)null, 3), (toIprg.Finished, toIprg.MedianDays, toIprg.Overdue));
    }
}
