using SeriousCases.Core.Demo;
using SeriousCases.Core.Publication.Identifiability;

namespace SeriousCases.Tests.Publication;

/// <summary>The check every publication text passes before approval: details held on the case, and the
/// general patterns of identifying details, are each caught with their context; ordinary publication
/// wording (seed 004's) raises nothing.</summary>
public sealed class IdentifiabilityScannerTests
{
    private static readonly IdentifiabilityScanner Scanner = new();

    // A fictional customer: the reserved QQ prefix, an Ofcom drama phone number, a .test address.
    private static readonly CaseIdentifiers Held = new(
        Names: ["Morgan Ellery-Vance"],
        DatesOfBirth: [new DateOnly(1961, 3, 12)],
        DatesOfDeath: [new DateOnly(2022, 8, 30)],
        NationalInsuranceNumbers: ["QQ 12 34 56 C"],
        Addresses: ["14 Larkspur Way, Little Fenby"],
        Postcodes: ["ZZ1 4QT"],
        PhoneNumbers: ["07700 900123"],
        EmailAddresses: ["m.ellery@example.test"]);

    private static IdentifiabilityHit Single(string text, IdentifierKind kind)
    {
        var hits = Scanner.Scan(text, Held).Where(h => h.Kind == kind).ToList();
        return Assert.Single(hits);
    }

    [Theory]
    [InlineData("The customer, Morgan Ellery-Vance, called twice.", "Morgan Ellery-Vance")]
    [InlineData("Ms Ellery-Vance was not contacted.", "Ellery-Vance")]
    [InlineData("morgan rang the helpline.", "morgan")]
    public void A_name_held_on_the_case_is_caught_whole_or_in_part(string text, string matched)
    {
        var hit = Scanner.Scan(text, Held).First(h => h.Kind == IdentifierKind.Name && h.HeldOnCase);
        Assert.Equal(matched, hit.Matched);
        Assert.True(hit.IsIdentifier);
    }

    [Fact]
    public void A_name_inside_another_word_is_not_a_hit()
    {
        Assert.DoesNotContain(Scanner.Scan("Morganite and Vancemoor are not names here.", Held), h => h.Kind == IdentifierKind.Name);
    }

    [Fact]
    public void A_title_and_a_name_not_held_on_the_case_is_still_a_hit()
    {
        var hit = Single("The agent spoke to Mrs Hartley about the payment.", IdentifierKind.Name);
        Assert.Equal("Mrs Hartley", hit.Matched);
        Assert.False(hit.HeldOnCase);
    }

    [Theory]
    [InlineData("Born 12/03/1961, the customer claimed ESA.")]
    [InlineData("Born 12.3.61, the customer claimed ESA.")]
    [InlineData("Born on 12th March 1961, the customer claimed ESA.")]
    [InlineData("Born 1961-03-12, the customer claimed ESA.")]
    [InlineData("Born March 12, 1961, the customer claimed ESA.")]
    public void The_date_of_birth_is_caught_however_it_is_written(string text)
    {
        var hit = Single(text, IdentifierKind.DateOfBirth);
        Assert.True(hit.HeldOnCase);
        Assert.Contains(hit.Matched, text);
    }

    [Fact]
    public void The_date_of_death_is_caught_and_another_exact_date_is_flagged_for_review()
    {
        var hits = Scanner.Scan("The customer died on 30 August 2022; a letter was sent on 2 September 2022.", Held);
        Assert.Contains(hits, h => h.Kind == IdentifierKind.DateOfDeath && h.Matched == "30 August 2022");
        var other = Assert.Single(hits, h => h.Kind == IdentifierKind.ExactDate);
        Assert.Equal("2 September 2022", other.Matched);
        Assert.False(other.IsIdentifier); // a motivated-intruder question, not an identifier
    }

    [Fact]
    public void A_month_and_year_alone_is_not_an_exact_date()
    {
        Assert.Empty(Scanner.Scan("In March 2022 the claim was reviewed. 31/02/2022 is not a date.", CaseIdentifiers.None));
    }

    [Theory]
    [InlineData("Their NI number QQ123456C was quoted.", true)]
    [InlineData("Their NI number qq 12 34 56 c was quoted.", true)]
    [InlineData("A second number AB 98 76 54 D appears.", false)]
    public void A_national_insurance_number_is_caught(string text, bool held)
    {
        var hit = Single(text, IdentifierKind.NationalInsuranceNumber);
        Assert.Equal(held, hit.HeldOnCase);
    }

    [Theory]
    [InlineData("They lived at ZZ1 4QT.", true)]
    [InlineData("They lived at zz14qt.", true)]
    [InlineData("They moved to SW1A 2AA.", false)]
    public void A_postcode_is_caught(string text, bool held)
    {
        var hit = Single(text, IdentifierKind.Postcode);
        Assert.Equal(held, hit.HeldOnCase);
    }

    [Theory]
    [InlineData("Call 07700 900123 for details.", true)]
    [InlineData("Call +44 7700 900123 for details.", true)]
    [InlineData("Call 0161-496-0000 for details.", false)]
    public void A_phone_number_is_caught(string text, bool held)
    {
        var hit = Single(text, IdentifierKind.PhoneNumber);
        Assert.Equal(held, hit.HeldOnCase);
    }

    [Fact]
    public void An_email_address_is_caught()
    {
        Assert.True(Single("They wrote from m.ellery@example.test twice.", IdentifierKind.EmailAddress).HeldOnCase);
        Assert.False(Single("Copied to someone@example.org.", IdentifierKind.EmailAddress).HeldOnCase);
    }

