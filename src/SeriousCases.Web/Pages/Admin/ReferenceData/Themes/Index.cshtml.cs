using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.ReferenceData;

namespace SeriousCases.Web.Pages.Admin.ReferenceData.Themes;

public sealed class IndexModel(ThemeService service) : PageModel
{
    public IReadOnlyList<Theme> Themes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Themes = await service.ListAsync(ct);
}
