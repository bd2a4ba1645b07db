using System.Globalization;
using System.Linq.Expressions;
using SeriousCases.Core.Actions;
using SeriousCases.Core.Common;
using SeriousCases.Core.Investigations;
using SeriousCases.Core.Referrals;

namespace SeriousCases.Core.Management;

/// <summary>A referral as the figures need it (no personal data).</summary>
public sealed record ReferralFact(
    ReferralStatus Status,
    DateOnly? ReceivedOn,
    DateOnly? DecidedOn,
    AwarenessRoute? Route,
    SeriousEvent? SeriousEvent,
    bool? AllegationMade,
    ExternalReviews ExternalReviews,
    bool? CriteriaMet);

/// <summary>An IPR as the figures need it.</summary>
public sealed record InvestigationFact(
    Guid Id,
    InvestigationStage Stage,
    DateOnly? NotifiedOn,
    DateOnly? LaunchedOn,
    DateOnly? SentToIprgOn,
    DateOnly? IprgReviewedOn,
    DateOnly? ConcludedOn,
    InvestigationOutcome? Outcome);

/// <summary>An activity as the figures need it: its state, its dates and where it was agreed. The query projects each
/// activity into this shape in the database, so the rules below (written as expressions over it) run as SQL there and as
/// plain code in the unit tests. <see cref="CreatedAt"/> is UTC, as stored.</summary>
public sealed record ActivityFact
{
    public ActivityOrigin Origin { get; init; }
    public ActivityStatus Status { get; init; }
    public AssuranceGrade? Assurance { get; init; }
    public DateOnly? FirstDueOn { get; init; }
    public DateOnly? DueOn { get; init; }
    public DateOnly? CompletedOn { get; init; }
    public string? Owner { get; init; }
    public string? DirectorGeneral { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateOnly? IprConcludedOn { get; init; }
    public DateOnly? IprReviewedOn { get; init; }
    public DateOnly? MeetingOn { get; init; }
}

/// <summary>One step of an IPR for the timeliness figures: when it started, when it was done, and whether it can no
/// longer become overdue (the IPR concluded without the step recorded).</summary>
public sealed record StepFact
{
    public DateOnly? Start { get; init; }
    public DateOnly? Done { get; init; }
    public bool Closed { get; init; }
}

/// <summary>A completed activity as the completion figures group it: the day and whether it was on time against each
/// date (<see cref="ManagementRules.Completion"/>), so one scan counts completions per day and on time both ways.</summary>
public sealed class ActivityCompletion
{
    public DateOnly? Day { get; set; }
    public bool OnTimeAgainstFirst { get; set; }
    public bool OnTimeAgainstLatest { get; set; }
}

/// <summary>Why a referral did not meet the IPR criteria, in the words of the management figures.</summary>
public enum NotMetReason
{
    NoSeriousEvent = 1,
    NoAllegation = 2,
    TriageDecision = 3,
}

/// <summary>The counting rules of management information, apart from the database. A period runs from
/// <c>From</c> to <c>To</c>, both days included.</summary>
public static class ManagementRules
{
    /// <summary>Today's figures cannot see the future: "overdue" is judged at the end of the period or today, whichever is sooner.</summary>
    public static DateOnly AsOf(DateOnly to, DateOnly today) => to < today ? to : today;

    public static bool In(DateOnly? day, DateOnly from, DateOnly to) => day is { } d && d >= from && d <= to;

    /// <summary>The middle value (the mean of the two middle values for an even count); null for none.</summary>
    public static decimal? Median(IEnumerable<int> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2m;
    }

    /// <summary>A percentage to one decimal place; null when there is nothing to divide by.</summary>
    public static decimal? Percentage(int part, int whole) =>
        whole == 0 ? null : Math.Round(part * 100m / whole, 1, MidpointRounding.AwayFromZero);

