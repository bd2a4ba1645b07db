using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Investigations;
using SeriousCases.Web.Infrastructure.Authentication;

namespace SeriousCases.Web.Pages.Investigations;

/// <summary>The IPR report, readable and printable, marked OFFICIAL-SENSITIVE top and bottom.</summary>
public sealed class ReportModel(IprReportService reports) : PageModel
{
    public IprReport Report { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => Report = await reports.BuildAsync(id, User.Requester(), ReportUse.View, ct);
}
