using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Common;
using SeriousCases.Core.ReferenceData;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Admin.ReferenceData.Themes;

/// <summary>Change a theme's name, description or use. The version read with the form travels in a hidden
/// field, so a change saved by someone else in between is shown instead of being overwritten.</summary>
public sealed class EditModel(ThemeService service) : PageModel
{
    [BindProperty(Name = "name")] public string? Name { get; set; }
    [BindProperty(Name = "description")] public string? Description { get; set; }
    [BindProperty(Name = "isActive")] public bool IsActive { get; set; }
    [BindProperty(Name = "version")] public int Version { get; set; }

    public Theme Theme { get; private set; } = null!;
    public Theme? TheirVersion { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Theme = await service.GetAsync(id, ct);
        (Name, Description, IsActive, Version) = (Theme.Name, Theme.Description, Theme.IsActive, Theme.Version);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        try
        {
            var saved = await service.UpdateAsync(id, Version, new ThemeChange(Name, Description, IsActive), ct);
            TempData["Saved"] = $"{saved.Name} has been saved";
            return Redirect("/admin/reference-data/themes");
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex);
        }
        catch (ConcurrencyConflictException)
        {
            // Keep what the user typed and show what the other person saved; saving again replaces it.
            TheirVersion = await service.GetAsync(id, ct);
            ModelState.AddModelError("name", "Someone else changed this theme while you were editing it. Check their changes below, then save again to replace them with yours");
            ModelState.Remove("version");
            Version = TheirVersion.Version;
        }

        Theme = TheirVersion ?? await service.GetAsync(id, ct);
        Response.StatusCode = TheirVersion is null ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
        return Page();
    }
}
