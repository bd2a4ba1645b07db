using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Publication;

namespace SeriousCases.Web.Pages.Publications;

/// <summary>The public list of published editions, newest year first.</summary>
public sealed class IndexModel(EditionService editions) : PageModel
{
    public IReadOnlyList<PublishedEdition> Published { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Published = await editions.ListPublishedAsync(ct);
}
