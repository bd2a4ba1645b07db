using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Common;
using SeriousCases.Core.Panel;
using SeriousCases.Core.Panel.Minutes;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Panel.Meetings;

/// <summary>What the secretariat's minutes forms share: the meeting they change, the version read with the form (a
/// hidden field, so a change saved by someone else in between is shown rather than overwritten), the domain's errors
/// beside the fields, and what the user typed kept whatever happens.</summary>
public abstract class MinutesFormModel(MinutesService minutes) : PageModel
{
    [BindProperty(Name = "version")] public int Version { get; set; }

    public MinutesView View { get; private set; } = null!;

    /// <summary>Set when someone else saved the minutes after this form was opened.</summary>
    public bool Conflict { get; private set; }

    protected MinutesService Minutes => minutes;

    /// <summary>The form field the conflict message points at.</summary>
    protected abstract string FirstField { get; }

    public string? Error(string key) => ModelState[key]?.Errors.FirstOrDefault()?.ErrorMessage;

    public MeetingNavigation Navigation => new(View.Meeting.Id, View.Title, MeetingSection.Minutes);

    public string MinutesHref => MeetingNavigation.Href(View.Meeting.Id, MeetingSection.Minutes);

    protected async Task OpenAsync(Guid id, CancellationToken ct)
    {
        View = await minutes.GetAsync(id, ct);
        Version = View.Meeting.Version;
    }

    /// <summary>Runs the change; on to <paramref name="next"/> (the minutes page by default) with
    /// <paramref name="save"/>'s message, or this page again with the errors (400) or the conflict (409).</summary>
    protected async Task<IActionResult> SaveAsync(Guid id, Func<Task<string>> save, CancellationToken ct, string? next = null)
    {
        try
        {
            TempData["MinutesSaved"] = await save();
            return Redirect(next ?? MeetingNavigation.Href(id, MeetingSection.Minutes));
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex);
        }
        catch (ConcurrencyConflictException)
        {
            View = await minutes.GetAsync(id, ct);
            Conflict = true;
            ModelState.AddModelError(FirstField, $"Someone else changed the minutes of {View.Title} after you opened this page. Your changes are kept below: check the minutes as they are now saved, then save again");
            // Saving again is a decision made with the other change in view: it goes against the version now stored.
            ModelState.Remove("version");
            Version = View.Meeting.Version;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        View = await minutes.GetAsync(id, ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public static string StateText(DeadlineState state) => state switch
    {
        DeadlineState.Met => "Done on time",
        DeadlineState.MetLate => "Done late",
        DeadlineState.Pending => "Not due yet",
        DeadlineState.DueSoon => "Due soon",
        _ => "Overdue",
    };

    public static string StateClass(DeadlineState state) => state switch
    {
        DeadlineState.Met => "govuk-tag--green",
        DeadlineState.MetLate => "govuk-tag--orange",
        DeadlineState.Pending => "govuk-tag--grey",
        DeadlineState.DueSoon => "govuk-tag--yellow",
        _ => "govuk-tag--red",
    };

    public static string StatusText(MeetingStatus status) => status switch
    {
        MeetingStatus.Planned => "Planned",
        MeetingStatus.Held => "Held",
        MeetingStatus.MinutesAgreed => "Minutes agreed",
        _ => "Minutes published",
    };
}