    /// <summary>Each month (year*100+month) the period touches, in order, so a series shows its empty months too.</summary>
    public static IReadOnlyList<int> Months(DateOnly from, DateOnly to)
    {
        var months = new List<int>();
        for (var m = new DateOnly(from.Year, from.Month, 1); m <= to; m = m.AddMonths(1))
        {
            months.Add((m.Year * 100) + m.Month);
        }

        return months;
    }

    public static int MonthKey(DateOnly day) => (day.Year * 100) + day.Month;

    /// <summary>"Apr 2026" for 202604.</summary>
    public static string MonthName(int key) =>
        new DateOnly(key / 100, key % 100, 1).ToString("MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>A count for every month of the period, zeros included.</summary>
    public static IReadOnlyList<LabelledCount> ByMonth(IEnumerable<DateOnly> days, DateOnly from, DateOnly to) => ByMonth(PerDay(days), from, to);

    /// <summary>A count for every month of the period from counts per day (days outside the period left out).</summary>
    public static IReadOnlyList<LabelledCount> ByMonth(IReadOnlyDictionary<DateOnly, int> perDay, DateOnly from, DateOnly to) =>
        ByMonth(perDay.Where(d => d.Key >= from && d.Key <= to).GroupBy(d => MonthKey(d.Key)).ToDictionary(g => g.Key, g => g.Sum(d => d.Value)), from, to);

    /// <summary>A count for every month of the period from counts already grouped by month key.</summary>
    public static IReadOnlyList<LabelledCount> ByMonth(IReadOnlyDictionary<int, int> counts, DateOnly from, DateOnly to) =>
        [.. Months(from, to).Select(m => new LabelledCount(MonthName(m), counts.GetValueOrDefault(m)))];

    /// <summary>A count for every April-to-March reporting year the period touches.</summary>
    public static IReadOnlyList<LabelledCount> ByReportingYear(IEnumerable<DateOnly> days, DateOnly from, DateOnly to) => ByReportingYear(PerDay(days), from, to);

    /// <summary>A count for every April-to-March reporting year the period touches, from counts per day.</summary>
    public static IReadOnlyList<LabelledCount> ByReportingYear(IReadOnlyDictionary<DateOnly, int> perDay, DateOnly from, DateOnly to)
    {
        var counts = perDay.Where(d => d.Key >= from && d.Key <= to).GroupBy(d => ReportingYear.StartOf(d.Key).Year).ToDictionary(g => g.Key, g => g.Sum(d => d.Value));
        var years = new List<LabelledCount>();
        for (var y = ReportingYear.StartOf(from).Year; y <= ReportingYear.StartOf(to).Year; y++)
        {
            years.Add(new LabelledCount(ReportingYear.Name(y), counts.GetValueOrDefault(y)));
        }

        return years;
    }

    private static Dictionary<DateOnly, int> PerDay(IEnumerable<DateOnly> days) => days.GroupBy(d => d).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>Why a referral was not met: no death, suicide (attempt) or serious harm and no external review;
    /// no suggestion that DWP contributed; otherwise Triage decided against the system's assessment.</summary>
    public static NotMetReason ReasonOf(ReferralFact r)
    {
        var externalReview = r.ExternalReviews != ExternalReviews.None;
        if (!externalReview && r.SeriousEvent is null or SeriousEvent.None)
        {
            return NotMetReason.NoSeriousEvent;
        }

        return !externalReview && r.AllegationMade != true ? NotMetReason.NoAllegation : NotMetReason.TriageDecision;
    }

    public static string Describe(NotMetReason reason) => reason switch
    {
        NotMetReason.NoSeriousEvent => "No death, suicide, attempted suicide or serious harm, and no external review",
        NotMetReason.NoAllegation => "No suggestion that DWP's actions or omissions contributed",
        _ => "Triage decided against the assessment",
    };

    public static string Describe(AwarenessRoute? route) => route switch
    {
        AwarenessRoute.MemberOfParliament => "Member of Parliament",
        AwarenessRoute.LocalAuthority => "Local authority",
        AwarenessRoute.Family => "Family",
        AwarenessRoute.Coroner => "Coroner",
        AwarenessRoute.FrontlineColleague => "Frontline colleague",
        AwarenessRoute.Complaint => "Complaint",
        AwarenessRoute.Other => "Other",
        _ => "Not recorded",
    };

    public static string Describe(InvestigationStage stage) => stage switch
    {
        InvestigationStage.Accepted => "Accepted",
        InvestigationStage.Launched => "Launched",
        InvestigationStage.FactFinding => "Fact-finding",
        InvestigationStage.Drafting => "Drafting",
        InvestigationStage.WithIprg => "With the IPRG",
        _ => "Concluded",
    };

    /// <summary>The day an activity was agreed. An IPRG activity counts with its IPR: on the day the IPR concluded
    /// (as the annual publication counts "agreed activities" of the IPRs completed in the year), before that on the
    /// day the IPRG reviewed it; a Panel activity on the day of the meeting; anything else on the (UK) day it was recorded.
    /// <see cref="AgreedBetween"/> is the same rule as a database condition.</summary>
    public static DateOnly AgreedOn(ActivityFact a) => a.Origin switch
    {
        ActivityOrigin.IprgAgreedActivity => a.IprConcludedOn ?? a.IprReviewedOn ?? CreatedOn(a),
        ActivityOrigin.PanelRecommendation or ActivityOrigin.PanelActionPoint or ActivityOrigin.PanelDecisionWork => a.MeetingOn ?? CreatedOn(a),
        _ => CreatedOn(a),
    };

    private static DateOnly CreatedOn(ActivityFact a) => DateOnly.FromDateTime(Common.UkTime.ToUk(a.CreatedAt));

    /// <summary>Agreed (<see cref="AgreedOn"/>) on a day from <paramref name="from"/> (null: any day before) to
    /// <paramref name="to"/>, as a condition the database evaluates. The day recorded is compared as UTC instants of
    /// the UK days' bounds, so no time zone arithmetic runs in SQL.</summary>
    public static Expression<Func<ActivityFact, bool>> AgreedBetween(DateOnly? from, DateOnly to)
    {
        var first = from ?? DateOnly.MinValue;
        // UTC kind: PostgreSQL refuses an unspecified DateTime for a timestamp with time zone.
        var createdFrom = from is { } f ? Common.UkTime.StartOfDayUtc(f) : DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc);
        var createdTo = Common.UkTime.StartOfDayUtc(to.AddDays(1));
        return a =>
            (a.Origin == ActivityOrigin.IprgAgreedActivity && a.IprConcludedOn != null && a.IprConcludedOn >= first && a.IprConcludedOn <= to)
            || (a.Origin == ActivityOrigin.IprgAgreedActivity && a.IprConcludedOn == null && a.IprReviewedOn != null && a.IprReviewedOn >= first && a.IprReviewedOn <= to)
            || ((a.Origin == ActivityOrigin.PanelRecommendation || a.Origin == ActivityOrigin.PanelActionPoint || a.Origin == ActivityOrigin.PanelDecisionWork)
                && a.MeetingOn != null && a.MeetingOn >= first && a.MeetingOn <= to)
            || (((a.Origin == ActivityOrigin.IprgAgreedActivity && a.IprConcludedOn == null && a.IprReviewedOn == null)
                    || ((a.Origin == ActivityOrigin.PanelRecommendation || a.Origin == ActivityOrigin.PanelActionPoint || a.Origin == ActivityOrigin.PanelDecisionWork) && a.MeetingOn == null)
                    || (a.Origin != ActivityOrigin.IprgAgreedActivity && a.Origin != ActivityOrigin.PanelRecommendation && a.Origin != ActivityOrigin.PanelActionPoint && a.Origin != ActivityOrigin.PanelDecisionWork))
                && a.CreatedAt >= createdFrom && a.CreatedAt < createdTo);
    }

