using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Retention;

namespace SeriousCases.Web.Pages.Retention;

/// <summary>The retention rules, how much is due today, the last runs and the latest disposals.</summary>
public sealed class IndexModel(RetentionService service) : PageModel
{
    public IReadOnlyList<RetentionRule> Rules { get; private set; } = [];
    public IReadOnlyList<RetentionRun> Runs { get; private set; } = [];
    public IReadOnlyList<DisposalRecord> Disposals { get; private set; } = [];
    public RetentionPreview Preview { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rules = await service.RulesAsync(ct);
        Runs = await service.LastRunsAsync(10, ct);
        Disposals = await service.DisposalsAsync(20, ct);
        Preview = await service.DryRunAsync(ct);
    }
}
