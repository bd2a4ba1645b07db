using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Actions;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;
using SeriousCases.Core.Insight;
using SeriousCases.Core.Investigations;
using SeriousCases.Core.Referrals;

namespace SeriousCases.Core.Management;

/// <summary>The period and service line the figures are for. <see cref="ServiceLine"/> is a service line's code
/// (e.g. "UC"); null for every service line.</summary>
public sealed record ManagementFilter(DateOnly From, DateOnly To, string? ServiceLine = null);

/// <summary>The stable summary of the API (<c>GET /api/v1/mi/summary</c>): other systems rely on these names.</summary>
public sealed record ManagementSummary(
    int ReferralsReceived,
    int ReferralsAccepted,
    int IprsCompleted,
    int IprsWithLearning,
    int ActivitiesAgreed,
    int ActivitiesCompletedOnTime,
    int ActivitiesOverdue,
    int FamiliesContacted,
    int ApologiesGiven);

public sealed record ReferralFigures(
    int Received,
    int Accepted,
    int NotMet,
    IReadOnlyList<LabelledCount> NotMetByRoute,
    IReadOnlyList<LabelledCount> NotMetByReason,
    IReadOnlyList<LabelledCount> ReceivedByMonth,
    IReadOnlyList<LabelledCount> ReceivedByYear);

public sealed record IprFigures(
    int Open,
    IReadOnlyList<LabelledCount> OpenByStage,
    int Completed,
    int WithLearning,
    int ExternalScrutiny,
    IReadOnlyList<LabelledCount> CompletedByMonth,
    IReadOnlyList<LabelledCount> CompletedByYear);

/// <summary>One step of an IPR against its target, for the steps finished in the period; <see cref="Overdue"/> counts
/// steps still running past their due date at the end of the period.</summary>
public sealed record StepTimeliness(string Code, string Name, int TargetDays, int Finished, decimal? MedianDays, int WithinTarget, decimal? PercentWithinTarget, int Overdue);

public sealed record ActivityFigures(
    int Agreed,
    int Completed,
    int OnTimeAgainstFirstDate,
    int OnTimeAgainstLatestDate,
    decimal? PercentOnTimeAgainstFirstDate,
    decimal? PercentOnTimeAgainstLatestDate,
    int Overdue,
    IReadOnlyList<LabelledCount> OverdueByOwner,
    IReadOnlyList<LabelledCount> OverdueByDirectorGeneral,
    IReadOnlyList<LabelledCount> CompletedByMonth);

public sealed record InsightFigures(
    int Received,
    IReadOnlyList<LabelledCount> BySource,
    IReadOnlyList<LabelledCount> ByTheme,
    IReadOnlyList<LabelledCount> ComplaintsByMonth,
    IReadOnlyList<LabelledCount> IceByMonth);

public sealed record QualityFigures(int Reviews, decimal? MeanPercentage, IReadOnlyList<QuarterScore> ByQuarter);

/// <summary>Every figure of the dashboard for one period and service line. Counts only, never personal data.</summary>
public sealed record ManagementFigures(
    ManagementFilter Filter,
    string? ServiceLineName,
    DateOnly AsOf,
    ManagementSummary Summary,
    ReferralFigures Referrals,
    IprFigures Iprs,
    IReadOnlyList<StepTimeliness> Timeliness,
    ActivityFigures Activities,
    InsightFigures Insight,
    FamilyEngagementFigures Family,
    QualityFigures Quality);

/// <summary>Management information: the IPR flow, timeliness, activities, insight, family engagement and quality
/// review scores for a period and, optionally, one service line (issue 10; seed 002's questions). The service line
/// filter follows each record: a referral's and an IPR's service lines (an IPR counts once in each of its lines),
/// the line an activity counts under, an insight item's lines; family contacts and quality reviews by their IPR's.</summary>
public sealed class ManagementService(SeriousCasesDbContext db, TimeProvider clock)
{
    public const string ComplaintSource = "COMPLAINT";
    public const string IceSource = "ICE";

