using SeriousCases.Core.Common;
using SeriousCases.Core.Referrals;

namespace SeriousCases.Tests.Referrals;

public sealed class ReferralRulesTests
{
    private static readonly HashSet<string> Lines = ["Universal Credit"];
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static ReferralSubmission Valid => new()
    {
        ReceivedOn = Today,
        CustomerName = "Fern Walker",
        Nation = Nation.England,
        ServiceLines = ["Universal Credit"],
        Event = SeriousEvent.Died,
        Allegation = true,
        AllegationDetail = "Payments stopped without contact.",
    };

    [Theory]
    [InlineData("QQ123456C", true)]
    [InlineData("qq 12 34 56 c", true)]
    [InlineData("AB123456C", true)]
    [InlineData("AB123456E", false)]
    [InlineData("AB12345C", false)]
    [InlineData("DA123456A", false)]
    [InlineData("AO123456A", false)]
    [InlineData("GB123456A", false)]
    [InlineData("NK123456A", false)]
    [InlineData("", false)]
    public void National_insurance_numbers_are_checked_by_format(string value, bool valid) =>
        Assert.Equal(valid, ReferralRules.IsNationalInsuranceNumber(value, out _));

    [Fact]
    public void A_complete_referral_has_no_errors() => Assert.False(ReferralRules.Validate(Valid, Today, Lines).Any);

    [Theory]
    [InlineData(Nation.England, true)]
    [InlineData(Nation.Wales, true)]
    [InlineData(Nation.Scotland, false)]
    public void A_significant_case_review_is_refused_outside_Scotland(Nation nation, bool refused)
    {
        var errors = ReferralRules.Validate(Valid with { Nation = nation, ExternalReviews = ExternalReviews.SignificantCaseReview }, Today, Lines);
        Assert.Equal(refused, errors.Has("externalReviews"));
    }

    [Fact]
    public void Every_missing_answer_is_named()
    {
        var errors = ReferralRules.Validate(new ReferralSubmission(), Today, Lines);
        foreach (var field in new[] { "receivedOn", "customerName", "nation", "serviceLines", "event", "allegation" })
        {
            Assert.True(errors.Has(field), field);
        }
    }

    [Fact]
    public void Dates_in_the_future_and_death_before_birth_are_refused()
    {
        var errors = ReferralRules.Validate(Valid with
        {
            ReceivedOn = Today.AddDays(1),
            DateOfBirth = new DateOnly(1980, 1, 1),
            DateOfDeath = new DateOnly(1979, 1, 1),
        }, Today, Lines);
        Assert.True(errors.Has("receivedOn"));
        Assert.True(errors.Has("dateOfDeath"));
    }
}
