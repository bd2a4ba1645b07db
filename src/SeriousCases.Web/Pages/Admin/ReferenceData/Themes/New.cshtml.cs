using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Common;
using SeriousCases.Core.ReferenceData;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Admin.ReferenceData.Themes;

public sealed class NewModel(ThemeService service) : PageModel
{
    [BindProperty(Name = "code")] public string? Code { get; set; }
    [BindProperty(Name = "name")] public string? Name { get; set; }
    [BindProperty(Name = "description")] public string? Description { get; set; }
    [BindProperty(Name = "isActive")] public bool IsActive { get; set; } = true;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var theme = await service.AddAsync(Code, new ThemeChange(Name, Description, IsActive), ct);
            TempData["Saved"] = $"{theme.Name} has been added";
            return Redirect("/admin/reference-data/themes");
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
