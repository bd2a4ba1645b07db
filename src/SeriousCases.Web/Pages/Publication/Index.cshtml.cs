using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Common;
using SeriousCases.Core.Publication;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Publication;

/// <summary>The editions of the annual publication, and the form that builds a draft (or a correction) for a year.</summary>
public sealed class IndexModel(EditionService editions) : PageModel
{
    public IReadOnlyList<EditionListing> Editions { get; private set; } = [];

    [BindProperty(Name = "year", SupportsGet = true)] public string? Year { get; set; }

    [BindProperty(Name = "correctionNote")] public string? CorrectionNote { get; set; }

    public string? Error(string key) => ModelState[key]?.Errors.FirstOrDefault()?.ErrorMessage;

    /// <summary>Whether the year typed (or chosen) is already published, so the form asks what the correction changes.</summary>
    public bool IsCorrection => PublicationYear.TryParse(Year, out var start)
        && Editions.Any(e => e.StartYear == start && e.Status == EditionStatus.Published);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Editions = await editions.ListAsync(ct);
        if (string.IsNullOrEmpty(Year))
        {
            Year = null;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var edition = await editions.BuildDraftAsync(Year, CorrectionNote, ct);
            TempData["EditionSaved"] = $"Draft of {edition.YearLabel} built from the records (edition {edition.EditionNumber})";
            return Redirect(PublicationFeature.Href(edition.Id));
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex);
        }

        Editions = await editions.ListAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