    /// <summary>Counts as complete: reported complete and assured (ActivityRules' rule).</summary>
    public static readonly Expression<Func<ActivityFact, bool>> CompleteRule = a => a.Status == ActivityStatus.Complete && a.Assurance == AssuranceGrade.Assured;

    /// <summary>Complete (assured) by the first committed date (the latest when no first date was kept).</summary>
    public static readonly Expression<Func<ActivityFact, bool>> OnTimeAgainstFirstRule = a =>
        a.Status == ActivityStatus.Complete && a.Assurance == AssuranceGrade.Assured && a.CompletedOn != null && (a.FirstDueOn ?? a.DueOn) != null
        && a.CompletedOn <= (a.FirstDueOn ?? a.DueOn);

    /// <summary>Complete (assured) by the latest (re-planned) date.</summary>
    public static readonly Expression<Func<ActivityFact, bool>> OnTimeAgainstLatestRule = a =>
        a.Status == ActivityStatus.Complete && a.Assurance == AssuranceGrade.Assured && a.CompletedOn != null && a.DueOn != null && a.CompletedOn <= a.DueOn;

    /// <summary>Overdue on <paramref name="asOf"/>: its latest due date passed before then, it was agreed by then,
    /// and it is still open (not started or in progress) or was reported complete only after that day.</summary>
    public static Expression<Func<ActivityFact, bool>> OverdueRule(DateOnly asOf)
    {
        var agreedBy = AgreedBetween(null, asOf);
        Expression<Func<ActivityFact, bool>> late = a => a.DueOn != null && a.DueOn < asOf
            && (a.Status == ActivityStatus.NotStarted || a.Status == ActivityStatus.InProgress
                || (a.Status == ActivityStatus.Complete && a.CompletedOn != null && a.CompletedOn > asOf));
        return RuleExpressions.And(late, agreedBy);
    }

