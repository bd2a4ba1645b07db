using SeriousCases.Core.ReferenceData;
using SeriousCases.Core.Themes;

namespace SeriousCases.Web.Pages.Themes;

/// <summary>The theme checkboxes of a write form, with the suggestion when the person asked for one.
/// <paramref name="Asked"/> without <paramref name="Suggestions"/> report means no model has been trained yet.</summary>
public sealed record ThemeCheckboxesView(
    IReadOnlyList<Theme> Choices, IReadOnlyCollection<string> Ticked, bool Asked, ThemeSuggestions? Suggestions, string? Error,
    string Legend, string Noun)
{
    public SuggestedTheme? SuggestionFor(string code) =>
        Suggestions?.Themes.FirstOrDefault(s => string.Equals(s.Code, code, StringComparison.OrdinalIgnoreCase));
}

/// <summary>Earlier findings like the text being written, for the finding form; <paramref name="Linked"/> holds the IPRs the
/// person works, the only ones linked.</summary>
public sealed record SimilarFindingsView(IReadOnlyList<SimilarFinding> Similar, IReadOnlySet<Guid> Linked, DateOnly Today);
