using System.Security.Claims;
using SeriousCases.Core.Identity;
using SeriousCases.Core.Panel;
using SeriousCases.Web.Pages.Home;

namespace SeriousCases.Web.Pages.Panel;

/// <summary>On the secretariat's home page: quarters of this year without a Panel meeting, and papers due to be
/// circulated within a week or already late, so they are seen before they are late.</summary>
public sealed class MeetingsAttention(PanelMeetingService meetings) : IAttentionSource
{
    public string Role => Roles.PanelSecretariat;

    public async Task<IReadOnlyList<AttentionItem>> GetAsync(ClaimsPrincipal user, CancellationToken ct) =>
        [.. (await meetings.AttentionAsync(ct)).Select(a => new AttentionItem(a.Text, a.Href))];
}
