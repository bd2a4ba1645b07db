using SeriousCases.Core.Publication;

namespace SeriousCases.Tests.Publication;

/// <summary>The counting rules as the editor reads them (CountingRules.InWords), one test a rule.</summary>
public sealed class CountingRulesTests
{
    private static readonly ServiceLineRef Uc = new("UC", "Universal Credit", "UC");
    private static readonly ServiceLineRef Pip = new("PIP", "Personal Independence Payment", "PIP");
    private static readonly ServiceLineRef Esa = new("ESA", "Employment and Support Allowance", "ESA");
    private static readonly ServiceLineRef Dla = new("DLA", "Disability Living Allowance", "DLA");

    private static int counter;

    private static CaseRecord Case(DateOnly concluded, ServiceLineRef[] had, (ServiceLineRef Line, string Text)[]? findings = null,
        (ServiceLineRef Line, string Text)[]? activities = null, bool scrutiny = false) =>
        new(Guid.NewGuid(), $"IPR-2022-{Interlocked.Increment(ref counter):0000}", concluded, scrutiny, had,
            [.. (findings ?? []).Select(f => new LineText(f.Line, f.Text))],
            [.. (activities ?? []).Select(a => new LineText(a.Line, a.Text))],
            findings is { Length: > 0 } ? ["Guidance was updated."] : []);

    [Fact]
    public void Only_reviews_concluded_from_1_April_to_31_March_count()
    {
        var content = CountingRules.Build(2022,
        [
            Case(new DateOnly(2022, 3, 31), [Uc]),
            Case(new DateOnly(2022, 4, 1), [Uc]),
            Case(new DateOnly(2023, 3, 31), [Uc], scrutiny: true),
            Case(new DateOnly(2023, 4, 1), [Uc]),
        ]);
        Assert.Equal(2, content.IprsCompleted);
        Assert.Equal(1, content.ExternalScrutiny);
        Assert.Equal("2022-23", content.Year);
        Assert.Equal("2022/23", content.YearLabel);
    }

    [Fact]
    public void An_ipr_counts_once_for_each_service_line_the_customer_had_highest_first_then_by_name()
    {
        var on = new DateOnly(2022, 6, 1);
        var content = CountingRules.Build(2022, [Case(on, [Uc, Pip]), Case(on, [Uc]), Case(on, [Esa]), Case(on, [Pip, Uc])]);
        Assert.Equal([("UC", 3), ("PIP", 2), ("ESA", 1)], content.IprsByServiceLine.Select(l => (l.Code, l.Count)));
        Assert.Equal(6, content.PrimaryServiceLines);
        Assert.Equal(4, content.IprsCompleted);
    }

    [Fact]
    public void A_case_with_learning_in_one_line_is_in_that_lines_section_and_in_several_lines_in_cross_benefit()
    {
        var on = new DateOnly(2022, 6, 1);
        var single = Case(on, [Uc, Pip], [(Uc, "UC finding")], [(Uc, "UC activity"), (Uc, "UC activity 2")]);
        var cross = Case(on.AddDays(1), [Uc], [(Uc, "UC finding"), (Esa, "ESA finding")], [(Uc, "UC act"), (Esa, "ESA act")]);
        var none = Case(on, [Esa]);
        var content = CountingRules.Build(2022, [single, cross, none]);

        Assert.Equal(2, content.IprsWithLearning);
        Assert.Equal(4, content.AgreedActivities);
        var uc = Assert.Single(content.Sections);
        Assert.Equal("UC", uc.Code);
        Assert.Equal(single.InvestigationId, Assert.Single(uc.Customers).InvestigationId);
        Assert.Equal(cross.InvestigationId, Assert.Single(content.CrossBenefit.Customers).InvestigationId);

        // The UC section's figures count the cross-benefit case too, and say so under the table.
        Assert.Equal((2, 3, true), (uc.CasesWithLearning, uc.Activities, uc.IncludesCrossBenefit));
        // ESA has no case of its own, so it has no section: the cross-benefit table lists it.
        Assert.Equal([("ESA", 1, 1)], content.CrossBenefit.Lines.Select(l => (l.Code, l.CasesWithLearning, l.Activities)));
    }

