using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Common;
using SeriousCases.Core.Investigations;
using SeriousCases.Core.ReferenceData;
using SeriousCases.Core.Themes;
using SeriousCases.Web.Infrastructure.Authentication;
using SeriousCases.Web.Infrastructure.GovUk;
using SeriousCases.Web.Pages.Themes;

namespace SeriousCases.Web.Pages.Investigations;

/// <summary>Records one item of learning identified on an IPR. "Suggest themes" re-renders the form with every value kept,
/// the suggested themes ticked, and the earlier findings that say the same thing; the person keeps or changes the ticks.</summary>
public sealed class NewFindingModel(InvestigationService investigations, ThemeClassifierService classifier, RepeatLearningService repeat, TimeProvider clock) : PageModel
{
    [BindProperty(Name = "text")] public string? Text { get; set; }
    [BindProperty(Name = "serviceLine")] public string? ServiceLine { get; set; }
    [BindProperty(Name = "themes")] public List<string> Themes { get; set; } = [];

    /// <summary>The theme codes the suggestion ticked, carried to the save to record whether they were kept.</summary>
    [BindProperty(Name = "suggested")] public string? Suggested { get; set; }

    /// <summary>Whether the person asked for suggestions (kept so a save with errors shows them again).</summary>
    [BindProperty(Name = "asked")] public bool Asked { get; set; }

    public InvestigationView View { get; private set; } = null!;
    public IReadOnlyList<ServiceLine> Lines { get; private set; } = [];
    public IReadOnlyList<Theme> ThemeChoices { get; private set; } = [];
    public ThemeSuggestions? Suggestions { get; private set; }
    public SimilarFindingsView? Similar { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        // The case's own service lines are the likely ones: offer the first when there is only one.
        ServiceLine = View.Investigation.ServiceLines.Count == 1 ? View.Investigation.ServiceLines[0].ServiceLine!.Code : null;
    }

    public async Task<IActionResult> OnPostSuggestAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (string.IsNullOrWhiteSpace(Text))
        {
            ModelState.AddModelError("text", "Enter the learning identified to have themes suggested for it");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Asked = true;
        Suggestions = await classifier.SuggestAsync(Text, ct);
        // The person's own ticks stay; the suggested ones are added. What is ticked now is "the suggestion" they accept or change.
        var preTicked = ThemeSuggestionRules.PreTicked(Suggestions.Themes);
        Themes = [.. Themes.Concat(preTicked).Distinct(StringComparer.OrdinalIgnoreCase)];
        Suggested = preTicked.Count == 0 ? null : string.Join(',', Themes);
        await LoadSimilarAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        try
        {
            await investigations.AddFindingAsync(id, Text, ServiceLine, Themes, ThemeSuggestionRules.Parse(Suggested), User.Requester(), ct);
            TempData["Moved"] = "Learning identified added";
            return Redirect($"/investigations/{id}");
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex);
        }

        await LoadAsync(id, ct);
        if (Asked && !string.IsNullOrWhiteSpace(Text))
        {
            // Show the suggestion again as it was, with the person's ticks as they left them.
            Suggestions = await classifier.SuggestAsync(Text, ct);
            await LoadSimilarAsync(id, ct);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        View = await investigations.GetAsync(id, User.Requester(), ct);
        (Lines, ThemeChoices) = await investigations.FindingChoicesAsync(ct);
    }

    private async Task LoadSimilarAsync(Guid id, CancellationToken ct)
    {
        var similar = await repeat.SimilarToTextAsync(Text!, id, 10, ct);
        var linked = await repeat.WorkedByAsync([.. similar.Select(s => s.Finding.InvestigationId)], User.Requester(), ct);
        Similar = new SimilarFindingsView(similar, linked, UkTime.Today(clock));
    }
}
