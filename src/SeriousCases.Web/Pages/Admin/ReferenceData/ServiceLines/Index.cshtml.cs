using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.ReferenceData;

namespace SeriousCases.Web.Pages.Admin.ReferenceData.ServiceLines;

public sealed class IndexModel(ServiceLineService service) : PageModel
{
    public IReadOnlyList<ServiceLine> Lines { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Lines = await service.ListAsync(ct);
}
