using Microsoft.AspNetCore.Mvc;
using SeriousCases.Core.Common;
using SeriousCases.Core.Publication;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Publication;

/// <summary>Rewrites one text of a draft edition (the case record is not changed), for example to remove an
/// identifying detail; the checks run again on the new text.</summary>
public sealed class TextModel(EditionService editions) : EditionPageModel(editions)
{
    [BindProperty(SupportsGet = true)] public string Location { get; set; } = "";

    [BindProperty] public string? Text { get; set; }

    public EditionText? Current { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await OpenAsync(id, ct);
        Current = EditionChecks.Texts(Built).FirstOrDefault(t => t.Location == Location);
        if (Current is null)
        {
            return NotFound();
        }

        Text = Current.Text;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        try
        {
            await Editions.RewriteAsync(id, Version, Location, Text, ct);
            TempData["EditionSaved"] = "Text rewritten";
            return Redirect(PublicationFeature.Href(id));
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex);
            await OpenAsync(id, ct, keepVersion: true);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (ConcurrencyConflictException)
        {
            await OpenAsync(id, ct);
            ModelState.AddModelError("text", "Someone else changed this edition after you opened this page. Your text is kept below: check the edition, then save again");
            ModelState.Remove("version");
            Response.StatusCode = StatusCodes.Status409Conflict;
        }

        Current = EditionChecks.Texts(Built).FirstOrDefault(t => t.Location == Location);
        return Current is null ? NotFound() : Page();
    }
}