    private static readonly Func<ActivityFact, bool> CompleteCompiled = CompleteRule.Compile();
    private static readonly Func<ActivityFact, bool> OnTimeFirstCompiled = OnTimeAgainstFirstRule.Compile();
    private static readonly Func<ActivityFact, bool> OnTimeLatestCompiled = OnTimeAgainstLatestRule.Compile();

    public static bool CountsAsComplete(ActivityFact a) => CompleteCompiled(a);

    public static bool OnTimeAgainstFirst(ActivityFact a) => OnTimeFirstCompiled(a);

    public static bool OnTimeAgainstLatest(ActivityFact a) => OnTimeLatestCompiled(a);

    /// <summary>The overdue rule run in memory (tests, single records); queries use <see cref="OverdueRule"/>.</summary>
    public static bool OverdueOn(ActivityFact a, DateOnly asOf) => OverdueRule(asOf).Compile()(a);

    /// <summary>A step is overdue on <paramref name="asOf"/> when it started, is not done, can still be done, and its
    /// target (start plus <paramref name="targetDays"/>, as <c>TimelinessTarget.DueOn</c>) passed before that day.</summary>
    public static Expression<Func<StepFact, bool>> StepOverdueRule(DateOnly asOf, int targetDays)
    {
        var startedBefore = asOf.AddDays(-targetDays);
        return s => s.Start != null && s.Done == null && !s.Closed && s.Start < startedBefore;
    }

    /// <summary>What a step's figures group by, as one condition the database evaluates in one scan: the days taken when
    /// the step finished in the period, <see cref="OverdueBucket"/> when it is overdue on <paramref name="asOf"/>
    /// (<see cref="StepOverdueRule"/>), null otherwise.</summary>
    public static Expression<Func<StepFact, int?>> StepBucket(DateOnly from, DateOnly to, DateOnly asOf, int targetDays)
    {
        Expression<Func<StepFact, bool>> finished = s => s.Start != null && s.Done >= from && s.Done <= to;
        Expression<Func<StepFact, int?>> days = s => s.Done!.Value.DayNumber - s.Start!.Value.DayNumber;
        var overdue = StepOverdueRule(asOf, targetDays);
        var s = finished.Parameters[0];
        return Expression.Lambda<Func<StepFact, int?>>(
            Expression.Condition(finished.Body, RuleExpressions.BodyOver(days, s),
                Expression.Condition(RuleExpressions.BodyOver(overdue, s), Expression.Constant(OverdueBucket, typeof(int?)), Expression.Constant(null, typeof(int?)))),
            s);
    }

