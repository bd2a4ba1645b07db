using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using SeriousCases.Core.Actions;
using SeriousCases.Core.Audit;
using SeriousCases.Core.Data;

namespace SeriousCases.Bench;

/// <summary>Times the escalation run over the generated register: the first run over ten years of activities (every
/// rung of every overdue activity at once, the heaviest there will ever be) and the next day's ordinary run.</summary>
public static class EscalationBenchmark
{
    /// <summary>The goal for the daily run over department-scale data.</summary>
    private static readonly TimeSpan DailyGoal = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(string connectionString, FileInfo? markdown, TextWriter log, CancellationToken ct)
    {
        var today = TimeProvider.System.GetUtcNow();
        var (backlog, backlogTime) = await TimeAsync(connectionString, today, ct);
        var (daily, dailyTime) = await TimeAsync(connectionString, today.AddDays(1), ct);
        var activities = await CountAsync(connectionString, ct);

        var lines = new[]
        {
            $"| First run over the whole register (backlog) | {activities:N0} | {backlog.OpenActivitiesChecked:N0} | {backlog.EscalationsRaised:N0} | {backlog.NotificationsQueued:N0} | {backlogTime.TotalSeconds:F2} | (reported) |",
            $"| Next day's run | {activities:N0} | {daily.OpenActivitiesChecked:N0} | {daily.EscalationsRaised:N0} | {daily.NotificationsQueued:N0} | {dailyTime.TotalSeconds:F2} | ≤ {DailyGoal.TotalSeconds:F0} s {(dailyTime <= DailyGoal ? "yes" : "NO")} |",
        };
        var table = "| Escalation run | Activities | Open, checked | Escalations raised | Notifications queued | Seconds | Goal |\n| --- | ---: | ---: | ---: | ---: | ---: | --- |\n"
            + string.Join('\n', lines) + "\n";
        await log.WriteLineAsync(table);
        if (markdown is not null)
        {
            await File.AppendAllTextAsync(markdown.FullName, "\n" + table, ct);
        }

        return dailyTime <= DailyGoal ? 0 : 2;
    }

    private static async Task<(EscalationRun Run, TimeSpan Time)> TimeAsync(string connectionString, DateTimeOffset now, CancellationToken ct)
    {
        var clock = new FixedClock(now);
        await using var db = BenchContexts.Postgres(connectionString, clock);
        var watch = Stopwatch.StartNew();
        var run = await new EscalationService(db, clock, NullLogger<EscalationService>.Instance).RunAsync(ct);
        return (run, watch.Elapsed);
    }

    private static async Task<int> CountAsync(string connectionString, CancellationToken ct)
    {
        await using var db = BenchContexts.Postgres(connectionString, TimeProvider.System);
        return await db.AgreedActivities.CountAsync(ct);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

}
