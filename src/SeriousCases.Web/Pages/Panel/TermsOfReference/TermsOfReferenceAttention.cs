using System.Security.Claims;
using SeriousCases.Core.Common;
using SeriousCases.Core.Identity;
using SeriousCases.Core.Panel;
using SeriousCases.Web.Pages.Home;

namespace SeriousCases.Web.Pages.Panel.TermsOfReference;

/// <summary>On the secretariat's home page: the Terms of Reference in force are due for their review (within a quarter,
/// so it can go on the next meeting's agenda) or overdue for it.</summary>
public sealed class TermsOfReferenceAttention(TermsOfReferenceService terms) : IAttentionSource
{
    public string Role => Roles.PanelSecretariat;

    public async Task<IReadOnlyList<AttentionItem>> GetAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var current = (await terms.ListAsync(ct)).FirstOrDefault(v => v.IsCurrent);
        return current?.ReviewState switch
        {
            ReviewState.Overdue => [new AttentionItem($"The review of the Terms of Reference is overdue: it was due by {UkTime.Format(current.ReviewDueOn)}", "/panel/terms-of-reference")],
            ReviewState.DueSoon => [new AttentionItem($"The Terms of Reference are due for review by {UkTime.Format(current.ReviewDueOn)}", "/panel/terms-of-reference")],
            _ => [],
        };
    }
}
