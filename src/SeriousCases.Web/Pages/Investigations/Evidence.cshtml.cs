using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Investigations;
using SeriousCases.Web.Infrastructure.Authentication;

namespace SeriousCases.Web.Pages.Investigations;

/// <summary>An IPR's evidence log: documents attached to the case and fact-finding discussions.</summary>
public sealed class EvidenceModel(EvidenceService evidence) : PageModel
{
    public EvidenceLog Log { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => Log = await evidence.GetAsync(id, User.Requester(), ct);

    /// <summary>A size as people read it: "312 KB", "4.2 MB".</summary>
    public static string Size(long bytes) => bytes < 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, (bytes + 1023) / 1024)} KB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.0} MB");

    public static string Describe(string contentType) =>
        EvidenceFileRules.Kinds.FirstOrDefault(k => k.ContentType == contentType)?.Name is { } name ? char.ToUpperInvariant(name[0]) + name[1..] : contentType;
}
