using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Panel.Minutes;

namespace SeriousCases.Web.Pages.Minutes;

/// <summary>One meeting's published minutes: the published text only, redactions applied. Unknown dates and minutes not
/// yet published are "not found".</summary>
public sealed class MeetingModel(MinutesService minutes) : PageModel
{
    public PublishedMinutes Minutes { get; private set; } = null!;

    public string Href => MinutesPublicFeature.Href(Minutes.MeetingOn);

    public async Task<IActionResult> OnGetAsync(string meetingDate, CancellationToken ct)
    {
        if (MinutesPublicFeature.ParseDate(meetingDate) is not { } on || await minutes.GetPublishedAsync(on, ct) is not { } published)
        {
            return NotFound();
        }

        Minutes = published;
        return Page();
    }
}
