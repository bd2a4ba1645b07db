using Quartz;
using SeriousCases.Core.Actions;
using SeriousCases.Core.Audit;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;
using SeriousCases.Core.Notifications;

namespace SeriousCases.Web.Infrastructure.Scheduling;

/// <summary><c>Scheduling:Enabled</c> (default true): runs the scheduled jobs in this copy of the service.</summary>
public sealed class SchedulingOptions
{
    public bool Enabled { get; set; } = true;
}

/// <summary>Every scheduled job of the service, registered in one place.</summary>
public static class SchedulingSetup
{
    public static readonly JobKey EscalationJobKey = new("escalation", "actions");
    public static readonly JobKey SendNotificationsJobKey = new("send-notifications", "notifications");
    public static readonly JobKey RetentionJobKey = new("retention", "retention");

    /// <summary>Quartz's tables on PostgreSQL (created by the QuartzTables migration).</summary>
    public const string TablePrefix = "qrtz_";

    public static IServiceCollection AddServiceScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        var notify = configuration.GetSection("Notify").Get<NotifyOptions>() ?? new NotifyOptions();
        services.AddSingleton(notify);
        if (notify.IsConfigured)
        {
            services.AddSingleton<INotificationChannel, GovUkNotifyChannel>();
        }
        else
        {
            services.AddSingleton<INotificationChannel, LogNotificationChannel>();
        }

        var scheduling = configuration.GetSection("Scheduling").Get<SchedulingOptions>() ?? new SchedulingOptions();
        services.AddSingleton(scheduling);
        if (!scheduling.Enabled)
        {
            return services;
        }

        var database = DatabaseOptions.From(configuration);
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o => o.InstanceName = "SeriousCaseLearning");
            if (database.Provider == DatabaseProvider.Postgres)
            {
                // One schedule in the database for every copy of the service: each trigger fires on one copy only.
                q.UsePersistentStore(store =>
                {
                    store.UsePostgres(database.PostgresConnectionString!);
                    store.UseClustering();
                    store.ConfigureStore(o => o.TablePrefix = TablePrefix);
                });
            }
            else
            {
                // SQLite is the single-instance embedded set-up.
                q.UseInMemoryStore();
            }

            q.ScheduleJob<EscalationJob>(
                t => t.WithIdentity("escalation-daily", "actions").WithCronSchedule("0 0 6 * * ?", c => c.InTimeZone(UkTime.Zone)),
                j => j.WithIdentity(EscalationJobKey));
            q.ScheduleJob<SendNotificationsJob>(
                t => t.WithIdentity("send-notifications-every-minute", "notifications").WithCronSchedule("0 * * * * ?"),
                j => j.WithIdentity(SendNotificationsJobKey));
            q.ScheduleJob<RetentionJob>(
                t => t.WithIdentity("retention-nightly", "retention").WithCronSchedule("0 0 2 * * ?", c => c.InTimeZone(UkTime.Zone)),
                j => j.WithIdentity(RetentionJobKey));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }

    /// <summary>A database context that writes the audit trail as <paramref name="actor"/> (a job has no signed-in user).</summary>
    public static SeriousCasesDbContext SystemContext(IServiceProvider scope, string actor)
    {
        var database = scope.GetRequiredService<DatabaseOptions>();
        var contextType = database.Provider == DatabaseProvider.Postgres ? typeof(PostgresSeriousCasesDbContext) : typeof(SqliteSeriousCasesDbContext);
        return (SeriousCasesDbContext)ActivatorUtilities.CreateInstance(scope, contextType, new SystemActor(actor));
    }
}

/// <summary>Walks open activities up the escalation ladder, daily at 06:00 UK time.</summary>
[DisallowConcurrentExecution]
public sealed class EscalationJob(IServiceScopeFactory scopes) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = SchedulingSetup.SystemContext(scope.ServiceProvider, "system:escalation");
        await ActivatorUtilities.CreateInstance<EscalationService>(scope.ServiceProvider, db).RunAsync(cancellationToken);
    }
}

/// <summary>Sends queued notifications, every minute.</summary>
[DisallowConcurrentExecution]
public sealed class SendNotificationsJob(IServiceScopeFactory scopes) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = SchedulingSetup.SystemContext(scope.ServiceProvider, "system:notifications");
        await ActivatorUtilities.CreateInstance<NotificationSender>(scope.ServiceProvider, db).SendPendingAsync(cancellationToken);
    }
}

/// <summary>Disposes of investigation material whose retention period has passed, nightly at 02:00 UK time (cases on
/// legal hold are kept). Clustered on PostgreSQL like the other jobs, so it runs on one copy of the service.</summary>
[DisallowConcurrentExecution]
public sealed class RetentionJob(IServiceScopeFactory scopes) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = SchedulingSetup.SystemContext(scope.ServiceProvider, "system:retention");
        await ActivatorUtilities.CreateInstance<Core.Retention.RetentionService>(scope.ServiceProvider, db).RunAsync(cancellationToken);
    }
}
