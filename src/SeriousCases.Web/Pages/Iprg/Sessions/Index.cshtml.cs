using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Common;
using SeriousCases.Core.Iprg;

namespace SeriousCases.Web.Pages.Iprg.Sessions;

public sealed class IndexModel(IprgSessionService sessions, TimeProvider clock) : PageModel
{
    public IReadOnlyList<SessionRow> Sessions { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = UkTime.Today(clock);
        Sessions = await sessions.ListAsync(ct);
    }
}
