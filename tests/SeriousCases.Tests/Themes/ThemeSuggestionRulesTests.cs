using SeriousCases.Core.Themes;

namespace SeriousCases.Tests.Themes;

public sealed class ThemeSuggestionRulesTests
{
    [Theory]
    [InlineData(0.9, "very likely")]
    [InlineData(0.6, "very likely")]
    [InlineData(0.45, "likely")]
    [InlineData(0.3, "likely")]
    [InlineData(0.12, "possible")]
    [InlineData(0.02, "unlikely")]
    public void Confidence_is_put_in_words(double score, string words) => Assert.Equal(words, ThemeSuggestionRules.Confidence(score));

    [Fact]
    public void The_best_suggestion_is_always_ticked_and_others_only_when_confident_enough()
    {
        var low = new[] { new SuggestedTheme("STOP", "Stopping payments", 0.2), new SuggestedTheme("CALL", "Call-backs", 0.1) };
        Assert.Equal(["STOP"], ThemeSuggestionRules.PreTicked(low));
        var two = new[] { new SuggestedTheme("STOP", "Stopping payments", 0.5), new SuggestedTheme("CALL", "Call-backs", 0.3), new SuggestedTheme("INFO", "Information", 0.05) };
        Assert.Equal(["STOP", "CALL"], ThemeSuggestionRules.PreTicked(two));
        Assert.Empty(ThemeSuggestionRules.PreTicked([]));
    }

    [Fact]
    public void What_was_done_with_the_suggestion()
    {
        Assert.Equal(ThemeSuggestionUse.NotAsked, ThemeSuggestionRules.Use([], ["STOP"]));
        Assert.Equal(ThemeSuggestionUse.AcceptedAsIs, ThemeSuggestionRules.Use(["STOP", "CALL"], ["call", "STOP"]));
        Assert.Equal(ThemeSuggestionUse.Changed, ThemeSuggestionRules.Use(["STOP", "CALL"], ["STOP"]));
        Assert.Equal(ThemeSuggestionUse.Changed, ThemeSuggestionRules.Use(["STOP"], ["STOP", "INFO"]));
        Assert.Equal(ThemeSuggestionUse.Changed, ThemeSuggestionRules.Use(["STOP"], []));
    }

    [Fact]
    public void The_hidden_field_is_read_back()
    {
        Assert.Empty(ThemeSuggestionRules.Parse(null));
        Assert.Empty(ThemeSuggestionRules.Parse(" "));
        Assert.Equal(["STOP", "CALL"], ThemeSuggestionRules.Parse("STOP, CALL,,stop"));
    }
}
