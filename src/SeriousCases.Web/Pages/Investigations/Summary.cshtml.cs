using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Common;
using SeriousCases.Core.Investigations;
using SeriousCases.Web.Infrastructure.Authentication;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Investigations;

/// <summary>The investigator writes the case summary for the IPR report, against the version they read: a
/// summary someone else saved meanwhile is never overwritten without them seeing it.</summary>
public sealed class SummaryModel(InvestigationService investigations, IprReportService reports) : PageModel
{
    [BindProperty(Name = "summary")] public string? Summary { get; set; }
    [BindProperty(Name = "version")] public int Version { get; set; }
    public InvestigationView View { get; private set; } = null!;

    /// <summary>After a conflicting edit: the summary as it is now saved, shown beside the text the user typed.</summary>
    public string? SavedSummary { get; private set; }

    public bool IsConcluded => View.Investigation.Stage == InvestigationStage.Concluded;

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        View = await investigations.GetAsync(id, User.Requester(), ct);
        Summary = View.Investigation.Summary;
        Version = View.Investigation.Version;
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        try
        {
            var saved = await reports.SaveSummaryAsync(id, Version, Summary, User.Requester(), ct);
            TempData["Moved"] = $"Case summary of IPR {saved.Reference} saved";
            return Redirect($"/investigations/{id}");
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex);
        }
        catch (ConcurrencyConflictException)
        {
            ModelState.AddModelError("summary", "Someone else changed this IPR while you were writing. Compare your summary with the one now saved, then save again");
        }

        View = await investigations.GetAsync(id, User.Requester(), ct);
        if (ModelState.HasError("summary") && View.Investigation.Version != Version)
        {
            SavedSummary = View.Investigation.Summary;
        }

        // The next save is made against what the user has now been shown.
        Version = View.Investigation.Version;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
