using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Common;
using SeriousCases.Core.Investigations;
using SeriousCases.Web.Infrastructure.Authentication;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Investigations;

/// <summary>Records a contact or meeting with the family, at any stage of the case (families are often met late).</summary>
public sealed class NewFamilyContactModel(FamilyEngagementService family) : PageModel
{
    [BindProperty(Name = "kind")] public FamilyContactKind? Kind { get; set; }
    [BindProperty(Name = "dwpAttendee")] public string? DwpAttendee { get; set; }
    [BindProperty(Name = "level")] public AttendeeLevel? Level { get; set; }
    [BindProperty(Name = "apologyGiven")] public bool? ApologyGiven { get; set; }
    [BindProperty(Name = "notes")] public string? Notes { get; set; }
    public DateFields On { get; private set; } = DateFields.Empty;
    public Guid Id { get; private set; }
    public string Reference { get; private set; } = "";

    public async Task OnGetAsync(Guid id, CancellationToken ct) => (Id, Reference) = await family.CaseAsync(id, User.Requester(), ct);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        // A value that is not one of the choices (a forged form) binds as no choice, which the service refuses.
        foreach (var key in new[] { "kind", "level", "apologyGiven" })
        {
            ModelState.Remove(key);
        }

        On = DateInput.Read(k => Request.Form[k], "on");
        var on = DateInput.Parse(ModelState, "on", "The date", On);
        try
        {
            var saved = await family.AddAsync(id, new FamilyContactInput(Kind, on, DwpAttendee, Level, ApologyGiven, Notes), User.Requester(), ct);
            TempData["FamilySaved"] = $"{FamilyEngagementService.Describe(saved.Kind)} with the family on {UkTime.Format(saved.On)} recorded";
            return Redirect(CaseNavigation.Href(id, CaseSection.Family));
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex);
        }

        (Id, Reference) = await family.CaseAsync(id, User.Requester(), ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
