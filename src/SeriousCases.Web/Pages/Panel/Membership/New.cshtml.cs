using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Common;
using SeriousCases.Core.Panel;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Panel.Membership;

/// <summary>The secretariat adds a member of the Panel in a role, from a date (and to one, if known).</summary>
public sealed class NewModel(PanelMembershipService memberships) : PageModel
{
    [BindProperty(Name = "role")] public PanelRole? Role { get; set; }
    [BindProperty(Name = "personName")] public string? PersonName { get; set; }
    [BindProperty(Name = "jobTitle")] public string? JobTitle { get; set; }
    public DateFields From { get; private set; } = DateFields.Empty;
    public DateFields To { get; private set; } = DateFields.Empty;

    public static readonly string[] FieldOrder = ["role", "personName", "jobTitle", "from", "to"];

    public string? Error(string key) => ModelState[key]?.Errors.FirstOrDefault()?.ErrorMessage;

    public static string Anchor(string key) => key switch
    {
        "role" => $"role-{PanelMembershipRules.Roles[0]}",
        "from" => "from-day",
        "to" => "to-day",
        _ => key,
    };

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // A role outside the list binds as nothing: the service asks for one.
        ModelState.Remove("role");
        From = DateInput.Read(k => Request.Form[k], "from");
        To = DateInput.Read(k => Request.Form[k], "to");
        var from = DateInput.Parse(ModelState, "from", "The start date", From);
        var to = DateInput.Parse(ModelState, "to", "The end date", To);
        try
        {
            var added = await memberships.AddAsync(new NewPanelMembership(Role, PersonName, JobTitle, from, to), ct);
            if (ModelState.IsValid)
            {
                TempData["Saved"] = $"{added.PersonName} added as {PanelMembershipRules.Describe(added.Role)} from {UkTime.Format(added.From)}";
                return Redirect($"/panel/membership?on={IndexModel.Iso(added.From)}");
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
