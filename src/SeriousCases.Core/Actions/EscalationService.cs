using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using SeriousCases.Core.Audit;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;
using SeriousCases.Core.Identity;
using SeriousCases.Core.Notifications;

namespace SeriousCases.Core.Actions;

/// <summary>What one run of the escalation ladder raised.</summary>
public sealed record EscalationRun(int OpenActivitiesChecked, int EscalationsRaised, int NotificationsQueued);

/// <summary>Walks every open activity up the escalation ladder once a day: records each rung reached
/// (an <see cref="ActivityEscalation"/>, which the Panel's and ministers' papers read) and queues the
/// notifications it calls for, in one transaction. Where one run raises several rungs of an activity at once,
/// only the highest is notified (<see cref="ActivityRules.StepToNotify"/>). Set-based: two reads and bulk inserts whatever the
/// size of the register, so 150,000 activities take seconds, not minutes.</summary>
public sealed class EscalationService(SeriousCasesDbContext db, TimeProvider clock, ILogger<EscalationService> log)
{
    /// <summary>Serialises runs on PostgreSQL (several copies of the service share one database).</summary>
    public const long RunLockKey = 7_270_002;

    /// <summary>Rows per INSERT on SQLite (its bound-parameter limit is 32,766).</summary>
    private const int SqliteBatch = 500;

    public async Task<EscalationRun> RunAsync(CancellationToken ct)
    {
        var today = UkTime.Today(clock);
        var now = AuditHasher.ToMicroseconds(clock.GetUtcNow().UtcDateTime);
        var ladder = await db.EscalationSteps.AsNoTracking().Where(s => s.IsActive).ToListAsync(ct);
        if (ladder.Count == 0)
        {
            return new EscalationRun(0, 0, 0);
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var postgres = db.Database.IsNpgsql();
        if (postgres)
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({RunLockKey})", ct);
        }

        // Only activities whose due date the lowest rung has reached can need anything.
        var reachedBy = today.AddDays(-ladder.Min(s => s.DaysAfterDue));
        var open = new[] { ActivityStatus.NotStarted, ActivityStatus.InProgress };
        var candidates = await db.AgreedActivities.AsNoTracking()
            .Where(a => open.Contains(a.Status) && a.DueOn != null && a.DueOn <= reachedBy)
            .Select(a => new { a.Id, a.Status, a.DueOn })
            .ToListAsync(ct);

        // Rungs already raised for the current due date of an open activity (a re-plan changes the date, so
        // the ladder starts again).
        var raised = (await (
                from e in db.ActivityEscalations
                join a in db.AgreedActivities on e.AgreedActivityId equals a.Id
                where open.Contains(a.Status) && a.DueOn == e.DueOn && e.DueOn <= reachedBy
                select new { e.AgreedActivityId, e.EscalationStepId })
            .ToListAsync(ct))
            .Select(e => (e.AgreedActivityId, e.EscalationStepId))
            .ToHashSet();

        var read = watch.Elapsed;
        var fresh = new List<ActivityEscalation>();
        var toNotify = new List<ActivityEscalation>();
        var probe = new AgreedActivity { Reference = "", Text = "" };
        foreach (var c in candidates)
        {
            probe.Status = c.Status;
            probe.DueOn = c.DueOn;
            var reached = ActivityRules.StepsReached(probe, today, ladder).Where(step => !raised.Contains((c.Id, step.Id))).ToList();
            var notify = ActivityRules.StepToNotify(reached);
            foreach (var step in reached)
            {
                var escalation = new ActivityEscalation
                {
                    AgreedActivityId = c.Id,
                    EscalationStepId = step.Id,
                    EscalationStep = step,
                    DueOn = c.DueOn!.Value,
                    RaisedOn = today,
                };
                fresh.Add(escalation);
                if (step == notify)
                {
                    toNotify.Add(escalation);
                }
            }
        }

        var notifications = toNotify.Count == 0 ? [] : await NotificationsForAsync(toNotify, now, ct);
        var prepared = watch.Elapsed;
        if (postgres)
        {
            await InsertPostgresAsync(fresh, notifications, now, ct);
        }
        else
        {
            await InsertSqliteAsync(fresh, notifications, now, ct);
        }

        var inserted = watch.Elapsed;

        // One audit entry for the run, as for a bulk import: the rows are not audited one by one.
        var run = new EscalationRun(candidates.Count, fresh.Count, notifications.Count);
        if (fresh.Count > 0)
        {
            db.RecordEvent(AuditAction.Create, "EscalationRun", Guid.CreateVersion7().ToString(), string.Create(CultureInfo.InvariantCulture,
                $"{UkTime.Format(today)}: {run.OpenActivitiesChecked} open activities checked, {run.EscalationsRaised} escalations raised, {run.NotificationsQueued} notifications queued"));
            await db.SaveAuditEventsAsync(ct);
        }

        await transaction.CommitAsync(ct);
        log.LogInformation("Escalation run for {Today}: {Checked} open activities checked, {Raised} escalations raised, {Queued} notifications queued in {Elapsed} ms (read {Read} ms, prepared {Prepared} ms, inserted {Inserted} ms)",
            today, run.OpenActivitiesChecked, run.EscalationsRaised, run.NotificationsQueued, (int)watch.ElapsedMilliseconds,
            (int)read.TotalMilliseconds, (int)(prepared - read).TotalMilliseconds, (int)(inserted - prepared).TotalMilliseconds);
        return run;
    }

