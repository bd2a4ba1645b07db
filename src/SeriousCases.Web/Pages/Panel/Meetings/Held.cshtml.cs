using Microsoft.AspNetCore.Mvc;
using SeriousCases.Core.Common;
using SeriousCases.Core.Panel;

namespace SeriousCases.Web.Pages.Panel.Meetings;

/// <summary>Records that the meeting took place, after a check of what is recorded for it.</summary>
public sealed class HeldModel(PanelMeetingService meetings) : MeetingFormModel(meetings)
{
    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        Version = View.Meeting.Version;
    }

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) =>
        SaveAsync(id, async () =>
        {
            var m = await Meetings.RecordHeldAsync(id, Version, ct);
            return $"The meeting of {UkTime.Format(m.MeetingOn)} is recorded as held";
        }, $"/panel/meetings/{id}", "status", (nameof(PanelMeeting), "The meeting", id, v => v.Meeting.Version), ct);
}