    [Fact]
    public void An_address_held_on_the_case_is_caught_by_its_parts_and_a_street_address_in_general()
    {
        var hits = Scanner.Scan("A visit to Little Fenby was arranged; the letter went to 3 Orchard Close instead.", Held);
        Assert.Contains(hits, h => h.Kind == IdentifierKind.Address && h.HeldOnCase && h.Matched == "Little Fenby");
        Assert.Contains(hits, h => h.Kind == IdentifierKind.Address && !h.HeldOnCase && h.Matched == "3 Orchard Close");
    }

    [Fact]
    public void A_place_is_flagged_for_review_the_longest_name_once()
    {
        var hits = Scanner.Scan("The customer moved from Newcastle upon Tyne to Cardiff.", CaseIdentifiers.None);
        Assert.Equal(["Newcastle upon Tyne", "Cardiff"], hits.Where(h => h.Kind == IdentifierKind.Place).Select(h => h.Matched));
        Assert.All(hits, h => Assert.False(h.IsIdentifier));
    }

    [Fact]
    public void Each_hit_carries_its_context_and_a_stable_key()
    {
        var text = new string('x', 60) + " QQ 12 34 56 C " + new string('y', 60);
        var hit = Single(text, IdentifierKind.NationalInsuranceNumber);
        Assert.StartsWith("…", hit.Context);
        Assert.EndsWith("…", hit.Context);
        Assert.Contains("QQ 12 34 56 C", hit.Context);
        Assert.Equal("NationalInsuranceNumber:QQ123456C", hit.Key);
        Assert.Equal(hit.Key, Single("qq123456c", IdentifierKind.NationalInsuranceNumber).Key);
    }

    [Theory]
    // Seed 004's own wording: nothing in it identifies anyone, so the check must stay quiet on it.
    [InlineData("Following the customer's death a notification about their ESA overpayment was sent to the wrong team in DWP.")]
    [InlineData("Prior to release from prison the customer was given incorrect information in relation to when and how to claim UC.")]
    [InlineData("A message left on their journal by the customer over the weekend was not responded to until the next working day.")]
    [InlineData("UC to assure IPRG they will review guidance on 3 key areas by March 2023, involving 47 cases and 91 activities.")]
    public void Publication_wording_raises_nothing(string text)
    {
        Assert.Empty(Scanner.Scan(text, Held));
    }

    [Fact]
    public void The_published_2022_23_texts_hold_no_identifier()
    {
        // The department published these: a check that blocked them would be wrong, and one that
        // flags much of them would be ignored.
        var texts = DemoSources.Publication.Cases
            .SelectMany(c => c.Findings.Select(f => f.Text).Concat(c.Activities.Select(a => a.Text)).Concat(c.Outcomes))
            .ToList();
        Assert.True(texts.Count > 200);
        var hits = texts.SelectMany(t => Scanner.Scan(t, CaseIdentifiers.None)).ToList();
        Assert.DoesNotContain(hits, h => h.IsIdentifier);
        Assert.True(hits.Count <= 5, string.Join("; ", hits.Select(h => $"{h.Kind} '{h.Matched}'")));
    }

    [Fact]
    public void Empty_text_raises_nothing()
    {
        Assert.Empty(Scanner.Scan("", Held));
        Assert.Empty(Scanner.Scan("   ", CaseIdentifiers.None));
    }

    // Other people named in a case's records: a family contact's DWP attendee, a discussion's participant, a referrer.
    private static readonly CaseIdentifiers WithOthers = CaseIdentifiers.None with
    {
        OtherNames = ["Tamsin Quarrie-Holt", "Director, Customer Experience", "IPR investigator"],
    };

    [Theory]
    [InlineData("The family met Tamsin Quarrie-Holt in June.", "Tamsin Quarrie-Holt")]
    [InlineData("Quarrie-Holt agreed to write to the family.", "Quarrie-Holt")]
    [InlineData("tamsin phoned the family.", "tamsin")]
    [InlineData("The Director, Customer Experience wrote to the family.", "Director, Customer Experience")]
    public void A_name_of_someone_else_in_the_case_records_is_caught_whole_or_by_part(string text, string matched)
    {
        var hit = Scanner.Scan(text, WithOthers).First(h => h.Kind == IdentifierKind.Name && h.HeldOnCase);
        Assert.Equal(matched, hit.Matched);
        Assert.True(hit.IsIdentifier);
    }

    [Theory]
    [InlineData("The customer's experience of the service was poor.")]
    [InlineData("The investigator found the director had not been told.")]
    public void A_role_held_on_the_case_is_only_caught_whole_so_its_common_words_raise_nothing(string text) =>
        Assert.DoesNotContain(Scanner.Scan(text, WithOthers), h => h.Kind == IdentifierKind.Name);

    [Theory]
    [InlineData("Sam Okafor", true)]
    [InlineData("Anne-Marie O'Neill", true)]
    [InlineData("Director, Customer Experience", false)]
    [InlineData("IPR investigator", false)]
    [InlineData("A fictional colleague", false)]
    [InlineData("Dana Director", false)]
    [InlineData("Cher", false)]
    public void Only_a_value_that_reads_as_a_persons_name_is_matched_by_its_parts(string value, bool personal) =>
        Assert.Equal(personal, IdentifiabilityScanner.LooksLikePersonalName(value));
}
