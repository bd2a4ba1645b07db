using SeriousCases.Core.Themes;

namespace SeriousCases.Tests.Themes;

/// <summary>TF-IDF cosine similarity on known texts.</summary>
public sealed class TextSimilarityTests
{
    private static readonly Guid Journal = Guid.Parse("00000000-0000-0000-0000-000000000001");
    private static readonly Guid Welfare = Guid.Parse("00000000-0000-0000-0000-000000000002");
    private static readonly Guid Payment = Guid.Parse("00000000-0000-0000-0000-000000000003");

    private static readonly TextSimilarity Index = new([
        (Journal, "Journal messages from the customer were not read or answered for weeks."),
        (Welfare, "A welfare check was not made when the customer said they felt unsafe."),
        (Payment, "Payment was stopped without a check that the customer had been told."),
    ]);

    [Fact]
    public void Words_are_lower_cased_without_plurals_common_words_or_short_ones()
    {
        Assert.Equal(["journal", "message", "read", "answered", "week"], TextSimilarity.Tokens("Journal messages from the customer's were not read or answered for weeks."));
    }

    [Fact]
    public void The_same_text_scores_one_and_texts_without_a_shared_word_score_zero()
    {
        Assert.Equal(1, Index.Score("Journal messages unanswered", "journal message unanswered"), 6);
        Assert.Equal(0, Index.Score("Journal messages unanswered", "Payment stopped"), 6);
    }

    [Fact]
    public void The_most_similar_text_comes_first_and_rare_words_weigh_more()
    {
        var similar = Index.MostSimilar("The customer's journal messages went unanswered.", 3, 0.1);

        Assert.Equal(Journal, similar[0].Id);
        Assert.Single(similar);

        var check = Index.MostSimilar("No welfare check was made", 3, 0.05);
        Assert.Equal(Welfare, check[0].Id); // "welfare" is rarer than "check", which two texts share
        Assert.Equal(Payment, check[1].Id);
        Assert.Empty(Index.MostSimilar("No welfare check was made", 3, 0.05, id => id == Journal));
    }
}
