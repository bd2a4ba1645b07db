using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;
using SeriousCases.Core.Data;
using SeriousCases.Core.Notifications;
using SeriousCases.Tests.Support;
using SeriousCases.Web.Infrastructure.Scheduling;

namespace SeriousCases.Tests.Notifications;

/// <summary>Two copies of the service on one PostgreSQL database, each with its scheduler on (Quartz's clustered
/// store): every queued notification is delivered exactly once, however often both copies run the send job.</summary>
public sealed class TwoInstanceSendingTests
{
    [Fact]
    public async Task Each_notification_is_sent_once_with_two_instances_on_PostgreSQL()
    {
        if (TestEnvironment.Provider != DatabaseProvider.Postgres)
        {
            return; // the clustered job store is PostgreSQL's; SQLite is the single-instance set-up
        }

        await using var database = await TestDatabase.CreateAsync(withDemoData: true);
        var channel = new RecordingChannel();
        await using var first = new Instance(database, channel);
        await using var second = new Instance(database, channel);
        var schedulers = new[] { await first.SchedulerAsync(), await second.SchedulerAsync() };
        Assert.Equal(schedulers[0].SchedulerName, schedulers[1].SchedulerName);
        Assert.NotEqual(schedulers[0].SchedulerInstanceId, schedulers[1].SchedulerInstanceId);

        var ids = await QueueAsync(database, 200);

        // Both copies are told to send, several times each, at the same moment.
        await Task.WhenAll(Enumerable.Range(0, 5).SelectMany(_ => schedulers)
            .Select(s => s.TriggerJob(SchedulingSetup.SendNotificationsJobKey).AsTask()));

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (await UnsentAsync(database, ids) > 0 && waited.Elapsed < TimeSpan.FromSeconds(90))
        {
            await Task.Delay(250);
        }

        Assert.Equal(0, await UnsentAsync(database, ids));
        var twice = channel.Sends.Where(s => s.Value > 1).Select(s => s.Key).ToList();
        Assert.True(twice.Count == 0, $"{twice.Count} notifications were sent more than once");
        Assert.Equal(ids.Order(), channel.Sends.Keys.Where(ids.Contains).Order());
    }

    private static async Task<List<Guid>> QueueAsync(TestDatabase database, int count)
    {
        await using var db = database.CreateContext();
        // Only this test's notifications are waiting.
        await db.Notifications.Where(n => n.SentAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.Attempts, NotificationSender.MaxAttempts));
        var users = await db.Users.Where(u => u.IsActive).Select(u => u.Id).ToListAsync();
        var queued = Enumerable.Range(0, count).Select(i => new Notification
        {
            RecipientUserId = users[i % users.Count],
            Subject = $"ACT-2027-{i:0000} is due on 1 March 2027",
            Body = "A reminder",
            RelatedType = "AgreedActivity",
            RelatedId = Guid.NewGuid(),
        }).ToList();
        db.Notifications.AddRange(queued);
        await db.SaveChangesAsync();
        return [.. queued.Select(n => n.Id)];
    }

    private static async Task<int> UnsentAsync(TestDatabase database, List<Guid> ids)
    {
        await using var db = database.CreateContext();
        return await db.Notifications.CountAsync(n => ids.Contains(n.Id) && n.SentAt == null);
    }

    /// <summary>Counts deliveries per notification across both copies of the service.</summary>
    private sealed class RecordingChannel : INotificationChannel
    {
        public ConcurrentDictionary<Guid, int> Sends { get; } = new();

        public async Task<string> SendAsync(OutgoingNotification notification, CancellationToken ct)
        {
            Sends.AddOrUpdate(notification.Id, 1, (_, n) => n + 1);
            await Task.Delay(2, ct); // as a real channel would take, so the two copies overlap
            return "recorded";
        }
    }

    /// <summary>One copy of the service with its scheduler on, sharing the database and the recording channel.</summary>
    private sealed class Instance(TestDatabase database, RecordingChannel channel) : WebApplicationFactory<Program>
    {
        public async Task<IScheduler> SchedulerAsync() => await Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            foreach (var (key, value) in database.Settings)
            {
                builder.UseSetting(key, value);
            }

            builder.UseSetting("Demo:Enabled", "true");
            builder.UseSetting("Scheduling:Enabled", "true");
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<INotificationChannel>();
                services.AddSingleton<INotificationChannel>(channel);
            });
        }
    }
}
