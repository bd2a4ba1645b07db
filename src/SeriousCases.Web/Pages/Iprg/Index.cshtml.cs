using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Iprg;

namespace SeriousCases.Web.Pages.Iprg;

/// <summary>Cases with the IPRG, longest waiting first.</summary>
public sealed class IndexModel(IprgService iprg, IprgSessionService sessions) : PageModel
{
    public IReadOnlyList<ReviewCase> Cases { get; private set; } = [];
    public IReadOnlyDictionary<Guid, DateOnly> NextSession { get; private set; } = new Dictionary<Guid, DateOnly>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Cases = await iprg.ReadyForReviewAsync(ct);
        NextSession = await sessions.NextSessionByCaseAsync(ct);
    }
}
