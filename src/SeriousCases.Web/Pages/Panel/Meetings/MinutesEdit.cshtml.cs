using Microsoft.AspNetCore.Mvc;
using SeriousCases.Core.Common;
using SeriousCases.Core.Panel.Minutes;

namespace SeriousCases.Web.Pages.Panel.Meetings;

/// <summary>The secretariat writes the minutes: a draft generated from the meeting record (attendance, agenda, papers,
/// decisions and action points), then edited. Generating again replaces the text, so it asks first.</summary>
public sealed class MinutesEditModel(MinutesService minutes) : MinutesFormModel(minutes)
{
    [BindProperty(Name = "minutesText")] public string? Text { get; set; }

    /// <summary>Set when "Generate" was pressed with minutes already written: the page asks before replacing them.</summary>
    public bool ConfirmReplace { get; private set; }

    protected override string FirstField => "minutesText";

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        await OpenAsync(id, ct);
        Text = View.Meeting.MinutesText;
    }

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) =>
        SaveAsync(id, async () =>
        {
            var m = await Minutes.SaveTextAsync(id, Version, Text, ct);
            return $"The minutes of {UkTime.Format(m.MeetingOn)} are saved";
        }, ct);

    public async Task<IActionResult> OnPostGenerateAsync(Guid id, bool replace, CancellationToken ct)
    {
        if (!replace)
        {
            // Ask before replacing what is written (the service refuses too).
            var view = await Minutes.GetAsync(id, ct);
            if (view.HasText && !view.Agreed)
            {
                await OpenAsync(id, ct);
                Text = View.Meeting.MinutesText;
                ConfirmReplace = true;
                return Page();
            }
        }

        Text = null;
        return await SaveAsync(id, async () =>
        {
            var m = await Minutes.GenerateDraftAsync(id, Version, replace, ct);
            return $"A draft of the minutes of {UkTime.Format(m.MeetingOn)} was generated from the meeting record. Check and edit it";
        }, ct, $"/panel/meetings/{id}/minutes/edit");
    }
}
