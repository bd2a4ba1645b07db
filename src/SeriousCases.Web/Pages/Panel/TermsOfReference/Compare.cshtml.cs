using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Panel;

namespace SeriousCases.Web.Pages.Panel.TermsOfReference;

/// <summary>The differences between two versions of the Terms of Reference, line by line. A GET form: the comparison
/// has an address that can be shared. Without a choice it compares the version in force with the one before it.</summary>
public sealed class CompareModel(TermsOfReferenceService terms) : PageModel
{
    [FromQuery(Name = "from")] public string? From { get; set; }
    [FromQuery(Name = "to")] public string? To { get; set; }

    public IReadOnlyList<TermsOfReferenceView> Versions { get; private set; } = [];
    public TermsOfReferenceView? FromVersion { get; private set; }
    public TermsOfReferenceView? ToVersion { get; private set; }
    public TextComparison? Comparison { get; private set; }

    public string? Error(string key) => ModelState[key]?.Errors.FirstOrDefault()?.ErrorMessage;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Versions = await terms.ListAsync(ct);
        if (Versions.Count < 2)
        {
            return Page();
        }

        // By default: the version in force (or the newest) against the one it replaced.
        var newest = Versions.FirstOrDefault(v => v.IsCurrent) ?? Versions[0];
        var index = Versions.ToList().IndexOf(newest);
        var older = index + 1 < Versions.Count ? Versions[index + 1] : Versions[index - 1];
        FromVersion = Pick("from", From, older, "the earlier version");
        ToVersion = Pick("to", To, newest, "the later version");
        if (FromVersion is not null && ToVersion is not null && FromVersion.Id == ToVersion.Id)
        {
            ModelState.AddModelError("to", "Select two different versions to compare");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Comparison = TermsOfReferenceDiff.Compare(FromVersion!.Text, ToVersion!.Text);
        return Page();
    }

    private TermsOfReferenceView? Pick(string key, string? value, TermsOfReferenceView fallback, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        var found = Guid.TryParse(value, out var id) ? Versions.FirstOrDefault(v => v.Id == id) : null;
        if (found is null)
        {
            ModelState.AddModelError(key, $"Select {what} from the list");
        }

        return found;
    }

    public static string Lines(int n) => n == 1 ? "1 line" : $"{n} lines";
}
