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
    public async Task<(Guid? Id, string? Name)> CheckAsync(ManagementFilter filter, CancellationToken ct)
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

    public async Task<ManagementFigures> FiguresAsync(ManagementFilter filter, CancellationToken ct = default)
    {
        var (lineId, lineName) = await CheckAsync(filter, ct);
        var (from, to) = (filter.From, filter.To);
        var asOf = ManagementRules.AsOf(to, UkTime.Today(clock));

        // Every figure is counted by the database: each query returns aggregate rows (per day, per group), never the
        // records themselves, so the cost does not grow with the number of IPRs or activities read into memory.
        var referralFigures = await ReferralsAsync(lineId, from, to, ct);
        var iprFigures = await IprsAsync(lineId, from, to, asOf, ct);
        var targets = await db.TimelinessTargets.AsNoTracking().OrderBy(t => t.Days).ToListAsync(ct);
        var timeliness = await TimelinessAsync(lineId, targets, from, to, asOf, ct);
        var activityFigures = await ActivitiesAsync(lineId, from, to, asOf, ct);
        var insight = await InsightAsync(lineId, from, to, ct);
        var family = await FamilyAsync(lineId, from, to, ct);
        var quality = await QualityAsync(lineId, from, to, ct);

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
            summary, referralFigures, iprFigures, timeliness, activityFigures, insight, family, quality);
    }

    private IQueryable<Referral> ReferralQuery(Guid? lineId)
    {
        var query = db.Referrals.AsNoTracking().Where(r => r.Status != ReferralStatus.Draft);
        return lineId is { } id ? query.Where(r => r.ServiceLines.Any(l => l.ServiceLineId == id)) : query;
    }

    private IQueryable<Investigation> InvestigationQuery(Guid? lineId)
    {
        var query = db.Investigations.AsNoTracking();
        return lineId is { } id ? query.Where(i => i.ServiceLines.Any(l => l.ServiceLineId == id)) : query;
    }

    /// <summary>Referrals received in the period (by the date DWP received them); accepted and not met by the day Triage
    /// decided. Received are counted per day (months and years are made from the days); decisions per combination of
    /// the answers the not-met reason is read from, so <see cref="ManagementRules.ReasonOf"/> runs on a handful of rows.</summary>
    public async Task<ReferralFigures> ReferralsAsync(Guid? lineId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var perDay = await ReferralQuery(lineId).Where(r => r.ReceivedOn >= from && r.ReceivedOn <= to)
            .GroupBy(r => r.ReceivedOn).Select(g => new { Day = g.Key!.Value, Count = g.Count() }).ToListAsync(ct);

        // A UK day of decision is the UTC instants from its start to the next day's start.
        var decidedFrom = UkTime.StartOfDayUtc(from);
        var decidedTo = UkTime.StartOfDayUtc(to.AddDays(1));
        var decided = await ReferralQuery(lineId).Where(r => r.DecidedAt >= decidedFrom && r.DecidedAt < decidedTo
                && (r.Status == ReferralStatus.Accepted || r.Status == ReferralStatus.NotMet))
            .GroupBy(r => new { r.Status, r.AwarenessRoute, r.SeriousEvent, r.AllegationMade, r.ExternalReviews })
            .Select(g => new { g.Key.Status, g.Key.AwarenessRoute, g.Key.SeriousEvent, g.Key.AllegationMade, g.Key.ExternalReviews, Count = g.Count() })
            .ToListAsync(ct);

        var notMet = decided.Where(d => d.Status == ReferralStatus.NotMet)
            .Select(d => (Fact: new ReferralFact(d.Status, null, null, d.AwarenessRoute, d.SeriousEvent, d.AllegationMade, d.ExternalReviews, null), d.Count)).ToList();
        var days = perDay.ToDictionary(d => d.Day, d => d.Count);
        return new ReferralFigures(
            perDay.Sum(d => d.Count),
            decided.Where(d => d.Status == ReferralStatus.Accepted).Sum(d => d.Count),
            notMet.Sum(n => n.Count),
            [.. Enum.GetValues<AwarenessRoute>().Select(route => (AwarenessRoute?)route).Append(null)
                .Select(route => new LabelledCount(ManagementRules.Describe(route), notMet.Where(n => n.Fact.Route == route).Sum(n => n.Count)))
                .Where(c => c.Count > 0 || c.Label != ManagementRules.Describe(null))],
            [.. Enum.GetValues<NotMetReason>().Select(reason => new LabelledCount(ManagementRules.Describe(reason),
                notMet.Where(n => ManagementRules.ReasonOf(n.Fact) == reason).Sum(n => n.Count)))],
            ManagementRules.ByMonth(days, from, to),
            ManagementRules.ByReportingYear(days, from, to));
    }

    /// <summary>IPRs open at the end of the period (now, by their stage today), and completed in it (per day of conclusion),
    /// in one scan: each IPR is grouped by its stage if open and its day if completed in the period.</summary>
    public async Task<IprFigures> IprsAsync(Guid? lineId, DateOnly from, DateOnly to, DateOnly asOf, CancellationToken ct)
    {
        var rows = new List<IprRow>();
        await foreach (var row in IprRows.For(db)(db, lineId, from, to, asOf).WithCancellation(ct))
        {
            rows.Add(row);
        }

        var open = rows.Where(r => r.Stage is not null).ToList();
        var completed = rows.Where(r => r.Day is not null).ToList();
        var days = completed.GroupBy(c => c.Day!.Value).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        return new IprFigures(
            open.Sum(o => o.Count),
            [.. Enum.GetValues<InvestigationStage>().Where(s => s != InvestigationStage.Concluded)
                .Select(s => new LabelledCount(ManagementRules.Describe(s), open.Where(o => o.Stage == s).Sum(o => o.Count)))],
            completed.Sum(c => c.Count),
            completed.Sum(c => c.Learning),
            completed.Sum(c => c.ExternalScrutiny),
            ManagementRules.ByMonth(days, from, to),
            ManagementRules.ByReportingYear(days, from, to));
    }

    /// <summary>The IPR section's one statement, compiled: it is a short statement (about a millisecond on PostgreSQL at
    /// department scale), so EF Core's lookup of its translation was a fair part of its cost (about 0.4 ms, measured).
    /// Without a service line, EF Core leaves the line condition out of the SQL.</summary>
    private static readonly CompiledPerModel<Func<SeriousCasesDbContext, Guid?, DateOnly, DateOnly, DateOnly, IAsyncEnumerable<IprRow>>> IprRows = new(() =>
        EF.CompileAsyncQuery((SeriousCasesDbContext db, Guid? lineId, DateOnly from, DateOnly to, DateOnly asOf) =>
            db.Investigations.AsNoTracking()
                .Where(i => lineId == null || i.ServiceLines.Any(l => l.ServiceLineId == lineId))
                .Select(i => new
                {
                    i.Stage,
                    i.ConcludedOn,
                    i.Outcome,
                    i.ExternalScrutiny,
                    Open = i.Stage != InvestigationStage.Concluded && (i.NotifiedOn == null || i.NotifiedOn <= asOf),
                    Completed = i.ConcludedOn >= from && i.ConcludedOn <= to,
                })
                .Where(i => i.Open || i.Completed)
                .GroupBy(i => new { Stage = i.Open ? (InvestigationStage?)i.Stage : null, Day = i.Completed ? i.ConcludedOn : null })
                .Select(g => new IprRow
                {
                    Stage = g.Key.Stage,
                    Day = g.Key.Day,
                    Learning = g.Count(i => i.Outcome == InvestigationOutcome.LearningIdentified),
                    ExternalScrutiny = g.Count(i => i.ExternalScrutiny),
                    Count = g.Count(),
                })));

    /// <summary>A row of the IPR section's one statement: IPRs open at a stage (Stage set) or completed on a day (Day set),
    /// with how many found learning and went to external scrutiny.</summary>
    private sealed class IprRow
    {
        public InvestigationStage? Stage { get; set; }
        public DateOnly? Day { get; set; }
        public int Learning { get; set; }
        public int ExternalScrutiny { get; set; }
        public int Count { get; set; }
    }

    /// <summary>The steps of an IPR with a target, each as a query of (start, done, closed) rows the rules read.</summary>
    private IQueryable<StepFact>? StepQuery(string code, Guid? lineId, DateOnly asOf) => code switch
    {
        Timeliness.NotificationToLaunch => InvestigationQuery(lineId).Select(i => new StepFact { Start = i.NotifiedOn, Done = i.LaunchedOn, Closed = i.Stage == InvestigationStage.Concluded }),
        Timeliness.LaunchToIprg => InvestigationQuery(lineId).Select(i => new StepFact { Start = i.LaunchedOn, Done = i.SentToIprgOn, Closed = i.Stage == InvestigationStage.Concluded }),
        Timeliness.IprgToReview => InvestigationQuery(lineId).Select(i => new StepFact { Start = i.SentToIprgOn, Done = i.IprgReviewedOn, Closed = i.Stage == InvestigationStage.Concluded }),
        _ => null,
    };

    /// <summary>Conclusion to the Panel (<see cref="ManagementRules.PresentedToPanelOn"/>): each concluded IPR with a theme
    /// coded on its findings, and the first meeting held by <paramref name="asOf"/> on or after its conclusion with one of
    /// those themes on the agenda or among the papers. IPRs without a coded theme have nothing to present and are left out.
    /// The meetings' themes are a few hundred rows and each IPR has a handful of themes, so both are read and matched
    /// here by the rule itself: as one correlated subquery per IPR the database took seconds at department scale.</summary>
    private async Task<List<StepFact>> PanelStepFactsAsync(Guid? lineId, DateOnly asOf, CancellationToken ct)
    {
        var meetingThemes = await db.AgendaItems.Where(a => a.ThemeId != null).Select(a => new { a.PanelMeetingId, ThemeId = a.ThemeId!.Value })
            .Concat(db.PanelPapers.Where(p => p.ThemeId != null).Select(p => new { p.PanelMeetingId, ThemeId = p.ThemeId!.Value }))
            .Join(db.PanelMeetings.Where(m => m.MeetingOn <= asOf), t => t.PanelMeetingId, m => m.Id, (t, m) => new { m.Id, t.ThemeId, m.MeetingOn })
            .ToListAsync(ct);
        var meetings = meetingThemes.GroupBy(m => (m.Id, m.MeetingOn))
            .Select(g => (g.Key.MeetingOn, (IReadOnlyCollection<Guid>)g.Select(m => m.ThemeId).ToHashSet())).ToList();
        var iprThemes = await (
            from i in InvestigationQuery(lineId).Where(i => i.ConcludedOn != null)
            join f in db.Findings on i.Id equals f.InvestigationId
            from t in f.Themes
            select new { i.Id, ConcludedOn = i.ConcludedOn!.Value, t.ThemeId }).Distinct().ToListAsync(ct);
        return [.. iprThemes.GroupBy(x => (x.Id, x.ConcludedOn)).Select(g => new StepFact
        {
            Start = g.Key.ConcludedOn,
            Done = ManagementRules.PresentedToPanelOn(g.Key.ConcludedOn, g.Select(x => x.ThemeId).ToHashSet(), meetings, asOf),
            Closed = false,
        })];
    }

    /// <summary>Each step against its target: the steps finished in the period (median days from a histogram of days
    /// taken, share within target) and those still running past their due date at the end of it. The IPR's own steps
    /// are counted in one statement (one grouping per step, sent as one UNION ALL); the Panel step is matched in memory
    /// (<see cref="PanelStepFactsAsync"/>). Public so the benchmark can time it.</summary>
    public async Task<IReadOnlyList<StepTimeliness>> TimelinessAsync(Guid? lineId, IReadOnlyList<ReferenceData.TimelinessTarget> targets,
        DateOnly from, DateOnly to, DateOnly asOf, CancellationToken ct)
    {
        var shown = targets.Where(t => t.Code is Timeliness.NotificationToLaunch or Timeliness.LaunchToIprg or Timeliness.IprgToReview or Timeliness.ConclusionToPanel).ToList();
        var own = shown.Where(t => StepQuery(t.Code, lineId, asOf) is not null).ToList();
        IQueryable<StepRow>? union = null;
        for (var n = 0; n < own.Count; n++)
        {
            var step = n;
            var rows = StepQuery(own[n].Code, lineId, asOf)!.GroupBy(ManagementRules.StepBucket(from, to, asOf, own[n].Days)).Where(g => g.Key != null)
                .Select(g => new StepRow { Step = step, Bucket = g.Key!.Value, Count = g.Count() });
            union = union is null ? rows : union.Concat(rows);
        }

        var counted = union is null ? [] : await union.ToListAsync(ct);
        var steps = new List<StepTimeliness>();
        foreach (var target in shown)
        {
            if (target.Code == Timeliness.ConclusionToPanel)
            {
                // The same grouping, run over the facts matched in memory.
                var facts = (await PanelStepFactsAsync(lineId, asOf, ct)).AsQueryable();
                steps.Add(Assess(target, [.. facts.GroupBy(ManagementRules.StepBucket(from, to, asOf, target.Days)).Where(g => g.Key != null)
                    .Select(g => new StepRow { Bucket = g.Key!.Value, Count = g.Count() })]));
            }
            else
            {
                var step = own.IndexOf(target);
                steps.Add(Assess(target, [.. counted.Where(r => r.Step == step)]));
            }
        }

        return steps;
    }

    /// <summary>One step's figures from its buckets (<see cref="ManagementRules.StepBucket"/>).</summary>
    private static StepTimeliness Assess(ReferenceData.TimelinessTarget target, IReadOnlyList<StepRow> rows)
    {
        var histogram = rows.Where(r => r.Bucket != ManagementRules.OverdueBucket).ToList();
        var overdue = rows.Where(r => r.Bucket == ManagementRules.OverdueBucket).Sum(r => r.Count);
        var finished = histogram.Sum(h => h.Count);
        var within = histogram.Where(h => ManagementRules.WithinTarget(h.Bucket, target.Days)).Sum(h => h.Count);
        return new StepTimeliness(target.Code, target.Name, target.Days, finished,
            ManagementRules.MedianOfHistogram(histogram.Select(h => (h.Bucket, h.Count))), within, ManagementRules.Percentage(within, finished), overdue);
    }

    /// <summary>A row of the timeliness statement: how many of a step's IPRs fell in one bucket.</summary>
    private sealed class StepRow
    {
        public int Step { get; set; }
        public int Bucket { get; set; }
        public int Count { get; set; }
    }

    private IQueryable<ActivityFact> ActivityQuery(Guid? lineId)
    {
        var query = db.AgreedActivities.AsNoTracking();
        if (lineId is { } id)
        {
            query = query.Where(a => a.ServiceLineId == id);
        }

        return query.Select(a => new ActivityFact
        {
            Origin = a.Origin,
            Status = a.Status,
            Assurance = a.Assurance,
            FirstDueOn = a.FirstDueOn,
            DueOn = a.DueOn,
            CompletedOn = a.CompletedOn,
            Owner = a.OwnerTeam != null ? a.OwnerTeam.ShortName : null,
            DirectorGeneral = a.AccountableDirectorGeneral,
            CreatedAt = a.CreatedAt,
            IprConcludedOn = a.Investigation != null ? a.Investigation.ConcludedOn : null,
            IprReviewedOn = a.Investigation != null ? a.Investigation.IprgReviewedOn : null,
            MeetingOn = a.PanelMeeting != null ? (DateOnly?)a.PanelMeeting.MeetingOn : null,
        });
    }

    /// <summary>Activities agreed in the period; completed (assured) in it, on time against the first and the latest
    /// due date; overdue at the end of the period by owner and accountable Director General; completions by month.
    /// The rules are ManagementRules' expressions, run by the database; the three groupings are sent as one UNION ALL.</summary>
    public async Task<ActivityFigures> ActivitiesAsync(Guid? lineId, DateOnly from, DateOnly to, DateOnly asOf, CancellationToken ct)
    {
        var activities = ActivityQuery(lineId);
        // Agreed: grouped by origin (a handful of rows) rather than counted, so it can share the statement.
        var agreedRows = activities.Where(ManagementRules.AgreedBetween(from, to)).GroupBy(a => a.Origin)
            .Select(g => new ActivityRow { Kind = ActivityRow.Agreed, Day = null, OnTimeAgainstFirst = false, OnTimeAgainstLatest = false, Owner = null, DirectorGeneral = null, Count = g.Count() });
        var completedRows = activities.Where(ManagementRules.CompleteRule).Where(a => a.CompletedOn >= from && a.CompletedOn <= to)
            .Select(ManagementRules.Completion).GroupBy(c => new { c.Day, c.OnTimeAgainstFirst, c.OnTimeAgainstLatest })
            .Select(g => new ActivityRow { Kind = ActivityRow.Completed, Day = g.Key.Day, OnTimeAgainstFirst = g.Key.OnTimeAgainstFirst, OnTimeAgainstLatest = g.Key.OnTimeAgainstLatest, Owner = null, DirectorGeneral = null, Count = g.Count() });
        var overdueRows = activities.Where(ManagementRules.OverdueRule(asOf)).GroupBy(a => new { a.Owner, a.DirectorGeneral })
            .Select(g => new ActivityRow { Kind = ActivityRow.Overdue, Day = null, OnTimeAgainstFirst = false, OnTimeAgainstLatest = false, Owner = g.Key.Owner, DirectorGeneral = g.Key.DirectorGeneral, Count = g.Count() });
        var rows = await agreedRows.Concat(completedRows).Concat(overdueRows).ToListAsync(ct);

        var completedPerDay = rows.Where(r => r.Kind == ActivityRow.Completed).ToList();
        var overdue = rows.Where(r => r.Kind == ActivityRow.Overdue).ToList();
        var completed = completedPerDay.Sum(d => d.Count);
        var onFirst = completedPerDay.Where(d => d.OnTimeAgainstFirst).Sum(d => d.Count);
        var onLatest = completedPerDay.Where(d => d.OnTimeAgainstLatest).Sum(d => d.Count);
        return new ActivityFigures(
            rows.Where(r => r.Kind == ActivityRow.Agreed).Sum(r => r.Count),
            completed,
            onFirst,
            onLatest,
            ManagementRules.Percentage(onFirst, completed),
            ManagementRules.Percentage(onLatest, completed),
            overdue.Sum(o => o.Count),
            [.. overdue.GroupBy(o => o.Owner ?? "No owner team").Select(g => new LabelledCount(g.Key, g.Sum(o => o.Count)))
                .OrderByDescending(c => c.Count).ThenBy(c => c.Label, StringComparer.Ordinal)],
            [.. overdue.GroupBy(o => string.IsNullOrWhiteSpace(o.DirectorGeneral) ? "No accountable Director General named" : o.DirectorGeneral.Trim())
                .Select(g => new LabelledCount(g.Key, g.Sum(o => o.Count))).OrderByDescending(c => c.Count).ThenBy(c => c.Label, StringComparer.Ordinal)],
            ManagementRules.ByMonth(completedPerDay.GroupBy(d => d.Day!.Value).ToDictionary(g => g.Key, g => g.Sum(d => d.Count)), from, to));
    }

    /// <summary>A row of the activity section's one statement: agreed per origin, completed per day and timeliness, or
    /// overdue per owner and Director General.</summary>
    private sealed class ActivityRow
    {
        public const int Agreed = 0;
        public const int Completed = 1;
        public const int Overdue = 2;
        public int Kind { get; set; }
        public DateOnly? Day { get; set; }
        public bool OnTimeAgainstFirst { get; set; }
        public bool OnTimeAgainstLatest { get; set; }
        public string? Owner { get; set; }
        public string? DirectorGeneral { get; set; }
        public int Count { get; set; }
    }

    public async Task<InsightFigures> InsightAsync(Guid? lineId, DateOnly from, DateOnly to, CancellationToken ct)
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
}
