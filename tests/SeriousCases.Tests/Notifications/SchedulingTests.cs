using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using SeriousCases.Core.Actions;
using SeriousCases.Core.Notifications;
using SeriousCases.Tests.Support;
using SeriousCases.Web.Infrastructure.Scheduling;

namespace SeriousCases.Tests.Notifications;

/// <summary>The service with its scheduler on (SQLite: in memory; PostgreSQL: the clustered store in the qrtz_ tables
/// the migration made): both jobs are registered with their triggers, run as system actors, and do their work.</summary>
public sealed class SchedulingTests(SchedulingTests.ScheduledService app) : IClassFixture<SchedulingTests.ScheduledService>
{
    public sealed class ScheduledService : ServiceFactory
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Scheduling:Enabled"] = "true" };
    }

    private static async Task WaitForAsync(Func<Task<bool>> done)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await done() && waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(200);
        }

        Assert.True(await done(), "The job did not do its work within a minute");
    }

    [Fact]
    public async Task Both_jobs_are_scheduled_and_run_as_system_actors()
    {
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var escalationTriggers = await scheduler.GetTriggersOfJob(SchedulingSetup.EscalationJobKey);
        var cron = Assert.IsAssignableFrom<ICronTrigger>(Assert.Single(escalationTriggers));
        Assert.Equal("0 0 6 * * ?", cron.CronExpressionString);
        Assert.Equal("Europe/London", cron.TimeZone.Id);
        Assert.Single(await scheduler.GetTriggersOfJob(SchedulingSetup.SendNotificationsJobKey));

        // An activity long overdue: the escalation job raises its rungs and queues a notification.
        var id = await app.WithDbAsync(async db =>
        {
            var activity = new AgreedActivity
            {
                Reference = "ACT-2020-9099",
                Origin = ActivityOrigin.PanelActionPoint,
                Text = "Publish the revised guidance",
                DueOn = new DateOnly(2020, 1, 31),
                Status = ActivityStatus.InProgress,
            };
            db.AgreedActivities.Add(activity);
            await db.SaveChangesAsync();
            return activity.Id;
        });
        await scheduler.TriggerJob(SchedulingSetup.EscalationJobKey);
        await WaitForAsync(() => app.WithDbAsync(db => db.ActivityEscalations.AnyAsync(e => e.AgreedActivityId == id)));
        await WaitForAsync(() => app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "EscalationRun" && a.ActorEmail == "system:escalation")));

        // The send job sends it through the log channel (no Notify key in tests).
        await scheduler.TriggerJob(SchedulingSetup.SendNotificationsJobKey);
        await WaitForAsync(() => app.WithDbAsync(async db => await db.Notifications.AnyAsync(n => n.RelatedId == id)
            && !await db.Notifications.AnyAsync(n => n.RelatedId == id && (n.SentAt == null || n.ChannelReference != LogNotificationChannel.Reference))));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Notification) && a.ActorEmail == "system:notifications")));
    }
}
