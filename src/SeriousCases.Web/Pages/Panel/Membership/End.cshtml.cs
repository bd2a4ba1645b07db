using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Common;
using SeriousCases.Core.Panel;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Panel.Membership;

/// <summary>The secretariat ends a membership on a date. The form carries the version it read: a change saved by someone
/// else in between is shown, and the date typed is kept.</summary>
public sealed class EndModel(PanelMembershipService memberships) : PageModel
{
    [BindProperty(Name = "version")] public int Version { get; set; }
    public DateFields To { get; private set; } = DateFields.Empty;
    public PanelMembership Membership { get; private set; } = null!;

    public string? Error(string key) => ModelState[key]?.Errors.FirstOrDefault()?.ErrorMessage;

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Membership = await memberships.GetAsync(id, ct);
        Version = Membership.Version;
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        To = DateInput.Read(k => Request.Form[k], "to");
        var to = DateInput.Parse(ModelState, "to", "The end date", To);
        try
        {
            var ended = await memberships.EndAsync(id, Version, to, ct);
            if (ModelState.IsValid)
            {
                TempData["Saved"] = $"{ended.PersonName}'s membership as {PanelMembershipRules.Describe(ended.Role)} ends on {UkTime.Format(ended.To!.Value)}";
                return Redirect($"/panel/membership?on={IndexModel.Iso(ended.From)}");
            }
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex);
        }
        catch (ConcurrencyConflictException)
        {
            Membership = await memberships.GetAsync(id, ct);
            ModelState.AddModelError("to", Membership.To is { } ended
                ? $"{Membership.PersonName}'s membership was ended on {UkTime.Format(ended)} by someone else after you opened this page"
                : $"{Membership.PersonName}'s membership was changed by someone else after you opened this page. Check it below; the date you entered is kept. Save again to end it");
            // Saving again is a decision made with the other change in view: it goes against the version now shown.
            ModelState.Remove("version");
            Version = Membership.Version;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        Membership = await memberships.GetAsync(id, ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