    /// <summary>Who each new rung reaches. Only the reference and text of the activity are named, never a customer.</summary>
    private async Task<List<Notification>> NotificationsForAsync(List<ActivityEscalation> fresh, DateTime now, CancellationToken ct)
    {
        var ids = fresh.Select(e => e.AgreedActivityId).Distinct().ToList();
        var activities = new Dictionary<Guid, (string Reference, string Text, Guid? Team, string? Dg, DateOnly? Due)>();
        foreach (var chunk in ids.Chunk(10_000))
        {
            var rows = await db.AgreedActivities.AsNoTracking().Where(a => chunk.Contains(a.Id))
                .Select(a => new { a.Id, a.Reference, a.Text, a.OwnerTeamId, a.AccountableDirectorGeneral, a.DueOn })
                .ToListAsync(ct);
            foreach (var r in rows)
            {
                activities[r.Id] = (r.Reference, r.Text, r.OwnerTeamId, r.AccountableDirectorGeneral, r.DueOn);
            }
        }

        var members = (await db.OwnerTeamMembers.AsNoTracking()
                .Join(db.Users.Where(u => u.IsActive), m => m.UserId, u => u.Id, (m, u) => new { m.OwnerTeamId, m.UserId })
                .ToListAsync(ct))
            .ToLookup(m => m.OwnerTeamId, m => m.UserId);
        var secretariat = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.Roles.Any(r => r.Role == Roles.PanelSecretariat))
            .Select(u => u.Id)
            .ToListAsync(ct);

        var result = new List<Notification>();
        foreach (var e in fresh)
        {
            var a = activities[e.AgreedActivityId];
            var recipients = e.EscalationStep!.Recipient == EscalationRecipient.Owner
                ? a.Team is { } team ? members[team] : []
                : secretariat;
            var (subject, body) = EscalationRules.Message(e.EscalationStep, a.Reference, a.Text, a.Dg, e.DueOn);
            foreach (var user in recipients)
            {
                result.Add(new Notification
                {
                    RecipientUserId = user,
                    Subject = subject,
                    Body = body,
                    RelatedType = nameof(AgreedActivity),
                    RelatedId = e.AgreedActivityId,
                    CreatedAt = now,
                    UpdatedAt = now,
                });
            }
        }

