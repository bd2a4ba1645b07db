using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Referrals.Criteria;

namespace SeriousCases.Web.Pages.Admin.ReferenceData.Criteria;

/// <summary>Every version of the IPR criteria, newest first, with how each route is met.</summary>
public sealed class IndexModel(CriteriaVersionService versions) : PageModel
{
    public IReadOnlyList<CriteriaDefinition> Versions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Versions = await versions.ListAsync(ct);
}
