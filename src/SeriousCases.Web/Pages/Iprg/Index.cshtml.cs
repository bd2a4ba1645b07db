using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Iprg;

namespace SeriousCases.Web.Pages.Iprg;

/// <summary>Cases with the IPRG, longest waiting first.</summary>
public sealed class IndexModel(IprgService iprg) : PageModel
{
    public IReadOnlyList<ReviewCase> Cases { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Cases = await iprg.ReadyForReviewAsync(ct);
}