    /// <summary>The bucket of <see cref="StepBucket"/> for steps overdue (no number of days taken can be this).</summary>
    public const int OverdueBucket = int.MinValue;

    /// <summary>An activity's completion day and whether it was on time against each date, by
    /// <see cref="OnTimeAgainstFirstRule"/> and <see cref="OnTimeAgainstLatestRule"/> themselves.</summary>
    public static readonly Expression<Func<ActivityFact, ActivityCompletion>> Completion = BuildCompletion();

    private static Expression<Func<ActivityFact, ActivityCompletion>> BuildCompletion()
    {
        Expression<Func<ActivityFact, DateOnly?>> day = a => a.CompletedOn;
        var a = day.Parameters[0];
        return Expression.Lambda<Func<ActivityFact, ActivityCompletion>>(
            Expression.MemberInit(Expression.New(typeof(ActivityCompletion)),
                Expression.Bind(typeof(ActivityCompletion).GetProperty(nameof(ActivityCompletion.Day))!, day.Body),
                Expression.Bind(typeof(ActivityCompletion).GetProperty(nameof(ActivityCompletion.OnTimeAgainstFirst))!, RuleExpressions.BodyOver(OnTimeAgainstFirstRule, a)),
                Expression.Bind(typeof(ActivityCompletion).GetProperty(nameof(ActivityCompletion.OnTimeAgainstLatest))!, RuleExpressions.BodyOver(OnTimeAgainstLatestRule, a))),
            a);
    }

    /// <summary>Finished within its target: done no later than <c>TimelinessTarget.DueOn</c> (start plus the target's days).</summary>
    public static bool WithinTarget(int days, int targetDays) => days <= targetDays;

    /// <summary>The median of values given as a histogram (value, how many times), without listing every value.</summary>
    public static decimal? MedianOfHistogram(IEnumerable<(int Value, int Count)> histogram)
    {
        var bins = histogram.Where(b => b.Count > 0).OrderBy(b => b.Value).ToArray();
        long total = bins.Sum(b => (long)b.Count);
        if (total == 0)
        {
            return null;
        }

        // The 0-based positions of the middle value(s).
        var low = (total - 1) / 2;
        var high = total / 2;
        int? lowValue = null;
        long seen = 0;
        foreach (var (value, count) in bins)
        {
            seen += count;
            if (lowValue is null && seen > low)
            {
                lowValue = value;
            }

            if (seen > high)
            {
                return (lowValue!.Value + value) / 2m;
            }
        }

        throw new InvalidOperationException("Unreachable: the histogram's total was counted above.");
    }

    /// <summary>The first Panel meeting at which the learning of a concluded IPR was presented: the earliest meeting held
    /// on or after the day the IPR concluded and on or before <paramref name="asOf"/> (a meeting dated later has not been
    /// held yet) that had on its agenda, or among its papers, a theme coded on one of the IPR's findings. Null when none
    /// has been. The step "conclusion to the Panel" runs from the conclusion to that meeting.</summary>
    public static DateOnly? PresentedToPanelOn(DateOnly concludedOn, IReadOnlyCollection<Guid> iprThemes,
        IEnumerable<(DateOnly MeetingOn, IReadOnlyCollection<Guid> Themes)> meetings, DateOnly asOf) =>
        meetings.Where(m => m.MeetingOn >= concludedOn && m.MeetingOn <= asOf && m.Themes.Any(iprThemes.Contains))
            .Select(m => (DateOnly?)m.MeetingOn).Min();
}

/// <summary>A labelled figure: one bar, one row, one point of a series.</summary>
public sealed record LabelledCount(string Label, int Count);
