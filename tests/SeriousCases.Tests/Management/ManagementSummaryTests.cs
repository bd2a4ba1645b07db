using System.Net;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Actions;
using SeriousCases.Core.Data;
using SeriousCases.Core.Insight;
using SeriousCases.Core.Investigations;
using SeriousCases.Core.Management;
using SeriousCases.Core.ReferenceData;
using SeriousCases.Core.Referrals;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Management;

/// <summary>Management information counted from records built for the test, in 2010/11 (before any demo record),
/// through the API and the service, with the period and service line filters, on the database of the run.</summary>
public sealed class ManagementSummaryTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    private const string Line = "ZZMI";
    private static readonly string[] Names =
        ["referralsReceived", "referralsAccepted", "iprsCompleted", "iprsWithLearning", "activitiesAgreed", "activitiesCompletedOnTime", "activitiesOverdue", "familiesContacted", "apologiesGiven"];

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static DateTime Utc(int y, int m, int d) => new(y, m, d, 10, 0, 0, DateTimeKind.Utc);

    private static async Task BuildAsync(SeriousCasesDbContext db)
    {
        var zz = new ServiceLine { Code = Line, Name = "Test benefit", Abbreviation = Line, SortOrder = 99 };
        db.ServiceLines.Add(zz);
        var uc = await db.ServiceLines.SingleAsync(l => l.Code == "UC");
        var triage = await db.Users.Where(u => u.Email == "triage@demo.test").Select(u => u.Id).SingleAsync();

        Referral Referral(string reference, ServiceLine line, ReferralStatus status, DateOnly received, DateTime? decided = null) => new()
        {
            Reference = reference,
            Status = status,
            ReceivedOn = received,
            DecidedAt = decided,
            AwarenessRoute = AwarenessRoute.Family,
            SeriousEvent = status == ReferralStatus.NotMet ? SeriousEvent.None : SeriousEvent.Died,
            AllegationMade = true,
            ServiceLines = [new ReferralServiceLine { ServiceLineId = line.Id }],
        };
        db.Referrals.AddRange(
            Referral("REF-2010-9001", zz, ReferralStatus.Accepted, D(2010, 5, 10), Utc(2010, 5, 20)),
            Referral("REF-2010-9002", zz, ReferralStatus.NotMet, D(2010, 6, 1), Utc(2010, 6, 5)),
            Referral("REF-2010-9003", uc, ReferralStatus.Submitted, D(2010, 7, 1)),
            Referral("REF-2010-9004", zz, ReferralStatus.Draft, D(2010, 7, 1)),
            Referral("REF-2010-9005", zz, ReferralStatus.Accepted, D(2010, 3, 20), Utc(2010, 4, 2)));

        Investigation Ipr(string reference, DateOnly concluded, InvestigationOutcome outcome, params ServiceLine[] lines) => new()
        {
            Reference = reference,
            Stage = InvestigationStage.Concluded,
            NotifiedOn = concluded.AddDays(-150),
            AcceptedOn = concluded.AddDays(-145),
            LaunchedOn = concluded.AddDays(-140),
            SentToIprgOn = concluded.AddDays(-40),
            IprgReviewedOn = concluded.AddDays(-5),
            ConcludedOn = concluded,
            Outcome = outcome,
            ServiceLines = [.. lines.Select(l => new InvestigationServiceLine { ServiceLineId = l.Id })],
        };
        var i1 = Ipr("IPR-2010-9001", D(2010, 9, 1), InvestigationOutcome.LearningIdentified, zz, uc);
        var i2 = Ipr("IPR-2010-9002", D(2010, 10, 1), InvestigationOutcome.NoLearningIdentified, zz);
        var i3 = Ipr("IPR-2010-9003", D(2011, 2, 1), InvestigationOutcome.LearningIdentified, uc);
        var i4 = Ipr("IPR-2010-9004", D(2011, 5, 1), InvestigationOutcome.LearningIdentified, zz);
        db.Investigations.AddRange(i1, i2, i3, i4);

        AgreedActivity Activity(string reference, Investigation? ipr, ServiceLine line, DateOnly due, ActivityStatus status, DateOnly? completed = null) => new()
        {
            Reference = reference,
            Origin = ipr is null ? ActivityOrigin.ParliamentOrNaoCommitment : ActivityOrigin.IprgAgreedActivity,
            OriginDescription = ipr is null ? "A commitment made in a test" : null,
            Text = "Test team to assure IPRG that letters are checked.",
            InvestigationId = ipr?.Id,
            ServiceLineId = line.Id,
            FirstDueOn = due,
            DueOn = due,
            Status = status,
            CompletedOn = completed,
            ReportedCompleteOn = completed,
            Assurance = status == ActivityStatus.Complete ? AssuranceGrade.Assured : null,
        };
        db.AgreedActivities.AddRange(
            Activity("ACT-2010-9001", i1, zz, D(2010, 10, 1), ActivityStatus.Complete, D(2010, 9, 20)),
            Activity("ACT-2010-9002", i1, uc, D(2010, 12, 1), ActivityStatus.InProgress),
            Activity("ACT-2010-9003", i3, zz, D(2011, 3, 1), ActivityStatus.Complete, D(2011, 3, 15)),
            Activity("ACT-2010-9004", i4, zz, D(2010, 11, 1), ActivityStatus.NotStarted),
            Activity("ACT-2010-9005", null, zz, D(2010, 6, 1), ActivityStatus.InProgress));

        FamilyContact Contact(Investigation ipr, DateOnly on, FamilyContactKind kind, bool apology) => new()
        {
            InvestigationId = ipr.Id,
            On = on,
            Kind = kind,
            DwpAttendee = "Test Director",
            Level = AttendeeLevel.Director,
            ApologyGiven = apology,
            RecordedByUserId = triage,
        };
        db.FamilyContacts.AddRange(
            Contact(i1, D(2010, 6, 1), FamilyContactKind.Meeting, true),
            Contact(i1, D(2010, 7, 1), FamilyContactKind.Contact, false),
            Contact(i3, D(2010, 8, 1), FamilyContactKind.Contact, true),
            Contact(i2, D(2011, 4, 2), FamilyContactKind.Meeting, true));

        var complaint = await db.InsightSources.SingleAsync(s => s.Code == ManagementService.ComplaintSource);
        var ice = await db.InsightSources.SingleAsync(s => s.Code == ManagementService.IceSource);
        InsightItem Item(string reference, InsightSource source, DateOnly on, ServiceLine line) => new()
        {
            SourceId = source.Id,
            ExternalReference = reference,
            ReceivedOn = on,
            MonthKey = InsightItem.MonthKeyOf(on),
            Summary = "A test item of insight.",
            ServiceLines = [new InsightItemServiceLine { ServiceLineId = line.Id }],
        };
        db.InsightItems.AddRange(
            Item("MI-T-1", complaint, D(2010, 5, 3), zz),
            Item("MI-T-2", complaint, D(2010, 5, 30), zz),
            Item("MI-T-3", ice, D(2010, 6, 1), uc));
        db.QualityReviews.Add(new QualityReview { InvestigationId = i1.Id, ReviewerUserId = triage, ReviewedOn = D(2010, 10, 1), Score = 8, MaxScore = 10 });
        await db.SaveChangesAsync();
    }

    private static async Task<int[]> SummaryAsync(HttpClient client, string query)
    {
        var json = await (await client.GetAsync("/api/v1/mi/summary?" + query)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(Names, json.EnumerateObject().Select(p => p.Name));
        return [.. Names.Select(n => json.GetProperty(n).GetInt32())];
    }

    [Fact]
    public async Task Each_figure_is_counted_for_the_period_and_the_service_line()
    {
        await app.WithDbAsync(async db =>
        {
            await BuildAsync(db);
            return 0;
        });
        var analyst = await app.SignInAsync("analyst@demo.test");

        // received, accepted, completed, with learning, agreed, on time, overdue, families, apologies
        Assert.Equal(new[] { 3, 2, 3, 2, 3, 1, 1, 2, 2 }, await SummaryAsync(analyst, "from=2010-04-01&to=2011-03-31"));
        Assert.Equal(new[] { 2, 2, 2, 1, 2, 1, 0, 1, 1 }, await SummaryAsync(analyst, $"from=2010-04-01&to=2011-03-31&serviceLine={Line}"));
        Assert.Equal(new[] { 1, 2, 0, 0, 0, 0, 0, 0, 0 }, await SummaryAsync(analyst, "from=2010-04-01&to=2010-05-31"));
        Assert.Equal(new[] { 0, 0, 1, 1, 1, 0, 1, 1, 1 }, await SummaryAsync(analyst, $"from=2011-04-01&to=2011-06-30&serviceLine={Line}"));

        // The Panel members see the same aggregate figures.
        var panel = await app.SignInAsync("panel@demo.test");
        Assert.Equal(new[] { 3, 2, 3, 2, 3, 1, 1, 2, 2 }, await SummaryAsync(panel, "from=2010-04-01&to=2011-03-31"));

        var figures = await app.WithDbAsync(db => new ManagementService(db, TimeProvider.System).FiguresAsync(new ManagementFilter(D(2010, 4, 1), D(2011, 3, 31))));
        Assert.Equal(1, figures.Referrals.NotMet);
        Assert.Equal(1, figures.Referrals.NotMetByRoute.Single(r => r.Label == "Family").Count);
        Assert.Equal(1, figures.Referrals.NotMetByReason.Single(r => r.Label == ManagementRules.Describe(NotMetReason.NoSeriousEvent)).Count);
        Assert.Equal(3, figures.Referrals.ReceivedByMonth.Sum(m => m.Count));
        Assert.Equal(12, figures.Referrals.ReceivedByMonth.Count);
        Assert.Equal([("2010/11", 3)], figures.Iprs.CompletedByYear.Select(y => (y.Label, y.Count)));
        Assert.Equal((2, 1, 1), (figures.Activities.Completed, figures.Activities.OnTimeAgainstFirstDate, figures.Activities.OnTimeAgainstLatestDate));
        Assert.Equal([("No owner team", 1)], figures.Activities.OverdueByOwner.Select(o => (o.Label, o.Count)));
        Assert.Equal(3, figures.Insight.Received);
        Assert.Equal(2, figures.Insight.ComplaintsByMonth.Single(m => m.Label == "May 2010").Count);
        Assert.Equal(1, figures.Insight.IceByMonth.Single(m => m.Label == "Jun 2010").Count);
        Assert.Equal((1, 80.0m), (figures.Quality.Reviews, figures.Quality.MeanPercentage));
        var timely = figures.Timeliness.Single(t => t.Code == Timeliness.NotificationToLaunch);
        Assert.Equal((4, 10m, 4), (timely.Finished, timely.MedianDays, timely.WithinTarget));

        var lineOnly = await app.WithDbAsync(db => new ManagementService(db, TimeProvider.System).FiguresAsync(new ManagementFilter(D(2010, 4, 1), D(2011, 3, 31), Line)));
        Assert.Equal("Test benefit", lineOnly.ServiceLineName);
        Assert.Equal(2, lineOnly.Insight.Received);
        Assert.Equal(0, lineOnly.Insight.IceByMonth.Sum(m => m.Count));
    }

    [Fact]
    public async Task The_demo_reproduces_the_published_2022_23_figures()
    {
        var analyst = await app.SignInAsync("analyst@demo.test");
        var figures = await SummaryAsync(analyst, "from=2022-04-01&to=2023-03-31");
        Assert.Equal((47, 35, 91), (figures[2], figures[3], figures[4]));
    }

    [Fact]
    public async Task Wrong_filters_are_refused_naming_the_field_and_other_roles_are_refused()
    {
        var analyst = await app.SignInAsync("analyst@demo.test");
        var bad = await (await analyst.GetAsync("/api/v1/mi/summary?from=2026-02-30&to=2026-01-01")).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("from must be a real date written YYYY-MM-DD, for example 2026-04-01", bad.GetProperty("errors").GetProperty("from")[0].GetString());
        var backwards = await (await analyst.GetAsync("/api/v1/mi/summary?from=2026-02-01&to=2026-01-01")).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.True(backwards.GetProperty("errors").TryGetProperty("to", out _));
        var line = await (await analyst.GetAsync("/api/v1/mi/summary?serviceLine=NOPE")).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Select a service line from the list", line.GetProperty("errors").GetProperty("serviceLine")[0].GetString());

        var referrer = await app.SignInAsync("referrer@demo.test");
        Assert.Equal(HttpStatusCode.Forbidden, (await referrer.GetAsync("/api/v1/mi/summary")).StatusCode);
    }
}
