using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Common;
using SeriousCases.Core.Insight;
using SeriousCases.Core.ReferenceData;
using SeriousCases.Core.Themes;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Insight;

/// <summary>Adds one item to the register. Every value typed is shown back when something needs fixing.</summary>
public sealed class NewModel(InsightService insight, ThemeClassifierService classifier) : PageModel
{
    [BindProperty(Name = "source")] public string? Source { get; set; }
    [BindProperty(Name = "externalReference")] public string? ExternalReference { get; set; }
    [BindProperty(Name = "serviceLines")] public List<string> ServiceLines { get; set; } = [];
    [BindProperty(Name = "summary")] public string? Summary { get; set; }
    [BindProperty(Name = "severity")] public string? Severity { get; set; }
    [BindProperty(Name = "referralReference")] public string? ReferralReference { get; set; }
    [BindProperty(Name = "investigationReference")] public string? InvestigationReference { get; set; }
    [BindProperty(Name = "themes")] public List<string> Themes { get; set; } = [];

    /// <summary>The theme codes the suggestion ticked, carried to the save to record whether they were kept.</summary>
    [BindProperty(Name = "suggested")] public string? Suggested { get; set; }

    /// <summary>Whether the person asked for suggestions (kept so a save with errors shows them again).</summary>
    [BindProperty(Name = "asked")] public bool Asked { get; set; }

    public IReadOnlyList<Theme> ThemeChoices { get; private set; } = [];
    public ThemeSuggestions? Suggestions { get; private set; }
    public DateFields ReceivedOn { get; private set; } = DateFields.Empty;
    public DateFields ResponseDueOn { get; private set; } = DateFields.Empty;
    public IReadOnlyList<InsightSource> Sources { get; private set; } = [];
    public IReadOnlyList<ServiceLine> Lines { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>Re-renders the form with every value kept and the themes suggested for the summary ticked.</summary>
    public async Task<IActionResult> OnPostSuggestAsync(CancellationToken ct)
    {
        ReceivedOn = DateInput.Read(k => Request.Form[k], "receivedOn");
        ResponseDueOn = DateInput.Read(k => Request.Form[k], "responseDueOn");
        await LoadAsync(ct);
        if (string.IsNullOrWhiteSpace(Summary))
        {
            ModelState.AddModelError("summary", "Enter a summary to have themes suggested for it");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Asked = true;
        Suggestions = await classifier.SuggestAsync(Summary, ct);
        var preTicked = ThemeSuggestionRules.PreTicked(Suggestions.Themes);
        Themes = [.. Themes.Concat(preTicked).Distinct(StringComparer.OrdinalIgnoreCase)];
        Suggested = preTicked.Count == 0 ? null : string.Join(',', Themes);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ReceivedOn = DateInput.Read(k => Request.Form[k], "receivedOn");
        ResponseDueOn = DateInput.Read(k => Request.Form[k], "responseDueOn");
        var received = DateInput.Parse(ModelState, "receivedOn", "The date it was received", ReceivedOn);
        var due = DateInput.Parse(ModelState, "responseDueOn", "The response due date", ResponseDueOn);
        try
        {
            // Boxes that do not make a date are already reported above; passing them on as not a date
            // makes the rules refuse the item too, so nothing is stored while an error is shown.
            var created = await insight.CreateAsync(new InsightInput
            {
                Source = Source,
                ExternalReference = ExternalReference,
                ReceivedOn = ModelState.HasError("receivedOn") ? NotADate : Iso(received),
                ServiceLines = ServiceLines,
                Summary = Summary,
                Severity = Severity,
                ResponseDueOn = ModelState.HasError("responseDueOn") ? NotADate : Iso(due),
                Themes = Themes,
                SuggestedThemes = ThemeSuggestionRules.Parse(Suggested),
            }, ReferralReference, InvestigationReference, ct);
            TempData["Added"] = $"{created.ExternalReference} added to the register";
            return Redirect($"/insight/{created.Id}");
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex);
        }

        await LoadAsync(ct);
        if (Asked && !string.IsNullOrWhiteSpace(Summary))
        {
            Suggestions = await classifier.SuggestAsync(Summary, ct);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        (Sources, Lines) = await insight.ChoicesAsync(ct);
        ThemeChoices = await insight.ThemeChoicesAsync(ct);
    }

    private const string NotADate = "not a date";

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
