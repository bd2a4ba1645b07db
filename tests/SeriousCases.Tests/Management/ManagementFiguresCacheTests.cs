using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SeriousCases.Core.Actions;
using SeriousCases.Core.Data;
using SeriousCases.Core.Investigations;
using SeriousCases.Core.Management;
using SeriousCases.Core.ReferenceData;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Management;

/// <summary>The dashboard's figures are counted once and shared until a record changes, on the database of the run.
/// Records are built in 2008/09, before any demo record, under a service line of the test's own.</summary>
public sealed class ManagementFiguresCacheTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    private static readonly DateOnly From = new(2008, 4, 1);
    private static readonly DateOnly To = new(2009, 3, 31);

    private ManagementFiguresCache Cache => app.Services.GetRequiredService<ManagementFiguresCache>();

    /// <summary>An activity agreed when its IPR concluded (1 June 2008), due and not started by 1 September 2008.</summary>
    private static AgreedActivity Activity(string reference, ServiceLine line) => new()
    {
        Reference = reference,
        Origin = ActivityOrigin.IprgAgreedActivity,
        Text = "Test team to check that letters are sent.",
        Investigation = new Investigation
        {
            Reference = reference.Replace("ACT", "IPR", StringComparison.Ordinal),
            Stage = InvestigationStage.Concluded,
            NotifiedOn = new DateOnly(2008, 1, 10),
            LaunchedOn = new DateOnly(2008, 1, 20),
            ConcludedOn = new DateOnly(2008, 6, 1),
            Outcome = InvestigationOutcome.LearningIdentified,
            ServiceLines = [new InvestigationServiceLine { ServiceLineId = line.Id }],
        },
        ServiceLineId = line.Id,
        FirstDueOn = new DateOnly(2008, 9, 1),
        DueOn = new DateOnly(2008, 9, 1),
        Status = ActivityStatus.NotStarted,
    };

    private async Task<int> AgreedThroughApiAsync(HttpClient client, string line)
    {
        var json = await (await client.GetAsync($"/api/v1/mi/summary?from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}&serviceLine={line}")).ReadJsonAsync(HttpStatusCode.OK);
        return json.GetProperty("activitiesAgreed").GetInt32();
    }

    [Fact]
    public async Task Figures_are_counted_again_only_when_a_record_changes()
    {
        var line = await app.WithDbAsync(async db =>
        {
            var l = new ServiceLine { Code = "ZZFC", Name = "Cache test benefit", Abbreviation = "ZZFC", SortOrder = 98 };
            db.ServiceLines.Add(l);
            await db.SaveChangesAsync();
            return l;
        });
        var analyst = await app.SignInAsync("analyst@demo.test");
        var filter = new ManagementFilter(From, To, line.Code);

        var first = await Cache.FiguresAsync(filter);
        var counted = Cache.Computations;
        Assert.Same(first, await Cache.FiguresAsync(filter));
        Assert.Same(first, await Cache.FiguresAsync(filter with { ServiceLine = " ZZFC " }));
        Assert.Equal(counted, Cache.Computations);

        // Reading a record (an audited view) changes nothing, so nothing is counted again.
        await app.WithDbAsync(async db =>
        {
            db.RecordView("AgreedActivity", Guid.NewGuid());
            await db.SaveAuditEventsAsync();
            return 0;
        });
        Assert.Same(first, await Cache.FiguresAsync(filter));
        Assert.Equal(counted, Cache.Computations);

        // A new activity, agreed in the period and overdue at its end, is seen by the very next request, through the
        // API as on the page.
        Assert.Equal(0, await AgreedThroughApiAsync(analyst, line.Code));
        Assert.Equal(0, first.Activities.Overdue);
        await app.WithDbAsync(async db =>
        {
            var activity = Activity("ACT-2008-9101", line);
            db.AgreedActivities.Add(activity);
            await db.SaveChangesAsync();
            return 0;
        });
        var after = await Cache.FiguresAsync(filter);
        Assert.NotSame(first, after);
        Assert.Equal(counted + 1, Cache.Computations);
        Assert.Equal(1, after.Activities.Overdue);
        Assert.Equal(1, await AgreedThroughApiAsync(analyst, line.Code));
    }

    [Fact]
    public async Task Concurrent_requests_for_one_filter_share_one_count()
    {
        var filter = new ManagementFilter(new DateOnly(2007, 4, 1), new DateOnly(2008, 3, 31));
        var counted = Cache.Computations;

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Cache.FiguresAsync(filter))));

        Assert.Equal(counted + 1, Cache.Computations);
        Assert.All(results, r => Assert.Same(results[0], r));
    }

    [Fact]
    public async Task A_refused_filter_is_not_kept_and_is_refused_again()
    {
        var filter = new ManagementFilter(From, To, "NOPE");

        var first = await Assert.ThrowsAsync<Core.Common.DomainValidationException>(() => Cache.FiguresAsync(filter));
        var second = await Assert.ThrowsAsync<Core.Common.DomainValidationException>(() => Cache.FiguresAsync(filter));

        Assert.NotSame(first, second);
    }

    [Fact]
    public async Task The_mark_of_the_records_moves_with_a_change_and_not_with_a_view()
    {
        var (start, afterView, afterChange) = await app.WithDbAsync(async db =>
        {
            var start = await RecordsStamp.ReadAsync(db, default);
            db.RecordView("Referral", Guid.NewGuid());
            await db.SaveAuditEventsAsync();
            var afterView = await RecordsStamp.ReadAsync(db, default);
            db.OwnerTeams.Add(new OwnerTeam { Name = "Cache test team", ShortName = "CTT" });
            await db.SaveChangesAsync();
            return (start, afterView, await RecordsStamp.ReadAsync(db, default));
        });

        Assert.Equal(start, afterView);
        Assert.NotEqual(start, afterChange);
    }
}
