using SeriousCases.Web.Pages.Shared;

namespace SeriousCases.Web.Pages.Investigations;

public enum CaseSection
{
    Overview,
    Journey,
    Evidence,
    Family,
    Report,
    QualityReview,
}

/// <summary>The sections of one IPR's pages, for <c>_CaseNavigation</c>. Typed links, so a moved page is a compile error.</summary>
public sealed record CaseNavigation(Guid Id, string Reference, CaseSection Current)
{
    public static string Href(Guid id, CaseSection section) => section switch
    {
        CaseSection.Overview => $"/investigations/{id}",
        CaseSection.Journey => $"/investigations/{id}/journey",
        CaseSection.Evidence => $"/investigations/{id}/evidence",
        CaseSection.Family => $"/investigations/{id}/family",
        CaseSection.Report => $"/investigations/{id}/report",
        CaseSection.QualityReview => $"/investigations/{id}/quality-review",
        _ => throw new ArgumentOutOfRangeException(nameof(section)),
    };

    public IEnumerable<(CaseSection Section, string Text, string Href)> Links() =>
    [
        (CaseSection.Overview, "Overview", Href(Id, CaseSection.Overview)),
        (CaseSection.Journey, "Customer journey", Href(Id, CaseSection.Journey)),
        (CaseSection.Evidence, "Evidence", Href(Id, CaseSection.Evidence)),
        (CaseSection.Family, "Family engagement", Href(Id, CaseSection.Family)),
        (CaseSection.Report, "Report", Href(Id, CaseSection.Report)),
        (CaseSection.QualityReview, "Quality review", Href(Id, CaseSection.QualityReview)),
    ];

    public SubNavigation Menu => new($"Sections of IPR {Reference}", [.. Links().Select(l => new SubNavigationLink(l.Text, l.Href, l.Section == Current))]);
}
