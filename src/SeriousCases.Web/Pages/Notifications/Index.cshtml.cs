using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Notifications;
using SeriousCases.Web.Infrastructure.Authentication;

namespace SeriousCases.Web.Pages.Notifications;

/// <summary>The signed-in user's notifications, newest first, and whether each has been sent.</summary>
public sealed class IndexModel(NotificationInbox inbox) : PageModel
{
    public IReadOnlyList<InboxItem> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Items = User.UserId() is { } me ? await inbox.ListAsync(me, ct) : [];
}
