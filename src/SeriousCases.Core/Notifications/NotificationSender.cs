using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;

namespace SeriousCases.Core.Notifications;

/// <summary>What one pass of the sender did.</summary>
public sealed record SendResult(int Sent, int Failed);

/// <summary>Sends queued notifications (the outbox) through the channel. On PostgreSQL each batch is claimed with
/// FOR UPDATE SKIP LOCKED, so two copies of the service never send the same notification twice (SQLite is one
/// copy). A failure is counted and its reason kept; after <see cref="MaxAttempts"/> the notification stays unsent
/// for someone to look at.</summary>
public sealed class NotificationSender(SeriousCasesDbContext db, INotificationChannel channel, TimeProvider clock, ILogger<NotificationSender> log)
{
    public const int MaxAttempts = 5;
    public const int BatchSize = 50;
    public const int ErrorMax = 1000;
    public const int ReferenceMax = 100;

    public async Task<SendResult> SendPendingAsync(CancellationToken ct)
    {
        int sent = 0, failed = 0;
        var tried = new HashSet<Guid>();
        while (true)
        {
            var (s, f, claimed) = await SendBatchAsync(tried, ct);
            sent += s;
            failed += f;
            if (claimed < BatchSize)
            {
                break;
            }
        }

        if (sent + failed > 0)
        {
            log.LogInformation("Notifications: {Sent} sent, {Failed} failed", sent, failed);
        }

        return new SendResult(sent, failed);
    }

    private async Task<(int Sent, int Failed, int Claimed)> SendBatchAsync(HashSet<Guid> tried, CancellationToken ct)
    {
        // PostgreSQL: the batch stays locked (to other copies of the service only) until its results are saved.
        // SQLite runs one copy with one non-concurrent job, so no claim is needed, and holding its single write
        // lock while a channel answers would block every user's save.
        var postgres = db.Database.IsNpgsql();
        await using var transaction = postgres ? await db.Database.BeginTransactionAsync(ct) : null;
        var pending = db.Notifications.Where(n => n.SentAt == null && n.Attempts < MaxAttempts && !tried.Contains(n.Id));
        List<Notification> batch;
        if (postgres)
        {
            // Rows another copy of the service is sending are skipped, not waited for.
            var skip = tried.ToArray();
            var ids = await db.Database
                .SqlQuery<Guid>($"SELECT \"Id\" AS \"Value\" FROM \"Notifications\" WHERE \"SentAt\" IS NULL AND \"Attempts\" < {MaxAttempts} AND NOT (\"Id\" = ANY({skip})) ORDER BY \"CreatedAt\" LIMIT {BatchSize} FOR UPDATE SKIP LOCKED")
                .ToListAsync(ct);
            batch = await db.Notifications.Where(n => ids.Contains(n.Id)).OrderBy(n => n.CreatedAt).ToListAsync(ct);
        }
        else
        {
            batch = await pending.OrderBy(n => n.CreatedAt).Take(BatchSize).ToListAsync(ct);
        }

        if (batch.Count == 0)
        {
            return (0, 0, 0);
        }

        var recipients = batch.Select(n => n.RecipientUserId).Distinct().ToList();
        var emails = await db.Users.AsNoTracking().Where(u => recipients.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.IsActive }).ToDictionaryAsync(u => u.Id, ct);
        int sent = 0, failed = 0;
        foreach (var n in batch)
        {
            tried.Add(n.Id);
            n.Attempts++;
            try
            {
                if (!emails.TryGetValue(n.RecipientUserId, out var user) || !user.IsActive)
                {
                    throw new InvalidOperationException("The recipient is not an active user");
                }

                var reference = await channel.SendAsync(new OutgoingNotification(n.Id, n.RecipientUserId, user.Email, n.Subject, n.Body), ct);
                n.SentAt = clock.GetUtcNow().UtcDateTime;
                n.ChannelReference = Truncate(reference, ReferenceMax);
                n.LastError = null;
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The channel's reason, for whoever looks at a stuck notification; channels put no personal data in it.
                n.LastError = Truncate($"{ex.GetType().Name}: {ex.Message}", ErrorMax);
                failed++;
                log.LogWarning("Notification {NotificationId} failed (attempt {Attempt}): {Error}", n.Id, n.Attempts, ex.GetType().Name);
            }
        }

        await db.SaveChangesAsync(ct);
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        return (sent, failed, batch.Count);
    }

    private static string Truncate(string value, int max) => value.Length > max ? value[..max] : value;
}
