using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Actions;

namespace SeriousCases.Web.Pages.Actions.Papers;

/// <summary>The Secretary of State and ministers' update (Delivery Boards): the Panel's recommendations by
/// accountable Director General, and what the escalation ladder has taken to ministers.</summary>
public sealed class MinistersUpdateModel(PanelPapersService papers) : PageModel
{
    public MinistersUpdate Update { get; private set; } = null!;

    public bool MayProduceActionsUpdate => User.IsInRole(Core.Identity.Roles.PanelSecretariat);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Update = await papers.MinistersUpdateAsync(ct);
        Response.Headers.CacheControl = "no-store";
    }
}