    /// <summary>The filter's checks: to on or after from, a known service line. Returns the service line's id and name.</summary>
    private async Task<(Guid? Id, string? Name)> CheckAsync(ManagementFilter filter, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (filter.To < filter.From)
        {
            errors.Add("to", "The ‘to’ date must be the same as or after the ‘from’ date");
        }

        (Guid? Id, string? Name) line = (null, null);
        if (!string.IsNullOrWhiteSpace(filter.ServiceLine))
        {
            var code = filter.ServiceLine.Trim();
            var found = await db.ServiceLines.AsNoTracking().Where(l => l.Code == code).Select(l => new { l.Id, l.Name }).SingleOrDefaultAsync(ct);
            if (found is null)
            {
                errors.Add("serviceLine", "Select a service line from the list");
            }
            else
            {
                line = (found.Id, found.Name);
            }
        }

        errors.ThrowIfAny();
        return line;
    }

    /// <summary>The service lines to filter by (code and name), in the publication's order.</summary>
    public async Task<IReadOnlyList<(string Code, string Name)>> ServiceLinesAsync(CancellationToken ct = default) =>
        [.. (await db.ServiceLines.AsNoTracking().OrderBy(l => l.SortOrder).ThenBy(l => l.Name).Select(l => new { l.Code, l.Name }).ToListAsync(ct))
            .Select(l => (l.Code, l.Name))];

    /// <summary>The API's summary: the same figures as the dashboard's.</summary>
    public async Task<ManagementSummary> SummaryAsync(ManagementFilter filter, CancellationToken ct = default) =>
        (await FiguresAsync(filter, ct)).Summary;

    public async Task<ManagementFigures> FiguresAsync(ManagementFilter filter, CancellationToken ct = default)
    {
        var (lineId, lineName) = await CheckAsync(filter, ct);
        var (from, to) = (filter.From, filter.To);
        var asOf = ManagementRules.AsOf(to, UkTime.Today(clock));

        var referrals = await ReferralsAsync(lineId, from, to, ct);
        var investigations = await InvestigationsAsync(lineId, ct);
        var targets = await db.TimelinessTargets.AsNoTracking().OrderBy(t => t.Days).ToListAsync(ct);
        var activities = await ActivitiesAsync(lineId, ct);
        var insight = await InsightAsync(lineId, from, to, ct);
        var family = await FamilyAsync(lineId, from, to, ct);
        var quality = await QualityAsync(lineId, from, to, ct);

        var referralFigures = Referrals(referrals, from, to);
        var iprFigures = Iprs(investigations, from, to, asOf);
        var activityFigures = Activities(activities, from, to, asOf);
        var summary = new ManagementSummary(
            referralFigures.Received,
            referralFigures.Accepted,
            iprFigures.Completed,
            iprFigures.WithLearning,
            activityFigures.Agreed,
            activityFigures.OnTimeAgainstLatestDate,
            activityFigures.Overdue,
            family.CasesWithContact,
            family.ApologiesGiven);
        return new ManagementFigures(filter with { ServiceLine = string.IsNullOrWhiteSpace(filter.ServiceLine) ? null : filter.ServiceLine.Trim() }, lineName, asOf,
            summary, referralFigures, iprFigures, TimelinessOf(investigations, targets, from, to, asOf), activityFigures, insight, family, quality);
    }

    private async Task<List<ReferralFact>> ReferralsAsync(Guid? lineId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var decidedFrom = UkTime.StartOfDayUtc(from);
        var decidedTo = UkTime.StartOfDayUtc(to.AddDays(1));
        var query = db.Referrals.AsNoTracking().Where(r => r.Status != ReferralStatus.Draft
            && ((r.ReceivedOn >= from && r.ReceivedOn <= to) || (r.DecidedAt >= decidedFrom && r.DecidedAt < decidedTo)));
        if (lineId is { } id)
        {
            query = query.Where(r => r.ServiceLines.Any(l => l.ServiceLineId == id));
        }

        var rows = await query.Select(r => new { r.Status, r.ReceivedOn, r.DecidedAt, r.AwarenessRoute, r.SeriousEvent, r.AllegationMade, r.ExternalReviews, r.CriteriaMet })
            .ToListAsync(ct);
        return [.. rows.Select(r => new ReferralFact(r.Status, r.ReceivedOn, r.DecidedAt is { } at ? DateOnly.FromDateTime(UkTime.ToUk(at)) : null,
            r.AwarenessRoute, r.SeriousEvent, r.AllegationMade, r.ExternalReviews, r.CriteriaMet))];
    }

