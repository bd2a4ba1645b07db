using Microsoft.AspNetCore.Mvc;
using SeriousCases.Core.Common;
using SeriousCases.Core.Panel.Minutes;

namespace SeriousCases.Web.Pages.Panel.Meetings;

/// <summary>Confirms publication, showing exactly the text the public page will show (redactions applied).</summary>
public sealed class MinutesPublishModel(MinutesService minutes) : MinutesFormModel(minutes)
{
    protected override string FirstField => "publish";

    /// <summary>What will be published: the agreed minutes with the chosen redactions applied.</summary>
    public string? ToPublish => View.Meeting.MinutesText is { } text
        ? MinutesRedaction.Apply(text, View.Meeting.Attendance, View.Meeting.ExtraRedactions)
        : null;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => await OpenAsync(id, ct);

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) =>
        SaveAsync(id, async () =>
        {
            var m = await Minutes.PublishAsync(id, Version, ct);
            return $"The minutes of {UkTime.Format(m.MeetingOn)} are published";
        }, ct);
}
