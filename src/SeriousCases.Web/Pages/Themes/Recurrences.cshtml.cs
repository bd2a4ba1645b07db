using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Identity;
using SeriousCases.Core.Themes;

namespace SeriousCases.Web.Pages.Themes;

/// <summary>Learning that recurred after an activity meant to address it was completed: the strongest sign an improvement
/// did not work. Panel members see the anonymised text without case references.</summary>
public sealed class RecurrencesModel(RepeatLearningService repeat) : PageModel
{
    public IReadOnlyList<Recurrence> Recurrences { get; private set; } = [];

    public bool SeesLinks => User.IsInRole(Roles.Analyst) || User.IsInRole(Roles.PanelSecretariat);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Recurrences = await repeat.RecurrencesAsync(ct);
        Response.Headers.CacheControl = "no-store";
    }
}