    private async Task<List<(InvestigationFact Fact, bool ExternalScrutiny)>> InvestigationsAsync(Guid? lineId, CancellationToken ct)
    {
        var query = db.Investigations.AsNoTracking();
        if (lineId is { } id)
        {
            query = query.Where(i => i.ServiceLines.Any(l => l.ServiceLineId == id));
        }

        var rows = await query.Select(i => new { i.Id, i.Stage, i.NotifiedOn, i.LaunchedOn, i.SentToIprgOn, i.IprgReviewedOn, i.ConcludedOn, i.Outcome, i.ExternalScrutiny })
            .ToListAsync(ct);
        return [.. rows.Select(i => (new InvestigationFact(i.Id, i.Stage, i.NotifiedOn, i.LaunchedOn, i.SentToIprgOn, i.IprgReviewedOn, i.ConcludedOn, i.Outcome), i.ExternalScrutiny))];
    }

    private async Task<List<ActivityFact>> ActivitiesAsync(Guid? lineId, CancellationToken ct)
    {
        var query = db.AgreedActivities.AsNoTracking();
        if (lineId is { } id)
        {
            query = query.Where(a => a.ServiceLineId == id);
        }

        var rows = await query.Select(a => new
        {
            a.Origin,
            a.Status,
            a.Assurance,
            a.FirstDueOn,
            a.DueOn,
            a.CompletedOn,
            Owner = a.OwnerTeam != null ? a.OwnerTeam.ShortName : null,
            a.AccountableDirectorGeneral,
            a.CreatedAt,
            IprConcludedOn = a.Investigation != null ? a.Investigation.ConcludedOn : null,
            IprReviewedOn = a.Investigation != null ? a.Investigation.IprgReviewedOn : null,
            MeetingOn = a.PanelMeeting != null ? (DateOnly?)a.PanelMeeting.MeetingOn : null,
        }).ToListAsync(ct);
        return [.. rows.Select(a => new ActivityFact(a.Origin, a.Status, a.Assurance, a.FirstDueOn, a.DueOn, a.CompletedOn, a.Owner, a.AccountableDirectorGeneral,
            DateOnly.FromDateTime(UkTime.ToUk(a.CreatedAt)), a.IprConcludedOn, a.IprReviewedOn, a.MeetingOn))];
    }

    private async Task<InsightFigures> InsightAsync(Guid? lineId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var items = db.InsightItems.AsNoTracking().Where(i => i.ReceivedOn >= from && i.ReceivedOn <= to);
        if (lineId is { } id)
        {
            items = items.Where(i => i.ServiceLines.Any(l => l.ServiceLineId == id));
        }

        var bySourceMonth = await items.GroupBy(i => new { i.SourceId, i.MonthKey }).Select(g => new { g.Key.SourceId, g.Key.MonthKey, Count = g.Count() }).ToListAsync(ct);
        var byTheme = await items.SelectMany(i => i.Themes).GroupBy(t => t.ThemeId).Select(g => new { ThemeId = g.Key, Count = g.Count() }).ToListAsync(ct);
        var sources = await db.InsightSources.AsNoTracking().OrderBy(s => s.SortOrder).ThenBy(s => s.Name).Select(s => new { s.Id, s.Code, s.Name }).ToListAsync(ct);
        var themes = await db.Themes.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(ct);

        IReadOnlyList<LabelledCount> Monthly(string code)
        {
            var source = sources.Find(s => s.Code == code);
            var counts = bySourceMonth.Where(r => source is not null && r.SourceId == source.Id).ToDictionary(r => r.MonthKey, r => r.Count);
            return ManagementRules.ByMonth(counts, from, to);
        }

        return new InsightFigures(
            bySourceMonth.Sum(r => r.Count),
            [.. sources.Select(s => new LabelledCount(s.Name, bySourceMonth.Where(r => r.SourceId == s.Id).Sum(r => r.Count)))],
            [.. themes.Select(t => new LabelledCount(t.Name, byTheme.Where(r => r.ThemeId == t.Id).Sum(r => r.Count))).Where(t => t.Count > 0).OrderByDescending(t => t.Count)],
            Monthly(ComplaintSource),
            Monthly(IceSource));
    }

