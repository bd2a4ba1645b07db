using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Panel;
using SeriousCases.Core.Panel.Minutes;

namespace SeriousCases.Web.Pages.Minutes;

/// <summary>The public list of published minutes, newest first, with the Terms of Reference in force.</summary>
public sealed class IndexModel(MinutesService minutes) : PageModel
{
    public IReadOnlyList<PublishedMinutesListing> Published { get; private set; } = [];

    public TermsOfReferenceVersion? TermsOfReference { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Published = await minutes.ListPublishedAsync(ct);
        TermsOfReference = await minutes.CurrentTermsOfReferenceAsync(ct);
    }
}
