using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Data;

namespace SeriousCases.Core.Notifications;

/// <summary>One notification as its recipient sees it in the service.</summary>
public sealed record InboxItem(Guid Id, string Subject, string Body, DateTime QueuedAt, DateTime? SentAt);

/// <summary>A user's own notifications, newest first: what was sent to them, or is waiting to be.</summary>
public sealed class NotificationInbox(SeriousCasesDbContext db)
{
    public const int PageSize = 100;

    public Task<List<InboxItem>> ListAsync(Guid userId, CancellationToken ct) =>
        db.Notifications.AsNoTracking()
            .Where(n => n.RecipientUserId == userId)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Take(PageSize)
            .Select(n => new InboxItem(n.Id, n.Subject, n.Body, n.CreatedAt, n.SentAt))
            .ToListAsync(ct);
}
