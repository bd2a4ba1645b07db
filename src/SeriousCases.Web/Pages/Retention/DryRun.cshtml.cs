using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Retention;

namespace SeriousCases.Web.Pages.Retention;

/// <summary>What tonight's run would dispose of, case by case, with the rule and why; and what it would keep. Changes nothing.</summary>
public sealed class DryRunModel(RetentionService service) : PageModel
{
    public RetentionPreview Preview { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Preview = await service.DryRunAsync(ct);
}
