using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Common;
using SeriousCases.Core.ReferenceData;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Admin.ReferenceData.ServiceLines;

/// <summary>Change a service line. The version read with the form travels in a hidden field, so a
/// change saved by someone else in between is shown to the user instead of being overwritten.</summary>
public sealed class EditModel(ServiceLineService service) : PageModel
{
    [BindProperty(Name = "name")] public string? Name { get; set; }
    [BindProperty(Name = "abbreviation")] public string? Abbreviation { get; set; }
    [BindProperty(Name = "description")] public string? Description { get; set; }
    [BindProperty(Name = "isActive")] public bool IsActive { get; set; }
    [BindProperty(Name = "version")] public int Version { get; set; }

    public ServiceLine Line { get; private set; } = null!;

    /// <summary>Set when the save was refused because someone else saved first: what they saved.</summary>
    public ServiceLine? TheirVersion { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Line = await service.GetAsync(id, ct);
        (Name, Abbreviation, Description, IsActive, Version) = (Line.Name, Line.Abbreviation, Line.Description, Line.IsActive, Line.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        try
        {
            var saved = await service.UpdateAsync(id, Version, new ServiceLineChange(Name, Abbreviation, Description, IsActive), ct);
            TempData["Saved"] = $"{saved.Name} has been saved";
            return Redirect("/admin/reference-data/service-lines");
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex);
        }
        catch (ConcurrencyConflictException)
        {
            // Keep what the user typed; show what the other person saved; let the next save go
            // against the current version only if the user chooses to send it again.
            TheirVersion = await service.GetAsync(id, ct);
            ModelState.AddModelError("name",
                "Someone else changed this service line while you were editing it. Check their changes below, then save again to replace them with yours");
            ModelState.Remove("version");
            Version = TheirVersion.Version;
        }

        Line = TheirVersion ?? await service.GetAsync(id, ct);
        Response.StatusCode = TheirVersion is null ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
        return Page();
    }

    public string? ErrorFor(string field) =>
        ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
