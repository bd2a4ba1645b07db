namespace SeriousCases.Core.Publication;

/// <summary>How the publication counts: which section a case appears in, how cases and activities count
/// per service line, and what the cross-benefit section holds. <see cref="InWords"/> is the same rules as
/// the editor is shown them; the unit tests hold the code to those words.</summary>
public static class CountingRules
{
    /// <summary>The order of the service-line sections in the 2022/23 edition (seed 004); lines not named here follow by name.</summary>
    public static readonly IReadOnlyList<string> DefaultSectionOrder = ["ESA", "CMS", "UC"];

    public static readonly IReadOnlyList<string> InWords =
    [
        "A case belongs to the reporting year (1 April to 31 March) in which its Internal Process Review concluded.",
        "IPRs by service line: an IPR counts once for each service line the customer had at the time, so the lines add up to more than the number of IPRs.",
        "An IPR has learning identified when at least one finding is recorded on it.",
        "Agreed activities are the activities the Internal Process Review Group agreed on the year's IPRs.",
        "A case's learning lines are the service lines of its findings and of its agreed activities.",
        "A case whose learning is in one service line is printed in that line's section; a case whose learning is in more than one line is printed in the Cross-Benefit section.",
        "A service line has a section of its own when at least one case has learning in that line alone.",
        "For each line, the number of cases is the cases with a finding or an agreed activity in that line, wherever the case is printed, and the number of activities is the agreed activities counted under that line. A case with learning in two lines counts in both.",
        "When a section's figures include cases printed in the Cross-Benefit section, a note under its table says so.",
        "The Cross-Benefit table lists the lines of cross-benefit cases that have no section of their own, with their cases and activities, highest first, then by name.",
        "Within each section, customers are numbered from 1 in the order their IPRs concluded.",
        "IPRs by service line are listed highest first, then by name; the lines relating to agreed activities are listed by name.",
    ];

    public static PublicationContent Build(int startYear, IEnumerable<CaseRecord> records, IReadOnlyList<string>? sectionOrder = null,
        Func<ServiceLineRef, string?>? introduction = null)
    {
        var from = PublicationYear.From(startYear);
        var to = PublicationYear.To(startYear);
        var cases = records.Where(c => c.ConcludedOn >= from && c.ConcludedOn <= to)
            .OrderBy(c => c.ConcludedOn).ThenBy(c => c.Reference, StringComparer.Ordinal).ToList();
        sectionOrder ??= DefaultSectionOrder;

        var byLine = cases.SelectMany(c => c.ServiceLines.DistinctBy(l => l.Code))
            .GroupBy(l => l.Code)
            .Select(g => new LineCount(g.Key, g.First().Name, g.Count()))
            .OrderByDescending(l => l.Count).ThenBy(l => l.Name, StringComparer.Ordinal)
            .ToList();

        var withLearning = cases.Where(HasLearning).ToList();
        var lines = withLearning.SelectMany(LearningLines).DistinctBy(l => l.Code).ToDictionary(l => l.Code);
        var singleLine = withLearning.Where(c => LearningLines(c).Count == 1).ToList();
        var crossBenefit = withLearning.Where(c => LearningLines(c).Count > 1).ToList();
        var crossCases = crossBenefit.Select(c => c.InvestigationId).ToHashSet();

        int CasesIn(string code) => withLearning.Count(c => LearningLines(c).Any(l => l.Code == code));
        int ActivitiesIn(string code) => withLearning.Sum(c => c.Activities.Count(a => a.Line.Code == code));

        var sectionCodes = singleLine.Select(c => LearningLines(c)[0].Code).Distinct()
            .OrderBy(code => sectionOrder.IndexOf(code) is var i and >= 0 ? i : int.MaxValue)
            .ThenBy(code => lines[code].Name, StringComparer.Ordinal)
            .ToList();

        var sections = sectionCodes.Select(code =>
        {
            var line = lines[code];
            return new PublicationSection(
                code,
                line.Name,
                line.Abbreviation,
                introduction?.Invoke(line),
                CasesIn(code),
                ActivitiesIn(code),
                withLearning.Any(c => crossCases.Contains(c.InvestigationId) && LearningLines(c).Any(l => l.Code == code)),
                Number(singleLine.Where(c => LearningLines(c)[0].Code == code)));
        }).ToList();

        var crossLines = crossBenefit.SelectMany(LearningLines).DistinctBy(l => l.Code)
            .Where(l => !sectionCodes.Contains(l.Code))
            .Select(l => new CrossBenefitLine(l.Code, l.Name, CasesIn(l.Code), ActivitiesIn(l.Code)))
            .OrderBy(l => l.Name, StringComparer.Ordinal)
            .ToList();

        return new PublicationContent(
            PublicationYear.Slug(startYear),
            from,
            to,
            cases.Count,
            cases.Count(c => c.ExternalScrutiny),
            byLine,
            withLearning.Count,
            cases.Sum(c => c.Activities.Count),
            [.. cases.SelectMany(c => c.Activities).Select(a => a.Line.Name).Distinct().Order(StringComparer.Ordinal)],
            sections,
            new CrossBenefitSection(crossLines, Number(crossBenefit)));
    }

    /// <summary>At least one finding recorded.</summary>
    public static bool HasLearning(CaseRecord c) => c.Findings.Count > 0;

    /// <summary>The distinct service lines of the case's findings and agreed activities, findings first.</summary>
    public static IReadOnlyList<ServiceLineRef> LearningLines(CaseRecord c) =>
        [.. c.Findings.Select(f => f.Line).Concat(c.Activities.Select(a => a.Line)).DistinctBy(l => l.Code)];

    private static List<PublishedCustomer> Number(IEnumerable<CaseRecord> cases) =>
    [
        .. cases.OrderBy(c => c.ConcludedOn).ThenBy(c => c.Reference, StringComparer.Ordinal)
            .Select((c, i) => new PublishedCustomer(i + 1, c.InvestigationId,
                [.. c.Findings.Select(f => f.Text)], [.. c.Activities.Select(a => a.Text)], c.Outcomes)),
    ];

    private static int IndexOf(this IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (string.Equals(list[i], value, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
