using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Common;
using SeriousCases.Core.Investigations;
using SeriousCases.Web.Infrastructure.Authentication;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Investigations;

/// <summary>One IPR: its details, its summary, its learning with the activities agreed for it and their progress,
/// its learning outcomes, its history of stages, and moving it on.</summary>
public sealed class CaseModel(InvestigationService investigations, IprReportService reports, TimeProvider clock) : PageModel
{
    [BindProperty(Name = "stage")] public InvestigationStage? Stage { get; set; }
    [BindProperty(Name = "outcome")] public InvestigationOutcome? Outcome { get; set; }
    [BindProperty(Name = "version")] public int Version { get; set; }
    public InvestigationView View { get; private set; } = null!;
    public IReadOnlyList<Finding> Findings { get; private set; } = [];
    public IReadOnlyList<TimelinessCheck> Checks { get; private set; } = [];
    public IReadOnlyList<ExternalScrutinyEntry> Scrutiny { get; private set; } = [];
    public CaseLearning Learning { get; private set; } = new([], []);
    public DateOnly Today { get; private set; }
    public bool IsTriage { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        Version = View.Investigation.Version;
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        try
        {
            var moved = await investigations.MoveStageAsync(id, Version, Stage, Outcome, User.Requester(), ct);
            TempData["Moved"] = $"IPR {moved.Reference} is now {InvestigationStages.Describe(moved.Stage).ToLowerInvariant()}";
            return Redirect($"/investigations/{id}");
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex);
        }
        catch (ConcurrencyConflictException)
        {
            ModelState.AddModelError("stage", "Someone else changed this IPR while you were working on it. Check its stage again, then save");
        }

        await LoadAsync(id, ct);
        Version = View.Investigation.Version;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Today = UkTime.Today(clock);
        var by = User.Requester();
        IsTriage = by.IsTriage;
        View = await investigations.GetAsync(id, by, ct);
        Findings = await investigations.FindingsAsync(id, ct);
        Scrutiny = await investigations.ScrutinyAsync(id, ct);
        Learning = await reports.CaseLearningAsync(id, ct);
        Checks = Timeliness.Assess(View.Investigation, await investigations.TargetsAsync(ct), Today);
    }
}
