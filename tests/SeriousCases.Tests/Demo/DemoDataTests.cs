using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Actions;
using SeriousCases.Core.Demo;
using SeriousCases.Core.Investigations;
using SeriousCases.Core.Panel;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Demo;

public sealed class DemoDatabase : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync() => Database = await TestDatabase.CreateAsync(withDemoData: true);

    public async Task DisposeAsync() => await Database.DisposeAsync();
}

/// <summary>The demo reproduces the department's 2022/23 publication (seed 004) from stored data,
/// counted the way the publication counts, on whichever database the run uses.</summary>
public sealed partial class DemoDataTests(DemoDatabase demo) : IClassFixture<DemoDatabase>
{
    private static readonly DateOnly YearStart = new(2022, 4, 1);
    private static readonly DateOnly YearEnd = new(2023, 3, 31);

    private IQueryable<Investigation> CompletedIn2022To23(Core.Data.SeriousCasesDbContext db) =>
        db.Investigations.Where(i => i.Stage == InvestigationStage.Concluded && i.ConcludedOn >= YearStart && i.ConcludedOn <= YearEnd);

    [Fact]
    public async Task The_headline_figures_match_the_publication()
    {
        await using var db = demo.Database.CreateContext();
        Assert.Equal(47, await CompletedIn2022To23(db).CountAsync());
        Assert.Equal(15, await CompletedIn2022To23(db).CountAsync(i => i.ExternalScrutiny));
        Assert.Equal(35, await CompletedIn2022To23(db).CountAsync(i => i.Outcome == InvestigationOutcome.LearningIdentified));
        Assert.Equal(91, await db.AgreedActivities.CountAsync(a => a.Origin == ActivityOrigin.IprgAgreedActivity
            && a.Investigation!.ConcludedOn >= YearStart && a.Investigation.ConcludedOn <= YearEnd));
    }

    [Fact]
    public async Task Completed_reviews_by_service_line_match_the_publication_66_over_47()
    {
        await using var db = demo.Database.CreateContext();
        var byLine = await CompletedIn2022To23(db)
            .SelectMany(i => i.ServiceLines)
            .GroupBy(l => l.ServiceLine!.Name)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count);

