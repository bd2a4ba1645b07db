using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Actions;

namespace SeriousCases.Web.Pages.Admin.ReferenceData.OwnerTeams;

/// <summary>Owner teams with their open activities, so an Administrator can see what a reorganisation will move.</summary>
public sealed class IndexModel(OwnerTransferService service) : PageModel
{
    public IReadOnlyList<OwnerTeamSummary> Teams { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Teams = await service.ListAsync(ct);
}
