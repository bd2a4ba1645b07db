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
        new()
        {
            Origin = origin,
            Status = status,
            Assurance = assurance,
            FirstDueOn = first ?? due,
            DueOn = due,
            CompletedOn = done,
            Owner = owner,
            DirectorGeneral = dg,
            CreatedAt = new DateTime(2026, 5, 1, 9, 0, 0, DateTimeKind.Utc),
            IprConcludedOn = concluded ?? new DateOnly(2026, 4, 10),
        };

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
    public void The_agreed_in_a_period_condition_gives_the_same_day_as_the_agreed_on_rule()
    {
        // Around midnight in summer time (UTC+1) the UK day differs from the UTC day: the condition must follow the UK day.
        var created = new[] { new DateTime(2026, 5, 31, 22, 30, 0, DateTimeKind.Utc), new DateTime(2026, 5, 31, 23, 30, 0, DateTimeKind.Utc), new DateTime(2026, 1, 31, 23, 30, 0, DateTimeKind.Utc) };
        var origins = Enum.GetValues<ActivityOrigin>();
        DateOnly?[] days = [null, new DateOnly(2026, 5, 31), new DateOnly(2026, 6, 1)];
        var periods = new (DateOnly? From, DateOnly To)[] { (new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 30)), (new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 31)), (null, new DateOnly(2026, 5, 31)) };
        var checkedCases = 0;
        foreach (var (from, to) in periods)
        {
            var rule = ManagementRules.AgreedBetween(from, to).Compile();
            foreach (var origin in origins)
            {
                foreach (var at in created)
                {
                    foreach (var concluded in days)
                    {
                        foreach (var meeting in days)
                        {
                            var a = Activity(origin: origin) with { CreatedAt = at, IprConcludedOn = concluded, IprReviewedOn = meeting, MeetingOn = meeting };
                            var day = ManagementRules.AgreedOn(a);
                            Assert.Equal(day >= (from ?? DateOnly.MinValue) && day <= to, rule(a));
                            checkedCases++;
                        }
                    }
                }
            }
        }

        Assert.True(checkedCases > 100);
    }

    [Fact]
    public void The_median_of_a_histogram_equals_the_median_of_the_values_it_counts()
    {
        Assert.Null(ManagementRules.MedianOfHistogram(Array.Empty<(int, int)>()));
        Assert.Equal(7m, ManagementRules.MedianOfHistogram([(7, 1)]));
        Assert.Equal(4.5m, ManagementRules.MedianOfHistogram([(30, 1), (1, 1), (4, 1), (5, 1)]));
        var random = new Random(42);
        for (var run = 0; run < 200; run++)
        {
            var values = Enumerable.Range(0, random.Next(1, 40)).Select(_ => random.Next(0, 12)).ToList();
            var histogram = values.GroupBy(v => v).Select(g => (g.Key, g.Count())).Append((99, 0));
            Assert.Equal(ManagementRules.Median(values), ManagementRules.MedianOfHistogram(histogram));
        }
    }

    [Fact]
    public void A_step_is_overdue_when_started_not_done_and_past_its_target_as_the_investigation_overview_judges_it()
    {
        var target = new Core.ReferenceData.TimelinessTarget { Code = Timeliness.NotificationToLaunch, Name = "Notification to launch", Days = 28 };
        var asOf = new DateOnly(2026, 8, 1);
        var rule = ManagementRules.StepOverdueRule(asOf, target.Days).Compile();
        foreach (var start in new DateOnly?[] { null, asOf.AddDays(-27), asOf.AddDays(-28), asOf.AddDays(-29), asOf.AddDays(-200) })
        {
            foreach (var done in new DateOnly?[] { null, asOf.AddDays(-1) })
            {
                foreach (var concluded in new[] { false, true })
                {
                    var check = Timeliness.Assess(new TimelinessDates(start, done, null, null, concluded), [target], asOf).Single();
                    Assert.Equal(check.Status == TimelinessStatus.Overdue, rule(new StepFact { Start = start, Done = done, Closed = concluded }));
                }
            }
        }

        Assert.True(ManagementRules.WithinTarget(28, 28));
        Assert.False(ManagementRules.WithinTarget(29, 28));
    }

    [Fact]
    public void Learning_reaches_the_panel_at_the_first_meeting_held_after_conclusion_with_one_of_its_themes()
    {
        var (stopping, paying, vulnerable) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var concluded = new DateOnly(2026, 5, 10);
        (DateOnly, IReadOnlyCollection<Guid>)[] meetings =
        [
            (new DateOnly(2026, 3, 19), [stopping]),  // before the conclusion
            (new DateOnly(2026, 6, 18), [vulnerable]), // a theme the IPR does not have
            (new DateOnly(2026, 9, 17), [paying, vulnerable]),
            (new DateOnly(2026, 12, 10), [stopping]),
        ];
        Assert.Equal(new DateOnly(2026, 9, 17), ManagementRules.PresentedToPanelOn(concluded, [stopping, paying], meetings, new DateOnly(2026, 12, 31)));
        // A meeting on the day of the conclusion counts; one not yet held does not.
        Assert.Equal(new DateOnly(2026, 6, 18), ManagementRules.PresentedToPanelOn(new DateOnly(2026, 6, 18), [vulnerable], meetings, new DateOnly(2026, 12, 31)));
        Assert.Null(ManagementRules.PresentedToPanelOn(concluded, [stopping, paying], meetings, new DateOnly(2026, 9, 16)));
        Assert.Null(ManagementRules.PresentedToPanelOn(concluded, [], meetings, new DateOnly(2026, 12, 31)));
    }

    [Fact]
    public void A_steps_bucket_is_its_days_when_finished_in_the_period_the_overdue_mark_when_overdue_and_nothing_otherwise()
    {
        var asOf = new DateOnly(2026, 8, 1);
        var bucket = ManagementRules.StepBucket(From, To, asOf, 28).Compile();
        var overdue = ManagementRules.StepOverdueRule(asOf, 28).Compile();

        Assert.Equal(30, bucket(new StepFact { Start = new DateOnly(2026, 5, 2), Done = new DateOnly(2026, 6, 1) }));
        Assert.Null(bucket(new StepFact { Start = new DateOnly(2026, 1, 2), Done = new DateOnly(2026, 3, 31) }));
        Assert.Null(bucket(new StepFact { Start = null, Done = new DateOnly(2026, 6, 1) }));
        var late = new StepFact { Start = new DateOnly(2026, 6, 1) };
        Assert.True(overdue(late));
        Assert.Equal(ManagementRules.OverdueBucket, bucket(late));
        Assert.Null(bucket(late with { Closed = true }));
        Assert.Null(bucket(new StepFact { Start = asOf.AddDays(-10) }));
    }

    [Fact]
    public void A_completion_carries_its_day_and_both_on_time_rules()
    {
        var completion = ManagementRules.Completion.Compile();
        var replanned = Activity(ActivityStatus.Complete, first: new DateOnly(2026, 6, 1), due: new DateOnly(2026, 9, 1), done: new DateOnly(2026, 8, 1), assurance: AssuranceGrade.Assured);

        var c = completion(replanned);

        Assert.Equal((new DateOnly(2026, 8, 1), false, true), (c.Day, c.OnTimeAgainstFirst, c.OnTimeAgainstLatest));
        var awaiting = completion(replanned with { Assurance = null });
        Assert.False(awaiting.OnTimeAgainstFirst || awaiting.OnTimeAgainstLatest);
    }
}
