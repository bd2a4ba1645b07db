using System.Globalization;
using SeriousCases.Core.Actions;
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

/// <summary>An activity as the figures need it: its state, its dates and where it was agreed.</summary>
public sealed record ActivityFact(
    ActivityOrigin Origin,
    ActivityStatus Status,
    AssuranceGrade? Assurance,
    DateOnly? FirstDueOn,
    DateOnly? DueOn,
    DateOnly? CompletedOn,
    string? Owner,
    string? DirectorGeneral,
    DateOnly CreatedOn,
    DateOnly? IprConcludedOn,
    DateOnly? IprReviewedOn,
    DateOnly? MeetingOn);

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
    public static IReadOnlyList<LabelledCount> ByMonth(IEnumerable<DateOnly> days, DateOnly from, DateOnly to)
    {
        var counts = days.Where(d => d >= from && d <= to).GroupBy(MonthKey).ToDictionary(g => g.Key, g => g.Count());
        return [.. Months(from, to).Select(m => new LabelledCount(MonthName(m), counts.GetValueOrDefault(m)))];
    }

    /// <summary>A count for every month of the period from counts already grouped by month key.</summary>
    public static IReadOnlyList<LabelledCount> ByMonth(IReadOnlyDictionary<int, int> counts, DateOnly from, DateOnly to) =>
        [.. Months(from, to).Select(m => new LabelledCount(MonthName(m), counts.GetValueOrDefault(m)))];

    /// <summary>A count for every April-to-March reporting year the period touches.</summary>
    public static IReadOnlyList<LabelledCount> ByReportingYear(IEnumerable<DateOnly> days, DateOnly from, DateOnly to)
    {
        var counts = days.Where(d => d >= from && d <= to).GroupBy(d => ReportingYear.StartOf(d).Year).ToDictionary(g => g.Key, g => g.Count());
        var years = new List<LabelledCount>();
        for (var y = ReportingYear.StartOf(from).Year; y <= ReportingYear.StartOf(to).Year; y++)
        {
            years.Add(new LabelledCount(ReportingYear.Name(y), counts.GetValueOrDefault(y)));
        }

        return years;
    }

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
    /// day the IPRG reviewed it; a Panel activity on the day of the meeting; anything else on the day it was recorded.</summary>
    public static DateOnly AgreedOn(ActivityFact a) => a.Origin switch
    {
        ActivityOrigin.IprgAgreedActivity => a.IprConcludedOn ?? a.IprReviewedOn ?? a.CreatedOn,
        ActivityOrigin.PanelRecommendation or ActivityOrigin.PanelActionPoint or ActivityOrigin.PanelDecisionWork => a.MeetingOn ?? a.CreatedOn,
        _ => a.CreatedOn,
    };

    /// <summary>Counts as complete: reported complete and assured (ActivityRules' rule).</summary>
    public static bool CountsAsComplete(ActivityFact a) => a.Status == ActivityStatus.Complete && a.Assurance == AssuranceGrade.Assured;

    /// <summary>Complete by the first committed date.</summary>
    public static bool OnTimeAgainstFirst(ActivityFact a) =>
        CountsAsComplete(a) && a.CompletedOn is { } done && (a.FirstDueOn ?? a.DueOn) is { } first && done <= first;

    /// <summary>Complete by the latest (re-planned) date.</summary>
    public static bool OnTimeAgainstLatest(ActivityFact a) =>
        CountsAsComplete(a) && a.CompletedOn is { } done && a.DueOn is { } due && done <= due;

    /// <summary>Overdue on <paramref name="asOf"/>: its latest due date passed before then, it was agreed by then,
    /// and it is still open (not started or in progress) or was reported complete only after that day.</summary>
    public static bool OverdueOn(ActivityFact a, DateOnly asOf)
    {
        if (a.DueOn is not { } due || due >= asOf || AgreedOn(a) > asOf)
        {
            return false;
        }

        return a.Status switch
        {
            ActivityStatus.NotStarted or ActivityStatus.InProgress => true,
            ActivityStatus.Complete => a.CompletedOn is { } done && done > asOf,
            _ => false,
        };
    }
}

/// <summary>A labelled figure: one bar, one row, one point of a series.</summary>
public sealed record LabelledCount(string Label, int Count);
