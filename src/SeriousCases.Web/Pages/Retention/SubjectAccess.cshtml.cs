using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Common;
using SeriousCases.Core.Retention;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Retention;

/// <summary>Subject access: an Administrator finds every record holding a person's identifiers and exports them. The
/// identifiers are posted, never put in a URL (which logs would keep); each record shown is audited, and the export.</summary>
public sealed class SubjectAccessModel(SubjectAccessService service) : PageModel
{
    [BindProperty(Name = "name")] public string? Name { get; set; }
    [BindProperty(Name = "nationalInsuranceNumber")] public string? NationalInsuranceNumber { get; set; }
    public DateFields DateOfBirth { get; private set; } = DateFields.Empty;

    public IReadOnlyList<SubjectRecord>? Records { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Query() is not { } query)
        {
            return Invalid();
        }

        try
        {
            Records = (await service.FindAsync(query, ct)).Records;
            Response.Headers.CacheControl = "no-store";
            return Page();
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex);
            return Invalid();
        }
    }

    public async Task<IActionResult> OnPostExportAsync(CancellationToken ct)
    {
        if (Query() is not { } query)
        {
            return Invalid();
        }

        try
        {
            var (zip, _) = await service.ExportAsync(query, ct);
            Response.Headers.CacheControl = "no-store";
            return File(zip, "application/zip", "subject-access.zip");
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex);
            return Invalid();
        }
    }

    public DateInputView DateView() =>
        new("dateOfBirth", "Date of birth", DateOfBirth, ModelState["dateOfBirth"]?.Errors.FirstOrDefault()?.ErrorMessage, "For example, 27 3 1970");

    private SubjectAccessQuery? Query()
    {
        DateOfBirth = DateInput.Read(k => Request.Form[k], "dateOfBirth");
        var dob = DateInput.Parse(ModelState, "dateOfBirth", "Date of birth", DateOfBirth, minYear: 1900);
        return ModelState.IsValid ? new SubjectAccessQuery(Name, NationalInsuranceNumber, dob) : null;
    }

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
