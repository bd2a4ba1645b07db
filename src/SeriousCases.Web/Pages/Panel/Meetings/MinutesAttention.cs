using System.Security.Claims;
using SeriousCases.Core.Common;
using SeriousCases.Core.Identity;
using SeriousCases.Core.Panel;
using SeriousCases.Core.Panel.Minutes;
using SeriousCases.Web.Pages.Home;

namespace SeriousCases.Web.Pages.Panel.Meetings;

/// <summary>On the secretariat's home page: minutes to agree and circulate, or to publish, whose deadline is within a
/// week or has passed, so they are seen before they are late.</summary>
public sealed class MinutesAttention(MinutesService minutes) : IAttentionSource
{
    public string Role => Roles.PanelSecretariat;

    public async Task<IReadOnlyList<AttentionItem>> GetAsync(ClaimsPrincipal user, CancellationToken ct) =>
        [.. (await minutes.DueAsync(ct)).Select(d => new AttentionItem(Text(d), MeetingNavigation.Href(d.MeetingId, MeetingSection.Minutes)))];

    public static string Text(MinutesDeadlineDue d)
    {
        var what = d.Deadline.What.StartsWith("Minutes published", StringComparison.Ordinal) ? "publish" : "agree and circulate";
        var when = d.Deadline.State == DeadlineState.Overdue
            ? $"overdue since {UkTime.Format(d.Deadline.DueOn)}"
            : $"due by {UkTime.Format(d.Deadline.DueOn)}";
        return $"Minutes of the Panel meeting of {UkTime.Format(d.MeetingOn)}: {what}, {when}";
    }
}
