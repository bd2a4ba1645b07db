using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Management;

namespace SeriousCases.Web.Pages.Management;

/// <summary>The register of Excellence Plan measures (seed 003) with their critical success factors and values.</summary>
public sealed class ExcellencePlanModel(ExcellencePlanService plan) : PageModel
{
    public IReadOnlyList<MeasureView> Measures { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Measures = await plan.MeasuresAsync(ct);
}
