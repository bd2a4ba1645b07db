using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Actions;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;
using SeriousCases.Core.Insight;
using SeriousCases.Core.Investigations;
using SeriousCases.Core.ReferenceData;
using SeriousCases.Core.Themes.Spc;

namespace SeriousCases.Core.Themes;

/// <summary>IPR findings count as a source of their own beside the insight sources (reference data).</summary>
public static class ThemeSources
{
    public const string Findings = "FINDINGS";
    public const string FindingsName = "IPR findings";
}

public sealed record SourceVolume(string Code, string Name, int Count);

/// <summary>One theme on the overview of systemic issues. Totals are for all time; <see cref="BySource"/> and
/// <see cref="Monthly"/> cover the overview's window; the priority uses the last 24 complete months.</summary>
public sealed record ThemeSummary(
    Guid Id, string Code, string Name, string? Description, bool IsActive, int Version,
    int Findings, int InsightItems, IReadOnlyList<SourceVolume> BySource, IReadOnlyList<int> Monthly, IReadOnlyList<string> ServiceLines,
    int OpenActivities, int OverdueActivities, int CompletedActivities, DateOnly? LastDiscussedOn, PriorityScore Priority);

public sealed record ThemeOverview(IReadOnlyList<int> Months, IReadOnlyList<SourceVolume> Sources, IReadOnlyList<ThemeSummary> Themes);

public sealed record SeriesPointValue(int PeriodKey, string Period, string Words, int Value);

public sealed record ThemeSeries(Theme Theme, SeriesPeriod By, string? Source, string SourceName, IReadOnlyList<SeriesPointValue> Points, XmrChart Chart);

/// <summary>A finding as evidence: its text is the anonymised "learning identified"; the IPR's reference only for those
/// allowed to see case references.</summary>
public sealed record FindingEvidence(Guid Id, string Text, string ServiceLine, DateOnly? On, Guid InvestigationId, string InvestigationReference);

public sealed record InsightEvidence(Guid Id, string Summary, string Source, DateOnly ReceivedOn, int? Severity);

public sealed record ActivityAddressing(
    Guid Id, string Reference, ActivityOrigin Origin, string Text, string? OwnerTeam, ActivityStatus Status, DateOnly? DueOn, DateOnly? CompletedOn,
    bool Overdue, EffectOfChange? Effect);

public sealed record PanelItemAbout(DateOnly MeetingOn, Guid MeetingId, string Kind, string Title, string? Text);

public sealed record ThemeDetail(
    Theme Theme, int FindingCount, int InsightCount, IReadOnlyList<FindingEvidence> Findings, IReadOnlyList<InsightEvidence> Insight,
    IReadOnlyList<ActivityAddressing> Activities, IReadOnlyList<PanelItemAbout> Panel);

/// <summary>Themes as the Panel sees them: volumes by source and period, service lines, the activities addressing each
/// theme, when the Panel last discussed it, its priority and its XmR series. Monthly counts group in the database on stored
/// month keys: an insight item's <see cref="InsightItem.MonthKey"/> and a finding's <see cref="Finding.MonthKey"/> (the
/// month of its IPR's latest dated step, <see cref="FindingMonth"/>).</summary>
public sealed class ThemeInsightService(SeriousCasesDbContext db, TimeProvider clock)
{
    /// <summary>What the effect verdicts count.</summary>
    public const string WhatIsCounted = "findings and insight items";

    public const int EvidenceShown = 50;

    /// <summary>The last complete month: the current month is still filling up, and would look like a fall.</summary>
    public int LastCompleteMonth() => Periods.AddMonths(Periods.MonthKey(UkTime.Today(clock)), -1);

    public async Task<ThemeOverview> OverviewAsync(int months, CancellationToken ct)
    {
        months = Math.Clamp(months, 1, 240);
        var toKey = LastCompleteMonth();
        var fromKey = Periods.AddMonths(toKey, -(months - 1));
        return ThemeOverviewBuilder.Build(await OverviewRowsAsync(fromKey, toKey, ct), fromKey, toKey);
    }

    /// <summary>The overview's rows, each grouped in the database on stored month keys (insight items' and findings'), so
    /// the cost is a few scans of the indexes, not a round trip per theme.</summary>
    public async Task<ThemeOverviewRows> OverviewRowsAsync(int fromKey, int toKey, CancellationToken ct)
    {
        var today = UkTime.Today(clock);
        var queryFrom = ThemeOverviewBuilder.QueryFrom(fromKey, toKey);
        var themes = await db.Themes.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);
        var sources = await db.InsightSources.AsNoTracking().OrderBy(s => s.SortOrder).ThenBy(s => s.Name).ToListAsync(ct);

