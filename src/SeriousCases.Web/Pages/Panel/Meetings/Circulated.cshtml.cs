using Microsoft.AspNetCore.Mvc;
using SeriousCases.Core.Common;
using SeriousCases.Core.Panel;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Panel.Meetings;

/// <summary>Records the day a paper was circulated to the members (today unless changed).</summary>
public sealed class CirculatedModel(PanelMeetingService meetings, TimeProvider clock) : MeetingFormModel(meetings)
{
    public DateFields CirculatedOn { get; private set; } = DateFields.Empty;

    public PanelPaper Paper { get; private set; } = null!;

    private async Task PrepareAsync(Guid id, Guid paperId, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        Paper = View.Meeting.Papers.SingleOrDefault(p => p.Id == paperId) ?? throw new RecordNotFoundException("The paper");
    }

    public async Task OnGetAsync(Guid id, Guid paperId, CancellationToken ct)
    {
        await PrepareAsync(id, paperId, ct);
        Version = Paper.Version;
        CirculatedOn = DateFields.Of(Paper.CirculatedOn ?? UkTime.Today(clock));
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid paperId, CancellationToken ct)
    {
        await PrepareAsync(id, paperId, ct);
        CirculatedOn = DateInput.Read(k => Request.Form[k], "circulatedOn");
        var on = DateInput.Parse(ModelState, "circulatedOn", "The date the paper was circulated", CirculatedOn);
        var number = Paper.Number;
        return await SaveAsync(id, async () =>
        {
            var p = await Meetings.MarkCirculatedAsync(id, paperId, Version, on, ct);
            var late = PanelDeadlines.PaperIsLate(View.Meeting.MeetingOn, p.CirculatedOn, UkTime.Today(clock));
            return $"Paper {number} circulated on {UkTime.Format(p.CirculatedOn!.Value)}{(late ? ". It is flagged late: papers are due a week before the meeting" : "")}";
        }, $"/panel/meetings/{id}/agenda", "circulatedOn", (nameof(PanelPaper), "The paper", paperId, v => v.Meeting.Papers.SingleOrDefault(p => p.Id == paperId)?.Version), ct);
    }
}
