using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Panel;

namespace SeriousCases.Web.Pages.Panel.TermsOfReference;

/// <summary>One version of the Terms of Reference, its full text as approved.</summary>
public sealed class VersionModel(TermsOfReferenceService terms) : PageModel
{
    public TermsOfReferenceView Version { get; private set; } = null!;
    /// <summary>The version in force, when this one is not it.</summary>
    public TermsOfReferenceView? Current { get; private set; }
    /// <summary>The version this one replaced, to compare with.</summary>
    public TermsOfReferenceView? Previous { get; private set; }
    /// <summary>The version that replaced this one.</summary>
    public TermsOfReferenceView? Next { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        var all = await terms.ListAsync(ct);
        var index = all.ToList().FindIndex(v => v.Id == id);
        if (index < 0)
        {
            throw new Core.Common.RecordNotFoundException("The version of the Terms of Reference");
        }

        Version = all[index];
        Current = Version.IsCurrent ? null : all.FirstOrDefault(v => v.IsCurrent);
        Previous = index + 1 < all.Count ? all[index + 1] : null;
        Next = index > 0 ? all[index - 1] : null;
    }
}
