using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Common;
using SeriousCases.Core.Identity;
using SeriousCases.Core.Panel;

namespace SeriousCases.Web.Pages.Panel.TermsOfReference;

/// <summary>Every version of the Panel's Terms of Reference, newest first, with the review of the one in force.</summary>
public sealed class IndexModel(TermsOfReferenceService terms, TimeProvider clock) : PageModel
{
    public IReadOnlyList<TermsOfReferenceView> Versions { get; private set; } = [];
    public TermsOfReferenceView? Current { get; private set; }
    public DateOnly Today { get; private set; }
    public bool IsSecretariat => User.IsInRole(Roles.PanelSecretariat);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = UkTime.Today(clock);
        Versions = await terms.ListAsync(ct);
        Current = Versions.FirstOrDefault(v => v.IsCurrent);
    }
}
