using SeriousCases.Core.Demo;
using SeriousCases.Core.Publication;
using SeriousCases.Tests.Demo;

namespace SeriousCases.Tests.Publication;

/// <summary>From the demo data the 2022/23 build reproduces every table of the published edition (seed 004),
/// and each section's "Customer N" word for word, on whichever database the run uses.</summary>
public sealed class PublicationDemoTests(DemoDatabase demo) : IClassFixture<DemoDatabase>
{
    private async Task<PublicationContent> BuildAsync()
    {
        await using var db = demo.Database.CreateContext();
        return await new PublicationBuilder(db).BuildAsync(2022);
    }

    [Fact]
    public async Task The_table_of_iprs_completed_matches_the_publication()
    {
        var c = await BuildAsync();
        Assert.Equal(47, c.IprsCompleted);
        Assert.Equal(15, c.ExternalScrutiny);
        Assert.Equal(
        [
            ("Universal Credit", 34), ("Personal Independence Payment", 15), ("Employment and Support Allowance", 8),
            ("Child Maintenance Services", 3), ("Disability Living Allowance", 2), ("Carer's Allowance", 1),
            ("Jobseeker's Allowance", 1), ("Pension Credit", 1), ("State Pension", 1),
        ], c.IprsByServiceLine.Select(l => (l.Name, l.Count)));
        Assert.Equal(66, c.PrimaryServiceLines);
        var table = PublicationTables.All(c)[0];
        Assert.Equal("Data on IPRs completed in 2022/23", table.Caption);
        Assert.Contains("There were 66 primary service lines in relation to the 47 IPRs completed across 2022-23", table.Notes[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_table_of_learning_identified_matches_the_publication()
    {
        var c = await BuildAsync();
        Assert.Equal(35, c.IprsWithLearning);
        Assert.Equal(91, c.AgreedActivities);
        Assert.Equal(
        [
            "Child Maintenance Services", "Contract Management Partner Delivery", "Disability Living Allowance", "Employment and Support Allowance",
            "Incapacity Benefit", "Personal Independence Payment", "Universal Credit",
        ], c.ActivityServiceLines);
    }

    [Fact]
    public async Task Each_sections_two_figures_match_the_publication_in_its_order()
    {
        var c = await BuildAsync();
        Assert.Equal(
            [("ESA", 10, 20, 5, true), ("CMS", 2, 8, 2, false), ("UC", 25, 53, 20, true)],
            c.Sections.Select(s => (s.Code, s.CasesWithLearning, s.Activities, s.Customers.Count, s.IncludesCrossBenefit)));
        var tables = PublicationTables.All(c);
        Assert.Equal("Number of cases in which ESA learning was identified", tables.Single(t => t.Id == "section-esa").Rows[0].Label);
        Assert.Equal([PublicationTables.CrossBenefitNote], tables.Single(t => t.Id == "section-uc").Notes);
        Assert.Empty(tables.Single(t => t.Id == "section-cms").Notes);
    }

    [Fact]
    public async Task The_cross_benefit_table_matches_the_publication()
    {
        var c = await BuildAsync();
        Assert.Equal(
            [("Personal Independence Payment", 5), ("Contract Management Partner Delivery", 1), ("Disability Living Allowance", 1), ("Incapacity Benefit", 1)],
            c.CrossBenefit.ByCases.Select(l => (l.Name, l.CasesWithLearning)));
        Assert.Equal(
            [("Personal Independence Payment", 6), ("Disability Living Allowance", 2), ("Contract Management Partner Delivery", 1), ("Incapacity Benefit", 1)],
            c.CrossBenefit.ByActivities.Select(l => (l.Name, l.Activities)));
        Assert.Equal(8, c.CrossBenefit.Customers.Count);
        var table = PublicationTables.All(c).Single(t => t.Id == "cross-benefit");
        Assert.Equal("Personal Independence Payment – 5; Contract Management Partner Delivery – 1; Disability Living Allowance – 1; Incapacity Benefit – 1", table.Rows[0].Text);
        Assert.Equal("Personal Independence Payment – 6; Disability Living Allowance – 2; Contract Management Partner Delivery – 1; Incapacity Benefit – 1", table.Rows[1].Text);
    }

    [Fact]
    public async Task Every_customer_is_printed_where_and_as_the_publication_prints_them()
    {
        var c = await BuildAsync();
        var published = DemoSources.Publication.Cases.Where(p => p.Section is not null).ToList();
        Assert.Equal(35, published.Count);
        foreach (var p in published)
        {
            var customers = p.Section == "CROSS" ? c.CrossBenefit.Customers : c.Sections.Single(s => s.Code == p.Section).Customers;
            var customer = customers.Single(x => x.Number == p.CustomerNumber);
            Assert.Equal(p.Findings.Select(f => f.Text), customer.Learning);
            Assert.Equal(p.Activities.Select(a => a.Text), customer.Activities);
            Assert.Equal(p.Outcomes, customer.Outcomes);
        }
    }
}
