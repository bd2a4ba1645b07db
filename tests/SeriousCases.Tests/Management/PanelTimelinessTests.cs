using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Data;
using SeriousCases.Core.Investigations;
using SeriousCases.Core.Management;
using SeriousCases.Core.Panel;
using SeriousCases.Core.ReferenceData;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Management;

/// <summary>The step "conclusion to the Panel": from an IPR's conclusion to the first Panel meeting held with a theme of
/// its findings on the agenda or among the papers, counted by the database from records built for the test (2008/09,
/// before any demo record; themes of the test's own so no demo meeting matches them).</summary>
public sealed class PanelTimelinessTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    private const string Line = "ZZPN";

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static async Task BuildAsync(SeriousCasesDbContext db)
    {
        var line = new ServiceLine { Code = Line, Name = "Panel test benefit", Abbreviation = Line, SortOrder = 98 };
        var (a, b, c) = (new Theme { Code = "ZZPA", Name = "Test theme A" }, new Theme { Code = "ZZPB", Name = "Test theme B" }, new Theme { Code = "ZZPC", Name = "Test theme C" });
        db.AddRange(line, a, b, c);

        PanelMeeting Meeting(DateOnly on) => new() { MeetingOn = on, Format = MeetingFormat.Virtual, Status = MeetingStatus.Held };
        var m1 = Meeting(D(2008, 6, 10));
        m1.AgendaItems.Add(new AgendaItem { Number = 1, Kind = AgendaItemKind.ThemeDiscussion, Title = "Theme A", ThemeId = a.Id });
        var m2 = Meeting(D(2008, 9, 10));
        m2.Papers.Add(new PanelPaper { Number = 1, Title = "A paper on theme B", ThemeId = b.Id });
        var m3 = Meeting(D(2008, 12, 10));
        m3.AgendaItems.Add(new AgendaItem { Number = 1, Kind = AgendaItemKind.ThemeDiscussion, Title = "Theme C", ThemeId = c.Id });
        db.PanelMeetings.AddRange(m1, m2, m3);

        Investigation Ipr(string reference, DateOnly concluded, params Theme[] themes) => new()
        {
            Reference = reference,
            Stage = InvestigationStage.Concluded,
            NotifiedOn = concluded.AddDays(-150),
            LaunchedOn = concluded.AddDays(-140),
            SentToIprgOn = concluded.AddDays(-40),
            IprgReviewedOn = concluded.AddDays(-5),
            ConcludedOn = concluded,
            Outcome = themes.Length == 0 ? InvestigationOutcome.NoLearningIdentified : InvestigationOutcome.LearningIdentified,
            ServiceLines = [new InvestigationServiceLine { ServiceLineId = line.Id }],
        };
        var p1 = Ipr("IPR-2008-9101", D(2008, 5, 1), b);       // theme B: first at m2 (m1 had only A), 132 days
        var p2 = Ipr("IPR-2008-9102", D(2008, 6, 1), a, a);    // theme A: m1, 9 days
        var p3 = Ipr("IPR-2008-9103", D(2008, 6, 10), c);      // theme C: m3, 183 days (m1 on its day has only A)
        var p4 = Ipr("IPR-2008-9104", D(2008, 10, 1), a);      // theme A: no meeting after its conclusion
        var p5 = Ipr("IPR-2008-9105", D(2008, 10, 1));         // no theme coded: nothing to present
        db.Investigations.AddRange(p1, p2, p3, p4, p5);
        foreach (var (ipr, themes) in new[] { (p1, new[] { b }), (p2, new[] { a, a }), (p3, new[] { c }), (p4, new[] { a }) })
        {
            // One finding per theme, so an IPR can repeat a theme across findings.
            db.Findings.AddRange(themes.Select((t, i) => new Finding
            {
                InvestigationId = ipr.Id,
                Order = i + 1,
                Text = "A test finding.",
                ServiceLineId = line.Id,
                Themes = [new FindingTheme { ThemeId = t.Id }],
            }));
        }

        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Conclusion_to_the_panel_is_counted_for_the_period_and_service_line_and_shown_with_its_csv()
    {
        await app.WithDbAsync(async db =>
        {
            await BuildAsync(db);
            return 0;
        });

        async Task<StepTimeliness> StepAsync(DateOnly from, DateOnly to) =>
            (await app.WithDbAsync(db => new ManagementService(db, TimeProvider.System).FiguresAsync(new ManagementFilter(from, to, Line))))
                .Timeliness.Single(t => t.Code == Timeliness.ConclusionToPanel);

        var year = await StepAsync(D(2008, 4, 1), D(2009, 3, 31));
        Assert.Equal((91, 3, 132m, 1, 33.3m, 1), (year.TargetDays, year.Finished, year.MedianDays, year.WithinTarget, year.PercentWithinTarget, year.Overdue));

        // A quarter: only the IPR presented at the September meeting finished; the one concluded in June is overdue by
        // the end of September (its December meeting had not been held), the one concluded in October not yet.
        var quarter = await StepAsync(D(2008, 7, 1), D(2008, 9, 30));
        Assert.Equal((1, 132m, 0, 1), (quarter.Finished, quarter.MedianDays, quarter.WithinTarget, quarter.Overdue));

        // Every service line: the same IPRs (nothing else concluded then).
        var all = (await app.WithDbAsync(db => new ManagementService(db, TimeProvider.System).FiguresAsync(new ManagementFilter(D(2008, 4, 1), D(2009, 3, 31)))))
            .Timeliness.Single(t => t.Code == Timeliness.ConclusionToPanel);
        Assert.Equal((3, 1), (all.Finished, all.Overdue));

        var analyst = await app.SignInAsync("analyst@demo.test");
        var page = await analyst.GetDocumentAsync($"/management?from.day=1&from.month=4&from.year=2008&to.day=31&to.month=3&to.year=2009&serviceLine={Line}");
        var row = page.QuerySelectorAll("#timeliness-steps tbody tr").Single(r => r.TextContent.Contains("Conclusion to a Panel meeting", StringComparison.Ordinal));
        Assert.Equal(["91", "3", "132", "1", "33.3%", "1"], row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));

        var csv = await analyst.GetAsync($"/management?from.day=1&from.month=4&from.year=2008&to.day=31&to.month=3&to.year=2009&serviceLine={Line}&section=timeliness&format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.Contains("Conclusion to a Panel meeting discussing a theme of its learning,Median (days),132", text, StringComparison.Ordinal);
    }
}