        var insight = await (
            from t in db.Set<InsightItemTheme>()
            join i in db.InsightItems on t.InsightItemId equals i.Id
            where i.MonthKey >= queryFrom && i.MonthKey <= toKey
            group i by new { t.ThemeId, i.MonthKey, i.SourceId } into g
            select new InsightMonthCount(g.Key.ThemeId, g.Key.MonthKey, g.Key.SourceId, g.Count(), g.Sum(x => x.Severity ?? 0), g.Count(x => x.Severity != null)))
            .ToListAsync(ct);
        var findings = await (
            from t in db.Set<FindingTheme>()
            join f in db.Findings on t.FindingId equals f.Id
            where f.MonthKey >= queryFrom && f.MonthKey <= toKey
            group f by new { t.ThemeId, f.MonthKey } into g
            select new FindingMonthCount(g.Key.ThemeId, g.Key.MonthKey!.Value, g.Count())).ToListAsync(ct);

        var insightTotals = await db.Set<InsightItemTheme>().GroupBy(t => t.ThemeId)
            .Select(g => new { ThemeId = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.ThemeId, x => x.Count, ct);
        var findingTotals = await db.Set<FindingTheme>().GroupBy(t => t.ThemeId)
            .Select(g => new { ThemeId = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.ThemeId, x => x.Count, ct);

        // The service lines affected in the window, from insight and findings alike, in one distinct query.
        var lines = await (
            from t in db.Set<InsightItemTheme>()
            join i in db.InsightItems on t.InsightItemId equals i.Id
            join l in db.Set<InsightItemServiceLine>() on i.Id equals l.InsightItemId
            where i.MonthKey >= fromKey && i.MonthKey <= toKey
            select new { t.ThemeId, l.ServiceLineId })
            .Union(
                from t in db.Set<FindingTheme>()
                join f in db.Findings on t.FindingId equals f.Id
                where f.MonthKey >= fromKey && f.MonthKey <= toKey
                select new { t.ThemeId, f.ServiceLineId })
            .ToListAsync(ct);
        var lineNames = await db.ServiceLines.AsNoTracking().ToDictionaryAsync(l => l.Id, l => l.Name, ct);

        var activities = await ActivityCountsAsync(today, ct);

        var discussed = await (
            from a in db.AgendaItems
            join m in db.PanelMeetings on a.PanelMeetingId equals m.Id
            where a.ThemeId != null && m.MeetingOn <= today
            group m by a.ThemeId into g
            select new { ThemeId = g.Key!.Value, Last = g.Max(m => m.MeetingOn) }).ToDictionaryAsync(x => x.ThemeId, x => x.Last, ct);

        return new ThemeOverviewRows(themes, sources, insight, findings, insightTotals, findingTotals,
            [.. lines.Select(l => (l.ThemeId, l.ServiceLineId))], lineNames, activities, discussed);
    }

    /// <summary>Activities addressing each theme: IPRG agreed activities through their finding's themes, and work a Panel
    /// decision commissioned through the theme of the agenda item the decision was taken under.</summary>
    private async Task<List<ThemeActivityCount>> ActivityCountsAsync(DateOnly today, CancellationToken ct)
    {
        var viaFindings = await (
            from a in db.AgreedActivities
            join t in db.Set<FindingTheme>() on a.FindingId equals t.FindingId
            group a by t.ThemeId into g
            select new
            {
                ThemeId = g.Key,
                Open = g.Count(a => a.Status == ActivityStatus.NotStarted || a.Status == ActivityStatus.InProgress),
                Overdue = g.Count(a => (a.Status == ActivityStatus.NotStarted || a.Status == ActivityStatus.InProgress) && a.DueOn < today),
                Completed = g.Count(a => a.Status == ActivityStatus.Complete),
            }).ToListAsync(ct);
        var viaPanel = await (
            from a in db.AgreedActivities
            join d in db.PanelDecisions on a.PanelDecisionId equals d.Id
            join i in db.AgendaItems on d.PanelMeetingId equals i.PanelMeetingId
            where i.Number == d.AgendaItemNumber && i.ThemeId != null
            group a by i.ThemeId into g
            select new
            {
                ThemeId = g.Key!.Value,
                Open = g.Count(a => a.Status == ActivityStatus.NotStarted || a.Status == ActivityStatus.InProgress),
                Overdue = g.Count(a => (a.Status == ActivityStatus.NotStarted || a.Status == ActivityStatus.InProgress) && a.DueOn < today),
                Completed = g.Count(a => a.Status == ActivityStatus.Complete),
            }).ToListAsync(ct);
        return [.. viaFindings.Concat(viaPanel).Select(r => new ThemeActivityCount(r.ThemeId, r.Open, r.Overdue, r.Completed))];
    }

    /// <summary>A theme's series by month or quarter for one source (an insight source's code, or FINDINGS), or all of
    /// them when <paramref name="source"/> is empty, with its XmR chart. By default from the first month with data to the
    /// last complete month (quarter).</summary>
    public async Task<ThemeSeries> SeriesAsync(Guid themeId, SeriesPeriod by, string? source, int? fromMonth, int? toMonth, CancellationToken ct)
    {
        var theme = await db.Themes.AsNoTracking().SingleOrDefaultAsync(t => t.Id == themeId, ct) ?? throw new RecordNotFoundException("The theme");
        source = string.IsNullOrWhiteSpace(source) ? null : source.Trim().ToUpperInvariant();
        InsightSource? insightSource = null;
        if (source is not null and not ThemeSources.Findings)
        {
            insightSource = await db.InsightSources.AsNoTracking().SingleOrDefaultAsync(s => s.Code.ToUpper() == source, ct)
                ?? throw new DomainValidationException("source", $"Enter a source code, for example PFD, or {ThemeSources.Findings} for IPR findings");
        }

        var monthCounts = new Dictionary<int, int>();
        if (source != ThemeSources.Findings)
        {
            var sourceId = insightSource?.Id;
            var insight = await (
                from t in db.Set<InsightItemTheme>()
                join i in db.InsightItems on t.InsightItemId equals i.Id
                where t.ThemeId == themeId && (sourceId == null || i.SourceId == sourceId)
                group i by i.MonthKey into g
                select new { MonthKey = g.Key, Count = g.Count() }).ToListAsync(ct);
            foreach (var r in insight)
            {
                monthCounts[r.MonthKey] = r.Count;
            }
        }

        if (source is null or ThemeSources.Findings)
        {
            var findings = await (
                from t in db.Set<FindingTheme>()
                join f in db.Findings on t.FindingId equals f.Id
                where t.ThemeId == themeId && f.MonthKey != null
                group f by f.MonthKey into g
                select new { MonthKey = g.Key!.Value, Count = g.Count() }).ToListAsync(ct);
            foreach (var r in findings)
            {
                monthCounts[r.MonthKey] = monthCounts.GetValueOrDefault(r.MonthKey) + r.Count;
            }
        }

        var lastComplete = LastCompleteMonth();
        if (by == SeriesPeriod.Quarter && Periods.PeriodOf(lastComplete, by) == Periods.PeriodOf(Periods.AddMonths(lastComplete, 1), by))
        {
            // The quarter of the last complete month is still going on: end at the quarter before it.
            lastComplete = Periods.AddMonths(Periods.PeriodOf(lastComplete, by), -1);
        }

        var to = toMonth ?? lastComplete;
        var from = fromMonth ?? (monthCounts.Count == 0 ? Periods.AddMonths(to, -11) : Math.Min(monthCounts.Keys.Min(), to));
        var periods = Periods.Months(from, to).Select(m => Periods.PeriodOf(m, by)).Distinct().ToList();
        var values = periods.ToDictionary(p => p, _ => 0);
        foreach (var (month, count) in monthCounts.Where(kv => kv.Key >= from && kv.Key <= to))
        {
            values[Periods.PeriodOf(month, by)] += count;
        }

        var points = periods.Select(p => new SeriesPointValue(p, Periods.Label(p, by), Periods.Words(p, by), values[p])).ToList();
        var chart = Xmr.Build([.. points.Select(p => (double)p.Value)]);
        var sourceName = source switch
        {
            null => "All sources",
            ThemeSources.Findings => ThemeSources.FindingsName,
            _ => insightSource!.Name,
        };
        return new ThemeSeries(theme, by, source, sourceName, points, chart);
    }

    /// <summary>A theme's page: the latest evidence, the activities addressing it with the effect of each completed one on
    /// the theme's monthly series, and the Panel's papers, discussions and decisions about it.</summary>
    public async Task<ThemeDetail> DetailAsync(Guid themeId, CancellationToken ct)
    {
        var theme = await db.Themes.AsNoTracking().SingleOrDefaultAsync(t => t.Id == themeId, ct) ?? throw new RecordNotFoundException("The theme");
        var today = UkTime.Today(clock);

        var findingQuery =
            from t in db.Set<FindingTheme>()
            where t.ThemeId == themeId
            join f in db.Findings on t.FindingId equals f.Id
            join inv in db.Investigations on f.InvestigationId equals inv.Id
            join l in db.ServiceLines on f.ServiceLineId equals l.Id
            select new
            {
                f.Id,
                f.Text,
                Line = l.Name,
                On = inv.ConcludedOn ?? inv.IprgReviewedOn ?? inv.SentToIprgOn ?? inv.LaunchedOn ?? inv.AcceptedOn ?? inv.NotifiedOn,
                InvestigationId = inv.Id,
                inv.Reference,
            };
        var findingCount = await findingQuery.CountAsync(ct);
        var findings = (await findingQuery.OrderByDescending(f => f.On).ThenBy(f => f.Id).Take(EvidenceShown).ToListAsync(ct))
            .Select(f => new FindingEvidence(f.Id, f.Text, f.Line, f.On, f.InvestigationId, f.Reference)).ToList();

        var insightQuery =
            from t in db.Set<InsightItemTheme>()
            where t.ThemeId == themeId
            join i in db.InsightItems on t.InsightItemId equals i.Id
            join s in db.InsightSources on i.SourceId equals s.Id
            select new { i.Id, i.Summary, Source = s.Name, i.ReceivedOn, i.Severity };
        var insightCount = await insightQuery.CountAsync(ct);
        var insight = (await insightQuery.OrderByDescending(i => i.ReceivedOn).ThenBy(i => i.Id).Take(EvidenceShown).ToListAsync(ct))
            .Select(i => new InsightEvidence(i.Id, i.Summary, i.Source, i.ReceivedOn, i.Severity)).ToList();

        var findingIds = db.Set<FindingTheme>().Where(t => t.ThemeId == themeId).Select(t => (Guid?)t.FindingId);
        var decisionIds =
            from d in db.PanelDecisions
            join i in db.AgendaItems on d.PanelMeetingId equals i.PanelMeetingId
            where i.Number == d.AgendaItemNumber && i.ThemeId == themeId
            select (Guid?)d.Id;
        var activities = await db.AgreedActivities.AsNoTracking()
            .Where(a => findingIds.Contains(a.FindingId) || decisionIds.Contains(a.PanelDecisionId))
            .OrderBy(a => a.DueOn).ThenBy(a => a.Reference)
            .Select(a => new { a.Id, a.Reference, a.Origin, a.Text, Owner = a.OwnerTeam!.Name, a.Status, a.DueOn, a.CompletedOn })
            .Take(500)
            .ToListAsync(ct);

        ThemeSeries? monthly = null;
        if (activities.Any(a => a.Status == ActivityStatus.Complete && a.CompletedOn is not null))
        {
            monthly = await SeriesAsync(themeId, SeriesPeriod.Month, null, null, null, ct);
        }

        var addressing = activities.Select(a =>
        {
            EffectOfChange? effect = null;
            if (monthly is not null && a.Status == ActivityStatus.Complete && a.CompletedOn is { } done)
            {
                var firstAfter = Periods.AddMonths(Periods.MonthKey(done), 1);
                var index = monthly.Points.Count(p => p.PeriodKey < firstAfter);
                effect = ChangeEffect.Assess([.. monthly.Points.Select(p => (double)p.Value)], index, WhatIsCounted);
            }

            var open = a.Status is ActivityStatus.NotStarted or ActivityStatus.InProgress;
            return new ActivityAddressing(a.Id, a.Reference, a.Origin, a.Text, a.Owner, a.Status, a.DueOn, a.CompletedOn, open && a.DueOn < today, effect);
        }).ToList();

        var agenda = await (
            from i in db.AgendaItems
            join m in db.PanelMeetings on i.PanelMeetingId equals m.Id
            where i.ThemeId == themeId
            select new { m.MeetingOn, MeetingId = m.Id, i.Number, i.Title, i.Minute }).ToListAsync(ct);
        var papers = await (
            from p in db.PanelPapers
            join m in db.PanelMeetings on p.PanelMeetingId equals m.Id
            where p.ThemeId == themeId
            select new { m.MeetingOn, MeetingId = m.Id, p.Number, p.Title }).ToListAsync(ct);
        var decisions = await (
            from d in db.PanelDecisions
            join i in db.AgendaItems on d.PanelMeetingId equals i.PanelMeetingId
            join m in db.PanelMeetings on d.PanelMeetingId equals m.Id
            where i.Number == d.AgendaItemNumber && i.ThemeId == themeId
            select new { m.MeetingOn, MeetingId = m.Id, d.Number, d.Text }).ToListAsync(ct);
        var panel = papers.Select(p => new PanelItemAbout(p.MeetingOn, p.MeetingId, "Paper", $"Paper {p.Number}: {p.Title}", null))
            .Concat(agenda.Select(a => new PanelItemAbout(a.MeetingOn, a.MeetingId, "Discussion", $"Item {a.Number}: {a.Title}", a.Minute)))
            .Concat(decisions.Select(d => new PanelItemAbout(d.MeetingOn, d.MeetingId, "Decision", $"Decision {d.Number}", d.Text)))
            .OrderByDescending(p => p.MeetingOn).ToList();

        return new ThemeDetail(theme, findingCount, insightCount, findings, [.. insight], addressing, panel);
    }
}
