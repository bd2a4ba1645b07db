using SeriousCases.Core.Referrals;
using SeriousCases.Core.Referrals.Criteria;

namespace SeriousCases.Tests.Referrals;

/// <summary>The 2022/23 criteria (seed 004) over every combination of what happened, allegation and
/// external reviews, against the rule as the publication words it.</summary>
public sealed class IprCriteriaTests
{
    private static readonly ExternalReviews[] Reviews =
    [
        ExternalReviews.SafeguardingAdultsReview, ExternalReviews.SignificantCaseReview,
        ExternalReviews.DomesticHomicideReview, ExternalReviews.InquestInterestedParty,
    ];

    public static TheoryData<SeriousEvent, bool, ExternalReviews> EveryCombination()
    {
        var data = new TheoryData<SeriousEvent, bool, ExternalReviews>();
        foreach (var e in Enum.GetValues<SeriousEvent>())
        {
            foreach (var allegation in new[] { false, true })
            {
                for (var mask = 0; mask < 1 << Reviews.Length; mask++)
                {
                    var reviews = Reviews.Where((_, i) => (mask & (1 << i)) != 0).Aggregate(ExternalReviews.None, (a, r) => a | r);
                    data.Add(e, allegation, reviews);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCombination))]
    public void Every_combination_is_judged_as_the_publication_says(SeriousEvent e, bool allegation, ExternalReviews reviews)
    {
        // Seed 004: (allegation AND died/suicide/attempted suicide/serious harm) OR asked to join a SAR/SCR/DHR/inquest.
        var route1 = allegation && e != SeriousEvent.None;
        var route2 = reviews != ExternalReviews.None;

        var assessment = IprCriteria.Assess(IprCriteria.Version2022, new ReferralFacts(e, allegation, reviews));

        Assert.Equal(route1 || route2, assessment.CriteriaMet);
        Assert.Equal(route1 ? "Allegation" : route2 ? "ExternalReview" : null, assessment.Route);
        Assert.Equal("2022-04", assessment.CriteriaVersion);
        Assert.Equal(3, assessment.Reasons.Count);
        Assert.Contains(assessment.Reasons, r => r.Contains(allegation ? "There is a suggestion" : "There is no suggestion", StringComparison.Ordinal));
    }

    [Fact]
    public void Reasons_say_which_conditions_were_not_met_in_plain_words()
    {
        var assessment = IprCriteria.Assess(IprCriteria.Version2022, new ReferralFacts(SeriousEvent.SeriousHarm, false, ExternalReviews.None));
        Assert.False(assessment.CriteriaMet);
        Assert.Equal(
        [
            "There is no suggestion or allegation that DWP's actions or omissions contributed.",
            "The customer suffered serious harm.",
            "DWP has not been asked to take part in an external review or named as an Interested Party at an inquest.",
        ], assessment.Reasons);
    }

    [Fact]
    public void A_later_version_combines_the_same_conditions_differently_without_code_and_applies_from_its_date()
    {
        // A made-up later version: serious harm alone no longer qualifies; reviews need an allegation too.
        var later = CriteriaDefinition.FromJson("""
            {"version":"2030-01","inForceFrom":"2030-01-01","routes":[
              {"name":"Allegation","description":"Allegation and death or suicide","requiresAllegation":true,
               "events":["Died","SuspectedSuicide","AttemptedSuicide"]},
              {"name":"ExternalReview","description":"Allegation and a review","requiresAllegation":true,
               "reviews":["SafeguardingAdultsReview","DomesticHomicideReview"]}]}
            """);
        var versions = new[] { IprCriteria.Version2022, later };
        var facts = new ReferralFacts(SeriousEvent.SeriousHarm, true, ExternalReviews.None);

        Assert.Same(IprCriteria.Version2022, IprCriteria.InForceOn(versions, new DateOnly(2029, 12, 31)));
        Assert.Same(later, IprCriteria.InForceOn(versions, new DateOnly(2030, 1, 1)));
        Assert.True(IprCriteria.Assess(IprCriteria.InForceOn(versions, new DateOnly(2029, 12, 31)), facts).CriteriaMet);
        var underLater = IprCriteria.Assess(IprCriteria.InForceOn(versions, new DateOnly(2030, 6, 1)), facts);
        Assert.False(underLater.CriteriaMet);
        Assert.Equal("2030-01", underLater.CriteriaVersion);
    }

    [Fact]
    public void The_definition_survives_storage_as_json()
    {
        var copy = CriteriaDefinition.FromJson(IprCriteria.Version2022.ToJson());
        foreach (var row in EveryCombination())
        {
            var facts = new ReferralFacts((SeriousEvent)row[0], (bool)row[1], (ExternalReviews)row[2]);
            Assert.Equal(IprCriteria.Assess(IprCriteria.Version2022, facts).Route, IprCriteria.Assess(copy, facts).Route);
        }
    }

    [Fact]
    public void A_route_without_conditions_and_a_date_before_any_version_are_refused()
    {
        var empty = IprCriteria.Version2022 with { Routes = [new CriteriaRoute { Name = "Anything", Description = "-" }] };
        Assert.Throws<InvalidOperationException>(() => IprCriteria.Assess(empty, new ReferralFacts(SeriousEvent.None, false, ExternalReviews.None)));
        Assert.Throws<InvalidOperationException>(() => IprCriteria.InForceOn([IprCriteria.Version2022], new DateOnly(2019, 1, 1)));
    }
}