        var published = new Dictionary<string, int>
        {
            ["Universal Credit"] = 34,
            ["Personal Independence Payment"] = 15,
            ["Employment and Support Allowance"] = 8,
            ["Child Maintenance Services"] = 3,
            ["Disability Living Allowance"] = 2,
            ["Carer's Allowance"] = 1,
            ["Jobseeker's Allowance"] = 1,
            ["Pension Credit"] = 1,
            ["State Pension"] = 1,
        };
        Assert.Equal(published.OrderBy(p => p.Key), byLine.OrderBy(p => p.Key));
        Assert.Equal(66, byLine.Values.Sum());
    }

    [Theory]
    [InlineData("ESA", 10, 20)]
    [InlineData("CMS", 2, 8)]
    [InlineData("UC", 25, 53)]
    [InlineData("PIP", 5, 6)]
    [InlineData("DLA", 1, 2)]
    [InlineData("CMPD", 1, 1)]
    [InlineData("IB", 1, 1)]
    public async Task Learning_per_service_line_matches_the_publication(string code, int cases, int activities)
    {
        await using var db = demo.Database.CreateContext();
        var onLine = db.AgreedActivities.Where(a => a.Origin == ActivityOrigin.IprgAgreedActivity && a.ServiceLine!.Code == code
            && a.Investigation!.ConcludedOn >= YearStart && a.Investigation.ConcludedOn <= YearEnd);
        Assert.Equal(activities, await onLine.CountAsync());
        Assert.Equal(cases, await onLine.Select(a => a.InvestigationId).Distinct().CountAsync());
    }

    [Fact]
    public async Task Every_case_with_learning_has_findings_activities_and_outcomes_as_published()
    {
        await using var db = demo.Database.CreateContext();
        var investigations = await db.Investigations
            .Include(i => i.Findings).Include(i => i.LearningOutcomes)
            .Select(i => new { i.Outcome, Findings = i.Findings.Count, Outcomes = i.LearningOutcomes.Count, Activities = db.AgreedActivities.Count(a => a.InvestigationId == i.Id) })
            .ToListAsync();
        Assert.All(investigations.Where(i => i.Outcome == InvestigationOutcome.LearningIdentified),
            i => Assert.True(i.Findings > 0 && i.Activities > 0 && i.Outcomes > 0));
        Assert.All(investigations.Where(i => i.Outcome == InvestigationOutcome.NoLearningIdentified),
            i => Assert.True(i.Findings == 0 && i.Activities == 0 && i.Outcomes == 0));

        // Published text is kept word for word.
        Assert.True(await db.Findings.AnyAsync(f => f.Text ==
            "Following the customer's death a notification about their ESA overpayment was sent to the wrong team in DWP."));
        Assert.True(await db.AgreedActivities.AnyAsync(a => a.Text ==
            "CMG to remind colleagues about the principles for making outbound contact with a customer." && a.OwnerTeam!.ShortName == "CMG"));
        Assert.Equal(35, await db.LearningOutcomes.Select(o => o.InvestigationId).Distinct().CountAsync());

        // Every finding is coded with at least one theme, and every agreed activity answers a finding.
        Assert.False(await db.Findings.AnyAsync(f => !f.Themes.Any()));
        Assert.False(await db.AgreedActivities.AnyAsync(a => a.Origin == ActivityOrigin.IprgAgreedActivity && a.FindingId == null));
    }

    [Fact]
    public async Task Open_cases_show_every_stage_of_the_workspace()
    {
        await using var db = demo.Database.CreateContext();
        var open = await db.Investigations.Where(i => i.Stage != InvestigationStage.Concluded)
            .Select(i => new
            {
                i.Stage,
                i.InvestigatorUserId,
                Journey = db.JourneyContacts.Count(j => j.InvestigationId == i.Id),
                Moves = db.StageChanges.Count(s => s.InvestigationId == i.Id),
                Insight = db.InsightItems.Count(x => x.InvestigationId == i.Id),
            })
            .ToListAsync();
        Assert.Equal(
            [InvestigationStage.Accepted, InvestigationStage.Launched, InvestigationStage.FactFinding, InvestigationStage.Drafting, InvestigationStage.WithIprg],
            open.Select(o => o.Stage).Distinct().Order());
        Assert.All(open.Where(o => o.Stage != InvestigationStage.Accepted), o => Assert.True(o.InvestigatorUserId != null && o.Journey > 0 && o.Moves >= 1));
        Assert.All(open, o => Assert.Equal(1, o.Insight));
        Assert.True(await db.EvidenceDocuments.AnyAsync() && await db.FactFindingDiscussions.AnyAsync() && await db.FamilyContacts.AnyAsync());
        Assert.Equal(2, await db.IprgSessionCases.CountAsync());
    }

    [Fact]
    public async Task Customers_are_fictional_with_reserved_national_insurance_numbers()
    {
        await using var db = demo.Database.CreateContext();
        var published = CompletedIn2022To23(db).Select(i => i.CustomerId);
        var customers = await db.Customers.Where(c => published.Contains(c.Id)).Select(c => new { c.FullName, c.NationalInsuranceNumber }).ToListAsync();
        Assert.Equal(47, customers.Count);
        Assert.All(await db.Customers.Select(c => c.NationalInsuranceNumber).ToListAsync(), n => Assert.Matches(ReservedNino(), n!));
        Assert.All(customers, c => Assert.Matches(ReservedNino(), c.NationalInsuranceNumber!));
        Assert.Equal(47, customers.Select(c => c.FullName).Distinct().Count());
        // No customer shares a name with a real official named in the published minutes.
        var officials = DemoSources.Panel.Meetings.SelectMany(m => m.Attendance).Select(a => a.Name).ToHashSet();
        Assert.DoesNotContain(customers, c => officials.Contains(c.FullName!));
        Assert.Equal(47, await db.Referrals.CountAsync(r => published.Contains(r.CustomerId) && r.CriteriaRoute != null));
    }

    [Fact]
    public async Task The_panel_meetings_of_2020_are_stored_with_attendance_papers_decisions_and_action_points()
    {
        await using var db = demo.Database.CreateContext();
        var meetings = await db.PanelMeetings
            .Include(m => m.Attendance).Include(m => m.Papers).Include(m => m.Decisions).Include(m => m.AgendaItems)
            .Where(m => m.MeetingOn.Year == 2020)
            .OrderBy(m => m.MeetingOn).ToListAsync();
        Assert.Equal([new DateOnly(2020, 3, 19), new DateOnly(2020, 7, 2)], meetings.Select(m => m.MeetingOn));

        var march = meetings[0];
        Assert.Equal("Sara Weller", march.ChairName);
        Assert.Equal("Hayley Tatum", march.ChairOnBehalfOf);
        Assert.Equal(3, march.Attendance.Count(a => a.Kind == AttendanceKind.Apologies));
        Assert.Contains(march.Attendance, a => a.Kind == AttendanceKind.Deputy && a.PersonName == "Laura Squire" && a.OnBehalfOf == "Nick Joicey");
        Assert.Contains(march.Attendance, a => a.Kind == AttendanceKind.Secretariat && a.Redacted && a.PersonName == "Jordan Pike");
        Assert.Equal([AgendaItemKind.Welcome, AgendaItemKind.Other, AgendaItemKind.ThemeDiscussion, AgendaItemKind.AnyOtherBusiness],
            march.AgendaItems.OrderBy(a => a.Number).Select(a => a.Kind));
        // The minutes' order: the Chair first, the deputy after the members, apologies in their own list.
        var present = march.Attendance.Where(a => a.Kind is AttendanceKind.Member or AttendanceKind.Deputy).OrderBy(a => a.Order).Select(a => a.PersonName).ToList();
        Assert.Equal("Sara Weller", present[0]);
        Assert.Equal("Laura Squire", present[^1]);
        Assert.Equal(["Nick Joicey", "Hayley Tatum", "John-Paul Marks"], march.Attendance.Where(a => a.Kind == AttendanceKind.Apologies).OrderBy(a => a.Order).Select(a => a.PersonName));
        Assert.Equal(["Stopping payments", "Underpayments and paying safely"], march.Papers.OrderBy(p => p.Number).Select(p => p.Title));
        Assert.Equal([1, 2], march.Decisions.OrderBy(d => d.Number).Select(d => d.Number));
        var actionPoints = await db.AgreedActivities
            .Where(a => a.PanelMeetingId == march.Id && a.Origin == ActivityOrigin.PanelActionPoint)
            .OrderBy(a => a.Number).Select(a => new { a.Number, a.Reference, a.Status }).ToListAsync();
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], actionPoints.Select(a => a.Number!.Value));
        Assert.Equal("SCP-20200319-AP2", actionPoints[1].Reference);
        Assert.Equal(ActivityStatus.Complete, actionPoints[1].Status);

        var july = meetings[1];
        Assert.Equal(MeetingFormat.Virtual, july.Format);
        Assert.Equal(4, july.Decisions.Count);
        Assert.Equal(2, await db.AgreedActivities.CountAsync(a => a.PanelMeetingId == july.Id && a.Origin == ActivityOrigin.PanelDecisionWork
            && a.AccountableDirectorGeneral != null));
        Assert.Equal("Customer Dissatisfaction", july.Papers.Single(p => p.Number == 2).Title);
        Assert.Equal(july.Papers.Single(p => p.Number == 2).ThemeId, july.AgendaItems.Single(a => a.Kind == AgendaItemKind.ThemeDiscussion).ThemeId);
        var julyPresent = july.Attendance.Where(a => a.Kind is AttendanceKind.Member or AttendanceKind.Deputy).OrderBy(a => a.Order).Select(a => a.PersonName).ToList();
        Assert.Equal(["Mary Pattison", "Laura Squire", "Joanna Wallace"], julyPresent[^3..]);
    }

    [Fact]
    public async Task A_next_meeting_is_planned_three_weeks_ahead_with_papers_in_preparation()
    {
        await using var db = demo.Database.CreateContext();
        var next = await db.PanelMeetings.Include(m => m.Papers).Include(m => m.AgendaItems).Include(m => m.Attendance)
            .SingleAsync(m => m.Status == MeetingStatus.Planned);
        Assert.True(next.MeetingOn > Core.Common.UkTime.Today(TimeProvider.System).AddDays(14));
        Assert.Equal(MeetingFormat.Hybrid, next.Format);
        Assert.Equal(4, next.AgendaItems.Count);
        Assert.NotNull(next.AgendaItems.Single(a => a.Kind == AgendaItemKind.ThemeDiscussion).ThemeId);
        Assert.Equal(1, next.Papers.Count(p => p.CirculatedOn is null));
        Assert.Equal(1, next.Papers.Count(p => p.CirculatedOn is not null));
        Assert.Contains(next.Attendance, a => a.Kind == AttendanceKind.Secretariat && a.Redacted);
        Assert.True(next.Attendance.Count(a => a.Kind == AttendanceKind.Member) >= 10);
    }

    [Fact]
    public async Task Both_terms_of_reference_versions_are_stored()
    {
        await using var db = demo.Database.CreateContext();
        var versions = await db.TermsOfReferenceVersions.OrderBy(t => t.ApprovedOn).ToListAsync();
        Assert.Equal([new DateOnly(2020, 7, 2), new DateOnly(2024, 1, 1)], versions.Select(v => v.ApprovedOn));
        Assert.Contains("- Ministerial correspondence", versions[0].Text, StringComparison.Ordinal);
        Assert.Contains("- departmental quality data", versions[1].Text, StringComparison.Ordinal);
        Assert.Contains("DWP Chief Medical Advisor", versions[1].Text, StringComparison.Ordinal);
        Assert.Equal(11, await db.PanelMemberships.CountAsync());
    }

    [Fact]
    public void The_embedded_publication_has_every_published_case_once()
    {
        var cases = DemoSources.Publication.Cases;
        Assert.Equal(47, cases.Count);
        Assert.Equal([("CMS", 2), ("CROSS", 8), ("ESA", 5), ("UC", 20)],
            cases.Where(c => c.Section != null).GroupBy(c => c.Section!).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (g.Key, g.Select(c => c.CustomerNumber).Distinct().Count())));
        // Cross-benefit cases are the ones whose learning spans more than one line.
        Assert.All(cases.Where(c => c.Section == "CROSS"), c => Assert.True(c.Activities.Select(a => a.ServiceLine).Distinct().Count() > 1));
        Assert.All(cases.Where(c => c.Section is "ESA" or "CMS" or "UC"), c => Assert.All(c.Activities, a => Assert.Equal(c.Section, a.ServiceLine)));
    }

    [GeneratedRegex("^QQ[0-9]{6}[A-D]$")]
    private static partial Regex ReservedNino();
}
