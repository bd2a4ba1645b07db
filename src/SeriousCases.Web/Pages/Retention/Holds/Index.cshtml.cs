using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Retention;

namespace SeriousCases.Web.Pages.Retention.Holds;

/// <summary>Legal holds in place, then those lifted, with who and why.</summary>
public sealed class IndexModel(LegalHoldService service) : PageModel
{
    public IReadOnlyList<LegalHold> Holds { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Holds = await service.ListAsync(ct);
}