    [Fact]
    public void A_line_named_only_by_an_activity_still_makes_the_case_cross_benefit_and_counts_the_case()
    {
        var content = CountingRules.Build(2022, [Case(new DateOnly(2022, 5, 5), [Esa], [(Esa, "ESA finding")], [(Esa, "a"), (Dla, "b")])]);
        Assert.Empty(content.Sections);
        Assert.Equal(
            [("Disability Living Allowance", 1, 1), ("Employment and Support Allowance", 1, 1)],
            content.CrossBenefit.ByCases.Select(l => (l.Name, l.CasesWithLearning, l.Activities)));
    }

    [Fact]
    public void A_section_without_cross_benefit_cases_has_no_note()
    {
        var content = CountingRules.Build(2022,
            [Case(new DateOnly(2022, 5, 5), [Esa], [(Esa, "f")], [(Esa, "a")]), Case(new DateOnly(2022, 5, 6), [Uc], [(Uc, "f"), (Pip, "g")], [(Uc, "a")])]);
        var esa = content.Sections.Single(s => s.Code == "ESA");
        Assert.False(esa.IncludesCrossBenefit);
        Assert.Empty(PublicationTables.All(content).Single(t => t.Id == "section-esa").Notes);
    }

    [Fact]
    public void Customers_are_numbered_from_1_in_each_section_in_the_order_their_reviews_concluded()
    {
        var later = Case(new DateOnly(2023, 1, 10), [Uc], [(Uc, "later")], [(Uc, "a")]);
        var earlier = Case(new DateOnly(2022, 7, 1), [Uc], [(Uc, "earlier")], [(Uc, "a")]);
        var cross = Case(new DateOnly(2022, 4, 2), [Uc], [(Uc, "x"), (Pip, "y")], [(Uc, "a")]);
        var content = CountingRules.Build(2022, [later, cross, earlier]);
        var uc = content.Sections.Single();
        Assert.Equal([(1, "earlier"), (2, "later")], uc.Customers.Select(c => (c.Number, c.Learning[0])));
        Assert.Equal(1, content.CrossBenefit.Customers.Single().Number);
    }

    [Fact]
    public void Sections_follow_the_configured_order_then_by_name()
    {
        var on = new DateOnly(2022, 6, 1);
        var content = CountingRules.Build(2022,
        [
            Case(on, [Uc], [(Uc, "f")], [(Uc, "a")]),
            Case(on, [Pip], [(Pip, "f")], [(Pip, "a")]),
            Case(on, [Dla], [(Dla, "f")], [(Dla, "a")]),
            Case(on, [Esa], [(Esa, "f")], [(Esa, "a")]),
        ], ["ESA", "UC"]);
        Assert.Equal(["ESA", "UC", "DLA", "PIP"], content.Sections.Select(s => s.Code));
    }

    [Fact]
    public void Lines_relating_to_agreed_activities_are_listed_by_name()
    {
        var content = CountingRules.Build(2022, [Case(new DateOnly(2022, 6, 1), [Uc], [(Uc, "f")], [(Uc, "a"), (Dla, "b"), (Esa, "c")])]);
        Assert.Equal(["Disability Living Allowance", "Employment and Support Allowance", "Universal Credit"], content.ActivityServiceLines);
    }

    [Fact]
    public void The_rules_are_written_down_for_the_editor()
    {
        Assert.Contains(CountingRules.InWords, r => r.Contains("Cross-Benefit section", StringComparison.Ordinal));
        Assert.Contains(CountingRules.InWords, r => r.Contains("counts in both", StringComparison.Ordinal));
        Assert.Contains(CountingRules.InWords, r => r.Contains("1 April to 31 March", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2022-23", 2022)]
    [InlineData("2022/23", 2022)]
    [InlineData("2099-00", 2099)]
    [InlineData("2022-24", 0)]
    [InlineData("22-23", 0)]
    [InlineData("", 0)]
    public void Years_are_read_as_the_first_year_and_the_next(string value, int expected)
    {
        Assert.Equal(expected != 0, PublicationYear.TryParse(value, out var start));
        Assert.Equal(expected, start);
    }
}
