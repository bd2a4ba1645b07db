using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Common;
using SeriousCases.Core.Publication;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Publication;

/// <summary>What the edition's forms share: the edition and its checks, the version read with the form (a change
/// saved by someone else in between is shown, not overwritten), and the domain's errors beside the fields.</summary>
public abstract class EditionPageModel(EditionService editions) : PageModel
{
    [BindProperty(Name = "version")] public int Version { get; set; }

    public PublicationEdition Edition { get; private set; } = null!;

    public EditionReview Review { get; private set; } = null!;

    public PublicationContent Built { get; private set; } = null!;

    /// <summary>When the texts were last checked against the case records (the page shows the stored findings).</summary>
    public DateTime? ScannedAt { get; private set; }

    protected EditionService Editions => editions;

    public string? Error(string key) => ModelState[key]?.Errors.FirstOrDefault()?.ErrorMessage;

    protected async Task OpenAsync(Guid id, CancellationToken ct, bool keepVersion = false)
    {
        Edition = await editions.GetAsync(id, ct);
        Built = Edition.ReadContent();
        Review = await editions.ReviewAsync(Edition, ct);
        ScannedAt = await editions.ScannedAtAsync(id, ct);
        if (Review.Identifiers.Count > 0)
        {
            await editions.RecordReviewViewAsync(Edition, ct);
        }

        if (!keepVersion)
        {
            Version = Edition.Version;
        }
    }

    /// <summary>Runs the change, then back to the edition with its message; or this page again with the errors
    /// (400) or the conflict (409), keeping what was typed.</summary>
    protected async Task<IActionResult> SaveAsync(Guid id, string errorKey, Func<Task<string>> save, CancellationToken ct)
    {
        try
        {
            TempData["EditionSaved"] = await save();
            return Redirect(PublicationFeature.Href(id));
        }
        catch (DomainValidationException ex)
        {
            foreach (var e in ex.Errors)
            {
                ModelState.AddModelError(e.Field is "reason" or "text" or "edition" ? errorKey : e.Field, e.Message);
            }

            await OpenAsync(id, ct, keepVersion: true);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        catch (ConcurrencyConflictException)
        {
            await OpenAsync(id, ct);
            ModelState.AddModelError(errorKey, "Someone else changed this edition after you opened this page. Check the edition as it is now saved, then try again");
            ModelState.Remove("version");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
    }

    public static string StatusTag(EditionStatus status) => status switch
    {
        EditionStatus.Draft => "govuk-tag--grey",
        EditionStatus.Checked => "govuk-tag--blue",
        EditionStatus.Approved => "govuk-tag--turquoise",
        _ => "govuk-tag--green",
    };
}
