using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Common;
using SeriousCases.Core.Investigations;
using SeriousCases.Web.Infrastructure.Authentication;

namespace SeriousCases.Web.Pages.Investigations;

/// <summary>The caseload: an investigator's open IPRs, or every open IPR for Triage, longest open first.</summary>
public sealed class IndexModel(InvestigationService investigations, TimeProvider clock) : PageModel
{
    /// <summary>Only the cases with a step overdue or missed against its target.</summary>
    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "behind")] public bool Behind { get; set; }
    public IReadOnlyList<CaseloadRow> Cases { get; private set; } = [];
    public Dictionary<Guid, IReadOnlyList<TimelinessCheck>> Checks { get; } = [];
    public DateOnly Today { get; private set; }
    public bool IsTriage { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = UkTime.Today(clock);
        var by = User.Requester();
        IsTriage = by.IsTriage;
        var targets = await investigations.TargetsAsync(ct);
        var all = await investigations.CaseloadAsync(by, ct);
        foreach (var c in all)
        {
            Checks[c.Id] = Timeliness.Assess(c.Dates, targets, Today);
        }

        Cases = Behind ? [.. all.Where(c => Checks[c.Id].Any(x => x.IsBreach))] : all;
    }
}