    private async Task<FamilyEngagementFigures> FamilyAsync(Guid? lineId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var contacts = db.FamilyContacts.AsNoTracking().Where(c => c.On >= from && c.On <= to);
        if (lineId is { } id)
        {
            contacts = contacts.Where(c => db.Investigations.Any(i => i.Id == c.InvestigationId && i.ServiceLines.Any(l => l.ServiceLineId == id)));
        }

        var facts = await contacts.Select(c => new FamilyContactFact(c.InvestigationId, c.Kind, c.Level, c.ApologyGiven)).ToListAsync(ct);
        return FamilyEngagementService.Figures(from, to, facts);
    }

    private async Task<QualityFigures> QualityAsync(Guid? lineId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var reviews = db.QualityReviews.AsNoTracking().Where(r => r.ReviewedOn >= from && r.ReviewedOn <= to);
        if (lineId is { } id)
        {
            reviews = reviews.Where(r => db.Investigations.Any(i => i.Id == r.InvestigationId && i.ServiceLines.Any(l => l.ServiceLineId == id)));
        }

        var facts = await reviews.Select(r => new ReviewFact(r.InvestigationId, r.ReviewedOn, r.CreatedAt, r.Score, r.MaxScore)).ToListAsync(ct);
        return Quality(facts);
    }

    public static QualityFigures Quality(IReadOnlyCollection<ReviewFact> reviews)
    {
        var quarters = QualityReviewService.ByQuarter(reviews);
        var count = quarters.Sum(q => q.Reviews);
        decimal? mean = count == 0 ? null : Math.Round(quarters.Sum(q => q.MeanPercentage * q.Reviews) / count, 1, MidpointRounding.AwayFromZero);
        return new QualityFigures(count, mean, quarters);
    }

    /// <summary>Referrals received in the period (by the date DWP received them); accepted and not met by the day Triage decided.</summary>
    public static ReferralFigures Referrals(IReadOnlyCollection<ReferralFact> referrals, DateOnly from, DateOnly to)
    {
        var received = referrals.Where(r => ManagementRules.In(r.ReceivedOn, from, to)).ToList();
        var decided = referrals.Where(r => ManagementRules.In(r.DecidedOn, from, to)).ToList();
        var notMet = decided.Where(r => r.Status == ReferralStatus.NotMet).ToList();
        return new ReferralFigures(
            received.Count,
            decided.Count(r => r.Status == ReferralStatus.Accepted),
            notMet.Count,
            [.. Enum.GetValues<AwarenessRoute>().Select(route => (AwarenessRoute?)route).Append(null)
                .Select(route => new LabelledCount(ManagementRules.Describe(route), notMet.Count(r => r.Route == route)))
                .Where(c => c.Count > 0 || c.Label != ManagementRules.Describe(null))],
            [.. Enum.GetValues<NotMetReason>().Select(reason => new LabelledCount(ManagementRules.Describe(reason), notMet.Count(r => ManagementRules.ReasonOf(r) == reason)))],
            ManagementRules.ByMonth(received.Select(r => r.ReceivedOn!.Value), from, to),
            ManagementRules.ByReportingYear(received.Select(r => r.ReceivedOn!.Value), from, to));
    }

