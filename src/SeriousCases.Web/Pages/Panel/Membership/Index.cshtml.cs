using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Common;
using SeriousCases.Core.Panel;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Panel.Membership;

/// <summary>The Panel's membership on a date (today unless another is asked for), grouped by role.</summary>
public sealed class IndexModel(PanelMembershipService memberships, TimeProvider clock) : PageModel
{
    /// <summary>The date as a link carries it (yyyy-MM-dd); the form sends day, month and year.</summary>
    [FromQuery(Name = "on")] public string? On { get; set; }

    public DateFields OnFields { get; private set; } = DateFields.Empty;
    public DateOnly Date { get; private set; }
    public DateOnly Today { get; private set; }
    public IReadOnlyList<RoleMembers> Groups { get; private set; } = [];
    public int Count => Groups.Sum(r => r.Members.Count);
    public bool IsSecretariat => User.IsInRole(Core.Identity.Roles.PanelSecretariat);

    public string? Error(string key) => ModelState[key]?.Errors.FirstOrDefault()?.ErrorMessage;

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = UkTime.Today(clock);
        Date = Today;
        if (!string.IsNullOrWhiteSpace(On))
        {
            if (DateOnly.TryParseExact(On.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on))
            {
                Date = on;
            }
            else
            {
                ModelState.AddModelError("on", "The date must be a real date, like 19 3 2020");
            }
        }
        else
        {
            OnFields = DateInput.Read(k => Request.Query[k], "on");
            if (DateInput.Parse(ModelState, "on", "The date", OnFields) is { } asked)
            {
                Date = asked;
            }
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else
        {
            OnFields = DateFields.Of(Date);
        }

        Groups = await memberships.ByRoleOnAsync(Date, ct);
    }
}
