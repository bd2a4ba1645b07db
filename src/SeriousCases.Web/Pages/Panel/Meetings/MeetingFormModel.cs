using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Common;
using SeriousCases.Core.Panel;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Panel.Meetings;

/// <summary>What the secretariat's meeting forms share: the meeting, the version read with the form (a hidden field, so
/// a change someone else saved in between is shown rather than overwritten), the domain's errors beside the fields and
/// the user's input kept whatever happens.</summary>
public abstract class MeetingFormModel(PanelMeetingService meetings) : PageModel
{
    [BindProperty(Name = "version")] public int Version { get; set; }

    public MeetingView View { get; protected set; } = null!;

    /// <summary>Set when someone else changed the record after the form was opened.</summary>
    public string? Conflict { get; private set; }

    protected PanelMeetingService Meetings => meetings;

    public string? Error(string key) => ModelState[key]?.Errors.FirstOrDefault()?.ErrorMessage;

    public string Title => UkTime.Format(View.Meeting.MeetingOn);

    protected async Task LoadAsync(Guid id, CancellationToken ct) => View = await meetings.GetAsync(id, ct);

    /// <summary>Runs the change; on to <paramref name="returnTo"/> with <paramref name="save"/>'s message, or this page
    /// again with the errors (400) or with the other person's change named (409), everything the user typed kept.
    /// <paramref name="record"/> names the record the version belongs to and reads its version as it is now.</summary>
    protected async Task<IActionResult> SaveAsync(Guid id, Func<Task<string>> save, string returnTo, string firstField,
        (string Type, string Description, Guid Id, Func<MeetingView, int?> CurrentVersion)? record, CancellationToken ct)
    {
        try
        {
            TempData["Saved"] = await save();
            return Redirect(returnTo);
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex);
        }
        catch (ConcurrencyConflictException) when (record is { } r)
        {
            View = await meetings.GetAsync(id, ct);
            var last = await meetings.LastChangeAsync(r.Type, r.Id, ct);
            var who = last is { } l ? $"by {l.Who} on {UkTime.Format(l.At)}" : "by someone else";
            Conflict = $"{r.Description} was changed {who} after you opened it.";
            ModelState.AddModelError(firstField, $"{r.Description} was changed {who} after you opened it. Check it as it is now; your changes are kept in the form. Save again to apply them");
            // Saving again is a decision made with the other change in view: it goes against the version now stored.
            ModelState.Remove("version");
            Version = r.CurrentVersion(View) ?? throw new RecordNotFoundException(r.Description);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        View = await meetings.GetAsync(id, ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
