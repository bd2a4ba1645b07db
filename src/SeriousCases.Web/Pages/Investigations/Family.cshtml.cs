using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Investigations;
using SeriousCases.Web.Infrastructure.Authentication;

namespace SeriousCases.Web.Pages.Investigations;

/// <summary>The case's contacts and meetings with the family, for those who work the case (each view audited).</summary>
public sealed class FamilyModel(FamilyEngagementService family) : PageModel
{
    public CaseFamilyEngagement Engagement { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Engagement = await family.ListAsync(id, User.Requester(), ct);
        Response.Headers.CacheControl = "no-store";
    }
}