        return result;
    }

    /// <summary>Binary COPY inside the run's transaction: the quickest way PostgreSQL takes rows.</summary>
    private async Task InsertPostgresAsync(List<ActivityEscalation> escalations, List<Notification> notifications, DateTime now, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (escalations.Count > 0)
        {
            await using var copy = await connection.BeginBinaryImportAsync(
                "COPY \"ActivityEscalations\" (\"Id\", \"AgreedActivityId\", \"EscalationStepId\", \"DueOn\", \"RaisedOn\", \"Version\", \"CreatedAt\", \"UpdatedAt\") FROM STDIN (FORMAT BINARY)", ct);
            foreach (var e in escalations)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(e.Id, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(e.AgreedActivityId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(e.EscalationStepId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(e.DueOn, NpgsqlDbType.Date, ct);
                await copy.WriteAsync(e.RaisedOn, NpgsqlDbType.Date, ct);
                await copy.WriteAsync(1, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
            }

            await copy.CompleteAsync(ct);
        }

        if (notifications.Count > 0)
        {
            await using var copy = await connection.BeginBinaryImportAsync(
                "COPY \"Notifications\" (\"Id\", \"RecipientUserId\", \"Subject\", \"Body\", \"RelatedType\", \"RelatedId\", \"Attempts\", \"Version\", \"CreatedAt\", \"UpdatedAt\") FROM STDIN (FORMAT BINARY)", ct);
            foreach (var n in notifications)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(n.Id, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(n.RecipientUserId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(n.Subject, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(n.Body, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(n.RelatedType, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(n.RelatedId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(0, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(1, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
            }

            await copy.CompleteAsync(ct);
        }
    }

    /// <summary>Multi-row INSERTs through EF Core's raw SQL, so values are stored exactly as EF Core stores them
    /// (GUIDs as upper-case text, dates as ISO text).</summary>
    private async Task InsertSqliteAsync(List<ActivityEscalation> escalations, List<Notification> notifications, DateTime now, CancellationToken ct)
    {
        foreach (var chunk in escalations.Chunk(SqliteBatch))
        {
            var sql = new StringBuilder("INSERT INTO \"ActivityEscalations\" (\"Id\", \"AgreedActivityId\", \"EscalationStepId\", \"DueOn\", \"RaisedOn\", \"Version\", \"CreatedAt\", \"UpdatedAt\") VALUES ");
            var values = new List<object> { now };
            foreach (var e in chunk)
            {
                var p = values.Count;
                sql.Append(CultureInfo.InvariantCulture, $"({{{p}}}, {{{p + 1}}}, {{{p + 2}}}, {{{p + 3}}}, {{{p + 4}}}, 1, {{0}}, {{0}}),");
                values.AddRange([e.Id, e.AgreedActivityId, e.EscalationStepId, e.DueOn, e.RaisedOn]);
            }

            sql.Length--;
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), values, ct);
        }

        foreach (var chunk in notifications.Chunk(SqliteBatch))
        {
            var sql = new StringBuilder("INSERT INTO \"Notifications\" (\"Id\", \"RecipientUserId\", \"Subject\", \"Body\", \"RelatedType\", \"RelatedId\", \"Attempts\", \"Version\", \"CreatedAt\", \"UpdatedAt\") VALUES ");
            var values = new List<object> { now, nameof(AgreedActivity) };
            foreach (var n in chunk)
            {
                var p = values.Count;
                sql.Append(CultureInfo.InvariantCulture, $"({{{p}}}, {{{p + 1}}}, {{{p + 2}}}, {{{p + 3}}}, {{1}}, {{{p + 4}}}, 0, 1, {{0}}, {{0}}),");
                values.AddRange([n.Id, n.RecipientUserId, n.Subject, n.Body, n.RelatedId]);
            }

            sql.Length--;
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), values, ct);
        }
    }
}

/// <summary>The wording of escalation notifications: the activity's reference and text only.</summary>
public static class EscalationRules
{
    public const int SubjectMax = 200;

    public static (string Subject, string Body) Message(EscalationStep step, string reference, string text, string? directorGeneral, DateOnly dueOn)
    {
        var due = UkTime.Format(dueOn);
        var dg = string.IsNullOrWhiteSpace(directorGeneral) ? "the accountable Director General" : directorGeneral.Trim();
        var (subject, opening) = step.Recipient switch
        {
            EscalationRecipient.Owner => ($"{reference} is due on {due}",
                $"A reminder: your team's improvement activity {reference} is due on {due}. Report progress or completion in the action register."),
            EscalationRecipient.AccountableDirectorGeneral => ($"{reference} is overdue: for the attention of {dg}",
                $"For the attention of {dg}: improvement activity {reference} was due on {due} and is not complete."),
            EscalationRecipient.PanelActionsUpdate => ($"{reference} is in the next Panel's actions update",
                $"Improvement activity {reference} was due on {due} and is still open: it is flagged for the next Serious Case Panel's actions update."),
            _ => ($"{reference} is in the ministers' update",
                $"Improvement activity {reference} was due on {due} and is still open: it is flagged for the Secretary of State and ministers' update."),
        };

        return (subject.Length > SubjectMax ? subject[..SubjectMax] : subject, $"{opening}\n\n{step.Name}.\n\nThe activity: {text}");
    }
}
