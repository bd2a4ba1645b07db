using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Actions;

namespace SeriousCases.Web.Pages.Admin.ReferenceData.Escalation;

/// <summary>The escalation ladder: when an open activity reaches whom.</summary>
public sealed class IndexModel(EscalationLadderService service) : PageModel
{
    public IReadOnlyList<EscalationStep> Steps { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Steps = await service.ListAsync(ct);
}
