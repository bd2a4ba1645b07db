namespace SeriousCases.Core.Themes;

/// <summary>How suggested themes are offered on the forms where findings and insight items are written, and what the
/// person did with them.</summary>
public static class ThemeSuggestionRules
{
    /// <summary>A suggestion after the first is ticked in advance only from this score (the first always is).</summary>
    public const double PreTickMinimum = 0.25;

    /// <summary>The classifier's score (0 to 1) in words, for the "Suggested" hint.</summary>
    public static string Confidence(double score) => score switch
    {
        >= 0.6 => "very likely",
        >= 0.3 => "likely",
        >= 0.1 => "possible",
        _ => "unlikely",
    };

    /// <summary>The suggestions ticked in advance: the best one, and any other at least <see cref="PreTickMinimum"/>.</summary>
    public static IReadOnlyList<string> PreTicked(IReadOnlyList<SuggestedTheme> suggestions) =>
        [.. suggestions.Where((s, i) => i == 0 || s.Score >= PreTickMinimum).Select(s => s.Code)];

    /// <summary>What the person did: nothing was suggested (not asked, or no model), they saved exactly the ticked
    /// suggestions, or they changed the ticks.</summary>
    public static ThemeSuggestionUse Use(IReadOnlyCollection<string> suggested, IReadOnlyCollection<string> chosen)
    {
        if (suggested.Count == 0)
        {
            return ThemeSuggestionUse.NotAsked;
        }

        var a = suggested.Select(Normal).ToHashSet(StringComparer.Ordinal);
        var b = chosen.Where(c => !string.IsNullOrWhiteSpace(c)).Select(Normal).ToHashSet(StringComparer.Ordinal);
        return a.SetEquals(b) ? ThemeSuggestionUse.AcceptedAsIs : ThemeSuggestionUse.Changed;
    }

    /// <summary>The codes carried in the form's hidden field, comma separated (theme codes have no commas).</summary>
    public static IReadOnlyList<string> Parse(string? suggested) =>
        string.IsNullOrWhiteSpace(suggested) ? [] : [.. suggested.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase)];

    private static string Normal(string code) => code.Trim().ToUpperInvariant();
}
