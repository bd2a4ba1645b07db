using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Common;
using SeriousCases.Core.Panel;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Panel.Meetings;

/// <summary>Plans one meeting: its date and format. The standard agenda and the Chair of the day come with it.</summary>
public sealed class NewModel(PanelMeetingService meetings) : PageModel
{
    [BindProperty(Name = "format")] public MeetingFormat? Format { get; set; }
    [BindProperty(Name = "formatNote")] public string? FormatNote { get; set; }
    public DateFields MeetingOn { get; private set; } = DateFields.Empty;

    public string? Error(string key) => ModelState[key]?.Errors.FirstOrDefault()?.ErrorMessage;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        MeetingOn = DateInput.Read(k => Request.Form[k], "meetingOn");
        var on = DateInput.Parse(ModelState, "meetingOn", "The date of the meeting", MeetingOn);
        // A format the form never offers binds to nothing: the service asks for one.
        ModelState.Remove("format");
        try
        {
            var meeting = await meetings.PlanAsync(new PlanMeetingInput(on, Format, FormatNote), ct);
            TempData["Saved"] = $"Meeting planned for {UkTime.Format(meeting.MeetingOn)}";
            return Redirect($"/panel/meetings/{meeting.Id}");
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
