namespace SeriousCases.Core.Publication;

/// <summary>A service line as the publication names it.</summary>
public sealed record ServiceLineRef(string Code, string Name, string Abbreviation, int SortOrder = 0);

/// <summary>A text recorded against a service line: a finding (learning identified) or an agreed activity.</summary>
public sealed record LineText(ServiceLineRef Line, string Text);

/// <summary>One concluded IPR as the counting rules see it: what the publication may print, never who.</summary>
public sealed record CaseRecord(
    Guid InvestigationId,
    string Reference,
    DateOnly ConcludedOn,
    bool ExternalScrutiny,
    IReadOnlyList<ServiceLineRef> ServiceLines,
    IReadOnlyList<LineText> Findings,
    IReadOnlyList<LineText> Activities,
    IReadOnlyList<string> Outcomes);

/// <summary>A count per service line, in the order the publication prints it.</summary>
public sealed record LineCount(string Code, string Name, int Count);

/// <summary>A "Customer N" entry: learning identified, agreed activity and learning outcomes. The
/// investigation id stays in the stored edition (for the identifiability check) and is never printed.</summary>
public sealed record PublishedCustomer(
    int Number,
    Guid InvestigationId,
    IReadOnlyList<string> Learning,
    IReadOnlyList<string> Activities,
    IReadOnlyList<string> Outcomes);

/// <summary>A service line's own section. Its two figures include cross-benefit cases
/// (<see cref="IncludesCrossBenefit"/> says whether any were counted, which adds the note under the table).</summary>
public sealed record PublicationSection(
    string Code,
    string Name,
    string Abbreviation,
    string? Introduction,
    int CasesWithLearning,
    int Activities,
    bool IncludesCrossBenefit,
    IReadOnlyList<PublishedCustomer> Customers);

/// <summary>A line represented only in the cross-benefit section (it has no section of its own).</summary>
public sealed record CrossBenefitLine(string Code, string Name, int CasesWithLearning, int Activities);

public sealed record CrossBenefitSection(IReadOnlyList<CrossBenefitLine> Lines, IReadOnlyList<PublishedCustomer> Customers)
{
    /// <summary>The table's first row: most cases first, then by name.</summary>
    public IReadOnlyList<CrossBenefitLine> ByCases =>
        [.. Lines.OrderByDescending(l => l.CasesWithLearning).ThenBy(l => l.Name, StringComparer.Ordinal)];

    /// <summary>The table's second row: most activities first, then by name.</summary>
    public IReadOnlyList<CrossBenefitLine> ByActivities =>
        [.. Lines.OrderByDescending(l => l.Activities).ThenBy(l => l.Name, StringComparer.Ordinal)];
}

/// <summary>A year's publication, built from the records by <see cref="CountingRules"/>. Stored as an
/// edition's snapshot, so it must stay serialisable (records of lists and values only).</summary>
public sealed record PublicationContent(
    string Year,
    DateOnly From,
    DateOnly To,
    int IprsCompleted,
    int ExternalScrutiny,
    IReadOnlyList<LineCount> IprsByServiceLine,
    int IprsWithLearning,
    int AgreedActivities,
    IReadOnlyList<string> ActivityServiceLines,
    IReadOnlyList<PublicationSection> Sections,
    CrossBenefitSection CrossBenefit)
{
    /// <summary>"2022/23", as the publication writes the year.</summary>
    public string YearLabel => PublicationYear.Label(From.Year);

    /// <summary>The primary service lines over all IPRs (66 over 47 in 2022/23).</summary>
    public int PrimaryServiceLines => IprsByServiceLine.Sum(l => l.Count);
}
