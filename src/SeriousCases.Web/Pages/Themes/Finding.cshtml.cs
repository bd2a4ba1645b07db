using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Common;
using SeriousCases.Core.Identity;
using SeriousCases.Core.Themes;

namespace SeriousCases.Web.Pages.Themes;

/// <summary>A finding and the earlier findings of other IPRs that say the same thing, with the activities that followed
/// them and their status.</summary>
public sealed class FindingModel(RepeatLearningService repeat, ThemeClassifierService classifier) : PageModel
{
    public IReadOnlyList<SuggestedTheme> Suggestions { get; private set; } = [];

    public FindingWithSimilar View { get; private set; } = null!;

    public bool SeesLinks => User.IsInRole(Roles.Analyst) || User.IsInRole(Roles.PanelSecretariat);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        try
        {
            View = await repeat.SimilarAsync(id, 10, ct);
            Suggestions = (await classifier.SuggestAsync(View.Finding.Text, ct)).Themes;
        }
        catch (RecordNotFoundException)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
