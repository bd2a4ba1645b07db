using SeriousCases.Core.ReferenceData;

namespace SeriousCases.Core.Investigations;

public enum TimelinessStatus
{
    /// <summary>The step has not started yet (its start date is not reached).</summary>
    NotStarted = 0,
    /// <summary>Started, not done, due date not passed.</summary>
    OnTrack = 1,
    /// <summary>Started, not done, due date passed.</summary>
    Overdue = 2,
    Met = 3,
    Missed = 4,
    /// <summary>The case concluded without this step's date recorded (older cases).</summary>
    NotRecorded = 5,
}

/// <summary>The dates of an IPR that its steps run between.</summary>
public sealed record TimelinessDates(DateOnly? NotifiedOn, DateOnly? LaunchedOn, DateOnly? SentToIprgOn, DateOnly? IprgReviewedOn, bool Concluded);

public sealed record TimelinessCheck(string Code, string Name, int TargetDays, DateOnly? Start, DateOnly? Due, DateOnly? Done, TimelinessStatus Status)
{
    public bool IsBreach => Status is TimelinessStatus.Overdue or TimelinessStatus.Missed;
}

/// <summary>An IPR's steps against the department's targets (seed 003: launched, concluded and presented
/// "within X days"). Each step runs from one date of the case to the next; the days are reference data.
/// Pure: the caller gives today's date.</summary>
public static class Timeliness
{
    public const string NotificationToLaunch = "IPR_LAUNCH";
    public const string LaunchToIprg = "IPR_TO_IPRG";
    public const string IprgToReview = "IPRG_REVIEW";

    /// <summary>From the IPR's conclusion to the first Panel meeting that discussed a theme of its learning
    /// (ManagementRules.PresentedToPanelOn). A management figure only: it is not a step of the IPR's own overview.</summary>
    public const string ConclusionToPanel = "IPR_TO_PANEL";

    public static IReadOnlyList<TimelinessCheck> Assess(Investigation ipr, IEnumerable<TimelinessTarget> targets, DateOnly today) =>
        Assess(new TimelinessDates(ipr.NotifiedOn, ipr.LaunchedOn, ipr.SentToIprgOn, ipr.IprgReviewedOn, ipr.Stage == InvestigationStage.Concluded), targets, today);

    public static IReadOnlyList<TimelinessCheck> Assess(TimelinessDates ipr, IEnumerable<TimelinessTarget> targets, DateOnly today)
    {
        var checks = new List<TimelinessCheck>();
        foreach (var target in targets)
        {
            (DateOnly? start, DateOnly? done) = target.Code switch
            {
                NotificationToLaunch => (ipr.NotifiedOn, ipr.LaunchedOn),
                LaunchToIprg => (ipr.LaunchedOn, ipr.SentToIprgOn),
                IprgToReview => (ipr.SentToIprgOn, ipr.IprgReviewedOn),
                _ => ((DateOnly?)null, (DateOnly?)null),
            };
            if (target.Code is not (NotificationToLaunch or LaunchToIprg or IprgToReview))
            {
                continue;
            }

            DateOnly? due = start is { } s ? target.DueOn(s) : null;
            var status = (start, done, due) switch
            {
                (null, _, _) => TimelinessStatus.NotStarted,
                (_, { } d, { } by) => d <= by ? TimelinessStatus.Met : TimelinessStatus.Missed,
                (_, null, _) when ipr.Concluded => TimelinessStatus.NotRecorded,
                (_, null, { } by) => today > by ? TimelinessStatus.Overdue : TimelinessStatus.OnTrack,
                _ => TimelinessStatus.NotStarted,
            };
            checks.Add(new TimelinessCheck(target.Code, target.Name, target.Days, start, due, done, status));
        }

        return checks;
    }

    public static string Describe(TimelinessStatus status) => status switch
    {
        TimelinessStatus.OnTrack => "On track",
        TimelinessStatus.Overdue => "Overdue",
        TimelinessStatus.Met => "Met",
        TimelinessStatus.Missed => "Missed",
        TimelinessStatus.NotRecorded => "Not recorded",
        _ => "Not started",
    };
}
