using System.Security.Claims;
using SeriousCases.Core.Identity;
using SeriousCases.Core.Investigations;
using SeriousCases.Web.Pages.Home;

namespace SeriousCases.Web.Pages.Investigations;

/// <summary>On Triage's home page: concluded IPRs that no one has reviewed for quality yet.</summary>
public sealed class QualityReviewAttention(QualityReviewService reviews) : IAttentionSource
{
    public string Role => Roles.Triage;

    public async Task<IReadOnlyList<AttentionItem>> GetAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var waiting = await reviews.AwaitingCountAsync(ct);
        return waiting == 0 ? [] : [new AttentionItem(waiting == 1 ? "1 concluded IPR is waiting for a quality review" : $"{waiting} concluded IPRs are waiting for a quality review", "/investigations/quality")];
    }
}
