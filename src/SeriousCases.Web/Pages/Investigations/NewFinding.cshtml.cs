using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Common;
using SeriousCases.Core.Investigations;
using SeriousCases.Core.ReferenceData;
using SeriousCases.Web.Infrastructure.Authentication;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Investigations;

/// <summary>Records one item of learning identified on an IPR.</summary>
public sealed class NewFindingModel(InvestigationService investigations) : PageModel
{
    [BindProperty(Name = "text")] public string? Text { get; set; }
    [BindProperty(Name = "serviceLine")] public string? ServiceLine { get; set; }
    [BindProperty(Name = "themes")] public List<string> Themes { get; set; } = [];
    public InvestigationView View { get; private set; } = null!;
    public IReadOnlyList<ServiceLine> Lines { get; private set; } = [];
    public IReadOnlyList<Theme> ThemeChoices { get; private set; } = [];

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        // The case's own service lines are the likely ones: offer the first when there is only one.
        ServiceLine = View.Investigation.ServiceLines.Count == 1 ? View.Investigation.ServiceLines[0].ServiceLine!.Code : null;
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        try
        {
            await investigations.AddFindingAsync(id, Text, ServiceLine, Themes, User.Requester(), ct);
            TempData["Moved"] = "Learning identified added";
            return Redirect($"/investigations/{id}");
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex);
        }

        await LoadAsync(id, ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        View = await investigations.GetAsync(id, User.Requester(), ct);
        (Lines, ThemeChoices) = await investigations.FindingChoicesAsync(ct);
    }
}
