using Microsoft.AspNetCore.Mvc;
using SeriousCases.Core.Common;
using SeriousCases.Core.Panel;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Panel.Meetings;

/// <summary>Changes a meeting's date, format and chair (and who the chair stands in for).</summary>
public sealed class EditModel(PanelMeetingService meetings) : MeetingFormModel(meetings)
{
    [BindProperty(Name = "format")] public MeetingFormat? Format { get; set; }
    [BindProperty(Name = "formatNote")] public string? FormatNote { get; set; }
    [BindProperty(Name = "chairName")] public string? ChairName { get; set; }
    [BindProperty(Name = "chairOnBehalfOf")] public string? ChairOnBehalfOf { get; set; }
    public DateFields MeetingOn { get; private set; } = DateFields.Empty;

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        var m = View.Meeting;
        Version = m.Version;
        MeetingOn = DateFields.Of(m.MeetingOn);
        Format = m.Format;
        FormatNote = m.FormatNote;
        ChairName = m.ChairName;
        ChairOnBehalfOf = m.ChairOnBehalfOf;
    }

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        MeetingOn = DateInput.Read(k => Request.Form[k], "meetingOn");
        var on = DateInput.Parse(ModelState, "meetingOn", "The date of the meeting", MeetingOn);
        ModelState.Remove("format");
        return SaveAsync(id, async () =>
        {
            var m = await Meetings.UpdateDetailsAsync(id, Version, new MeetingDetailsInput(on, Format, FormatNote, ChairName, ChairOnBehalfOf), ct);
            return $"Details of the meeting of {UkTime.Format(m.MeetingOn)} saved";
        }, $"/panel/meetings/{id}", "meetingOn", (nameof(PanelMeeting), "The meeting", id, v => v.Meeting.Version), ct);
    }
}
