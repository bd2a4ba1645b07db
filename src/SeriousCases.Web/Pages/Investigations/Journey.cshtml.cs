using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Investigations;
using SeriousCases.Web.Infrastructure.Authentication;

namespace SeriousCases.Web.Pages.Investigations;

/// <summary>The customer's contacts with DWP across every service line, as a timeline, filterable by line.</summary>
public sealed class JourneyModel(CustomerJourneyService journey) : PageModel
{
    [FromQuery(Name = "line")] public string? Line { get; set; }
    public JourneyView View { get; private set; } = null!;

    /// <summary>The line the timeline is filtered to, when the query names one of the case's lines.</summary>
    public JourneyLine? Selected => string.IsNullOrWhiteSpace(Line) ? null : View.Lines.FirstOrDefault(l => l.Line.IsNamed(Line));

    public async Task OnGetAsync(Guid id, CancellationToken ct) => View = await journey.GetAsync(id, Line, User.Requester(), ct);
}
