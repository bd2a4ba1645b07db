using SeriousCases.Core.Insight;
using SeriousCases.Core.ReferenceData;

namespace SeriousCases.Core.Themes;

/// <summary>Insight items of one theme, month and source, grouped in the database.</summary>
public sealed record InsightMonthCount(Guid ThemeId, int MonthKey, Guid SourceId, int Count, int SeveritySum, int SeverityCount);

/// <summary>Findings of one theme and month (<see cref="Investigations.Finding.MonthKey"/>), grouped in the database.</summary>
public sealed record FindingMonthCount(Guid ThemeId, int MonthKey, int Count);

/// <summary>Activities addressing a theme by one route (through findings, or through a Panel decision's agenda item).</summary>
public sealed record ThemeActivityCount(Guid ThemeId, int Open, int Overdue, int Completed);

/// <summary>Everything the overview is made of, as grouped rows: a few hundred rows whatever the size of the register.</summary>
public sealed record ThemeOverviewRows(
    IReadOnlyList<Theme> Themes,
    IReadOnlyList<InsightSource> Sources,
    IReadOnlyList<InsightMonthCount> Insight,
    IReadOnlyList<FindingMonthCount> Findings,
    IReadOnlyDictionary<Guid, int> InsightTotals,
    IReadOnlyDictionary<Guid, int> FindingTotals,
    IReadOnlyList<(Guid ThemeId, Guid ServiceLineId)> Lines,
    IReadOnlyDictionary<Guid, string> LineNames,
    IReadOnlyList<ThemeActivityCount> Activities,
    IReadOnlyDictionary<Guid, DateOnly> LastDiscussed);

/// <summary>Turns the grouped rows into the overview: each theme's monthly series and volume by source over the window,
/// and its priority over the last 12 months against the 12 before. Plain code, so the benchmark's hand-written SQL can
/// feed it the same rows.</summary>
public static class ThemeOverviewBuilder
{
    /// <summary>The first month the rows must cover: the window, or the 24 months the priority compares if longer.</summary>
    public static int QueryFrom(int fromKey, int toKey) => Math.Min(fromKey, Periods.AddMonths(toKey, -23));

    public static ThemeOverview Build(ThemeOverviewRows rows, int fromKey, int toKey)
    {
        var recentFrom = Periods.AddMonths(toKey, -11);
        var previousFrom = Periods.AddMonths(recentFrom, -12);
        var windowMonths = Periods.Months(fromKey, toKey).ToList();
        var insightByTheme = rows.Insight.ToLookup(r => r.ThemeId);
        var findingsByTheme = rows.Findings.ToLookup(r => r.ThemeId);
        var linesByTheme = rows.Lines.ToLookup(l => l.ThemeId, l => l.ServiceLineId);
        var activities = new Dictionary<Guid, ThemeActivityCount>();
        foreach (var r in rows.Activities)
        {
            activities[r.ThemeId] = activities.TryGetValue(r.ThemeId, out var c)
                ? new ThemeActivityCount(r.ThemeId, c.Open + r.Open, c.Overdue + r.Overdue, c.Completed + r.Completed)
                : r;
        }

        static bool In(int month, int from, int to) => month >= from && month <= to;
        var inputs = new Dictionary<Guid, PriorityInputs>();
        var partial = new List<(Theme Theme, List<SourceVolume> BySource, int[] Monthly, List<string> Lines)>();
        foreach (var theme in rows.Themes)
        {
            var insight = insightByTheme[theme.Id].ToList();
            var findings = findingsByTheme[theme.Id].ToList();
            var series = new int[windowMonths.Count];
            foreach (var r in insight.Where(r => In(r.MonthKey, fromKey, toKey)))
            {
                series[Periods.MonthsBetween(fromKey, r.MonthKey)] += r.Count;
            }

            foreach (var r in findings.Where(r => In(r.MonthKey, fromKey, toKey)))
            {
                series[Periods.MonthsBetween(fromKey, r.MonthKey)] += r.Count;
            }

            var bySource = new List<SourceVolume> { new(ThemeSources.Findings, ThemeSources.FindingsName, findings.Where(r => In(r.MonthKey, fromKey, toKey)).Sum(r => r.Count)) };
            bySource.AddRange(rows.Sources.Select(s => new SourceVolume(s.Code, s.Name, insight.Where(r => r.SourceId == s.Id && In(r.MonthKey, fromKey, toKey)).Sum(r => r.Count))));

            var recent = insight.Where(r => In(r.MonthKey, recentFrom, toKey)).ToList();
            var recentFindings = findings.Where(r => In(r.MonthKey, recentFrom, toKey)).Sum(r => r.Count);
            var previous = insight.Where(r => r.MonthKey >= previousFrom && r.MonthKey < recentFrom).Sum(r => r.Count)
                + findings.Where(r => r.MonthKey >= previousFrom && r.MonthKey < recentFrom).Sum(r => r.Count);
            var severityCount = recent.Sum(r => r.SeverityCount) + recentFindings;
            // An IPR finding counts as severity 5: an IPR follows a death, serious harm or an attempted suicide.
            double? severity = severityCount == 0 ? null : (recent.Sum(r => r.SeveritySum) + (5.0 * recentFindings)) / severityCount;
            activities.TryGetValue(theme.Id, out var a);
            inputs[theme.Id] = new PriorityInputs(recent.Sum(r => r.Count) + recentFindings, previous, severity, a?.Overdue ?? 0);

            var lines = linesByTheme[theme.Id].Distinct().Select(id => rows.LineNames.GetValueOrDefault(id, "")).Order(StringComparer.Ordinal).ToList();
            partial.Add((theme, bySource, series, lines));
        }

        var largest = inputs.Count == 0 ? 0 : inputs.Values.Max(i => i.Volume);
        var summaries = partial.Select(p =>
        {
            var t = p.Theme;
            activities.TryGetValue(t.Id, out var a);
            return new ThemeSummary(
                t.Id, t.Code, t.Name, t.Description, t.IsActive, t.Version,
                rows.FindingTotals.GetValueOrDefault(t.Id), rows.InsightTotals.GetValueOrDefault(t.Id), p.BySource, p.Monthly, p.Lines,
                a?.Open ?? 0, a?.Overdue ?? 0, a?.Completed ?? 0, rows.LastDiscussed.TryGetValue(t.Id, out var d) ? d : null,
                PriorityScore.Compute(inputs[t.Id], largest));
        }).ToList();

        var sourceColumns = new List<SourceVolume> { new(ThemeSources.Findings, ThemeSources.FindingsName, summaries.Sum(s => s.BySource[0].Count)) };
        sourceColumns.AddRange(rows.Sources.Select((s, i) => new SourceVolume(s.Code, s.Name, summaries.Sum(t => t.BySource[i + 1].Count))));
        return new ThemeOverview(windowMonths, sourceColumns, summaries);
    }
}
