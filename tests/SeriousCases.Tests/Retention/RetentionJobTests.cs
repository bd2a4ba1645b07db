using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using SeriousCases.Core.Retention;
using SeriousCases.Tests.Support;
using SeriousCases.Web.Infrastructure.Scheduling;

namespace SeriousCases.Tests.Retention;

/// <summary>The nightly retention job is scheduled at 2am UK time (in the clustered store on PostgreSQL) and disposes of
/// what is due as the system actor system:retention.</summary>
public sealed class RetentionJobTests(RetentionJobTests.ScheduledService app) : IClassFixture<RetentionJobTests.ScheduledService>
{
    public sealed class ScheduledService : ServiceFactory
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Scheduling:Enabled"] = "true" };
    }

    [Fact]
    public async Task The_nightly_job_is_scheduled_and_disposes_as_the_system()
    {
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var cron = Assert.IsAssignableFrom<ICronTrigger>(Assert.Single(await scheduler.GetTriggersOfJob(SchedulingSetup.RetentionJobKey)));
        Assert.Equal("0 0 2 * * ?", cron.CronExpressionString);
        Assert.Equal("Europe/London", cron.TimeZone.Id);

        var (reference, _) = await RetentionPageTests.OldCaseAsync(app);
        await scheduler.TriggerJob(SchedulingSetup.RetentionJobKey);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        Task<bool> Done() => app.WithDbAsync(db => db.DisposalRecords.AnyAsync(r => r.CaseReference == reference && r.Category == RetentionCategory.Journey));
        while (!await Done() && waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(200);
        }

        Assert.True(await Done(), "The job did not dispose of the case within a minute");
        var record = await app.WithDbAsync(db => db.DisposalRecords.FirstAsync(r => r.CaseReference == reference));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(DisposalRecord) && a.EntityId == record.Id.ToString() && a.ActorEmail == "system:retention")));
    }
}