    /// <summary>IPRs open at the end of the period (now, by their stage today), and completed in it.</summary>
    public static IprFigures Iprs(IReadOnlyCollection<(InvestigationFact Fact, bool ExternalScrutiny)> iprs, DateOnly from, DateOnly to, DateOnly asOf)
    {
        var open = iprs.Where(i => i.Fact.Stage != InvestigationStage.Concluded && (i.Fact.NotifiedOn is null || i.Fact.NotifiedOn <= asOf)).ToList();
        var completed = iprs.Where(i => ManagementRules.In(i.Fact.ConcludedOn, from, to)).ToList();
        var days = completed.Select(i => i.Fact.ConcludedOn!.Value).ToList();
        return new IprFigures(
            open.Count,
            [.. Enum.GetValues<InvestigationStage>().Where(s => s != InvestigationStage.Concluded)
                .Select(s => new LabelledCount(ManagementRules.Describe(s), open.Count(i => i.Fact.Stage == s)))],
            completed.Count,
            completed.Count(i => i.Fact.Outcome == InvestigationOutcome.LearningIdentified),
            completed.Count(i => i.ExternalScrutiny),
            ManagementRules.ByMonth(days, from, to),
            ManagementRules.ByReportingYear(days, from, to));
    }

    /// <summary>Each step against its target: the steps finished in the period (median days, share within target)
    /// and those still running past their due date at the end of it.</summary>
    public static IReadOnlyList<StepTimeliness> TimelinessOf(IReadOnlyCollection<(InvestigationFact Fact, bool ExternalScrutiny)> iprs,
        IReadOnlyList<ReferenceData.TimelinessTarget> targets, DateOnly from, DateOnly to, DateOnly asOf)
    {
        var checks = iprs.SelectMany(i => Timeliness.Assess(
            new TimelinessDates(i.Fact.NotifiedOn, i.Fact.LaunchedOn, i.Fact.SentToIprgOn, i.Fact.IprgReviewedOn, i.Fact.Stage == InvestigationStage.Concluded),
            targets, asOf)).ToList();
        return [.. targets.Where(t => t.Code is Timeliness.NotificationToLaunch or Timeliness.LaunchToIprg or Timeliness.IprgToReview).Select(t =>
        {
            var mine = checks.Where(c => c.Code == t.Code).ToList();
            var finished = mine.Where(c => c.Start is not null && ManagementRules.In(c.Done, from, to)).ToList();
            var within = finished.Count(c => c.Status == TimelinessStatus.Met);
            var overdue = mine.Count(c => c.Status == TimelinessStatus.Overdue);
            return new StepTimeliness(t.Code, t.Name, t.Days, finished.Count,
                ManagementRules.Median(finished.Select(c => c.Done!.Value.DayNumber - c.Start!.Value.DayNumber)),
                within, ManagementRules.Percentage(within, finished.Count), overdue);
        })];
    }

    /// <summary>Activities agreed in the period; completed (assured) in it, on time against the first and the latest
    /// due date; overdue at the end of the period by owner and accountable Director General; completions by month.</summary>
    public static ActivityFigures Activities(IReadOnlyCollection<ActivityFact> activities, DateOnly from, DateOnly to, DateOnly asOf)
    {
        var agreed = activities.Count(a => ManagementRules.In(ManagementRules.AgreedOn(a), from, to));
        var completed = activities.Where(a => ManagementRules.CountsAsComplete(a) && ManagementRules.In(a.CompletedOn, from, to)).ToList();
        var onFirst = completed.Count(ManagementRules.OnTimeAgainstFirst);
        var onLatest = completed.Count(ManagementRules.OnTimeAgainstLatest);
        var overdue = activities.Where(a => ManagementRules.OverdueOn(a, asOf)).ToList();
        return new ActivityFigures(
            agreed,
            completed.Count,
            onFirst,
            onLatest,
            ManagementRules.Percentage(onFirst, completed.Count),
            ManagementRules.Percentage(onLatest, completed.Count),
            overdue.Count,
            [.. overdue.GroupBy(a => a.Owner ?? "No owner team").Select(g => new LabelledCount(g.Key, g.Count())).OrderByDescending(c => c.Count).ThenBy(c => c.Label, StringComparer.Ordinal)],
            [.. overdue.GroupBy(a => string.IsNullOrWhiteSpace(a.DirectorGeneral) ? "No accountable Director General named" : a.DirectorGeneral.Trim())
                .Select(g => new LabelledCount(g.Key, g.Count())).OrderByDescending(c => c.Count).ThenBy(c => c.Label, StringComparer.Ordinal)],
            ManagementRules.ByMonth(completed.Select(a => a.CompletedOn!.Value), from, to));
    }
}
