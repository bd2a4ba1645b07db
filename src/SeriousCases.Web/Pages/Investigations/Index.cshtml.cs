using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Common;
using SeriousCases.Core.Investigations;
using SeriousCases.Web.Infrastructure.Authentication;

namespace SeriousCases.Web.Pages.Investigations;

/// <summary>The caseload: an investigator's open IPRs, or every open IPR for Triage, longest open first.</summary>
public sealed class IndexModel(InvestigationService investigations, TimeProvider clock) : PageModel
{
    public IReadOnlyList<CaseloadRow> Cases { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool IsTriage { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = UkTime.Today(clock);
        var by = User.Requester();
        IsTriage = by.IsTriage;
        Cases = await investigations.CaseloadAsync(by, ct);
    }
}
