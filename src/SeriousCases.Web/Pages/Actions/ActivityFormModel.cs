using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Actions;
using SeriousCases.Core.Common;
using SeriousCases.Web.Infrastructure.Authentication;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Actions;

/// <summary>What the register's forms share: the activity they change, the version read with the form (a hidden
/// field, so someone else's change in between is shown rather than overwritten), the domain's errors beside the
/// fields, and the typed text kept whatever happens.</summary>
public abstract class ActivityFormModel(ActionRegisterService register) : PageModel
{
    [BindProperty(Name = "version")] public int Version { get; set; }

    public ActivityDetail Detail { get; private set; } = null!;

    /// <summary>Set when someone else changed the activity after this form was opened: who, and when.</summary>
    public ActivityUpdate? TheirChange { get; private set; }

    protected ActionRegisterService Register => register;

    /// <summary>Whether the reader may use this form at all (the service checks again when saving).</summary>
    protected abstract bool Allowed(ActivityDetail detail);

    /// <summary>The form field the conflict message points at: the one holding the user's kept text.</summary>
    protected abstract string FirstField { get; }

    public string? Error(string key) => ModelState[key]?.Errors.FirstOrDefault()?.ErrorMessage;

    /// <summary>Loads the activity for the form; false when the reader may see it but not use this form.</summary>
    protected async Task<bool> OpenAsync(Guid id, CancellationToken ct)
    {
        Detail = await register.GetAsync(id, User.RegisterUser(), ct);
        Version = Detail.Activity.Version;
        return Allowed(Detail);
    }

    /// <summary>Runs the change; back to the activity with <paramref name="save"/>'s message, or this page again
    /// with the errors (400) or with the other person's change (409) and everything the user typed.</summary>
    protected async Task<IActionResult> SaveAsync(Guid id, Func<RegisterUser, Task<string>> save, CancellationToken ct)
    {
        var user = User.RegisterUser();
        try
        {
            // Date boxes that make no date reach the service as no date, which it refuses too: nothing is stored
            // while the page shows what was wrong with the boxes.
            TempData["Saved"] = await save(user);
            return Redirect($"/actions/{id}");
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex);
        }
        catch (ConcurrencyConflictException)
        {
            Detail = await register.GetAsync(id, user, ct);
            TheirChange = Detail.Updates.FirstOrDefault();
            var who = TheirChange is { } c ? $"{c.ByName} on {UkTime.Format(c.At)}" : "someone else";
            ModelState.AddModelError(FirstField, $"This activity was changed by {who} after you opened it. Check their change below; your text is kept below. Save again to add yours");
            // Saving again is a decision made with the other change in view: it goes against the version now shown.
            ModelState.Remove("version");
            Version = Detail.Activity.Version;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        Detail = await register.GetAsync(id, user, ct);
        if (!Allowed(Detail))
        {
            return Forbid();
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>Who records assurance for this activity, in words.</summary>
    public static string Assurer(AgreedActivity a) => a.Origin == ActivityOrigin.IprgAgreedActivity ? "the IPRG" : "the Panel secretariat";
}
