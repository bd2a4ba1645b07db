using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Iprg;

namespace SeriousCases.Web.Pages.Iprg;

/// <summary>Concluded cases whose activities are all finished but that have no learning outcome yet, then every
/// concluded case with learning, a page at a time.</summary>
public sealed class OutcomesModel(LearningOutcomeService outcomes) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "pageNumber")] public int PageNumber { get; set; } = 1;
    public IReadOnlyList<OutcomeRow> Awaiting { get; private set; } = [];
    public OutcomePage Concluded { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Awaiting = await outcomes.AwaitingAsync(ct);
        Concluded = await outcomes.ConcludedAsync(PageNumber, ct);
    }
}
