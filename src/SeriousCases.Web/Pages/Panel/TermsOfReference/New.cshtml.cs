using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Common;
using SeriousCases.Core.Panel;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Panel.TermsOfReference;

/// <summary>The secretariat records a version of the Terms of Reference the Panel approved. Versions are never edited:
/// a correction is a new version.</summary>
public sealed class NewModel(TermsOfReferenceService terms) : PageModel
{
    [BindProperty(Name = "title")] public string? Title { get; set; }
    [BindProperty(Name = "text")] public string? Text { get; set; }
    public DateFields ApprovedOn { get; private set; } = DateFields.Empty;

    public static readonly string[] FieldOrder = ["title", "approvedOn", "text"];

    public string? Error(string key) => ModelState[key]?.Errors.FirstOrDefault()?.ErrorMessage;

    public static string Anchor(string key) => key == "approvedOn" ? "approvedOn-day" : key;

    public async Task OnGetAsync(Guid? from, CancellationToken ct)
    {
        // Starting from a version (usually the current one) saves retyping what did not change.
        if (from is { } id)
        {
            Text = (await terms.GetAsync(id, ct)).Text;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ApprovedOn = DateInput.Read(k => Request.Form[k], "approvedOn");
        var approved = DateInput.Parse(ModelState, "approvedOn", "The approval date", ApprovedOn);
        try
        {
            var added = await terms.AddAsync(new NewTermsOfReference(Title, approved, Text), ct);
            if (ModelState.IsValid)
            {
                TempData["Saved"] = $"{added.Title} added";
                return Redirect($"/panel/terms-of-reference/{added.Id}");
            }
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
