using Microsoft.AspNetCore.Mvc;
using SeriousCases.Core.Common;
using SeriousCases.Core.Publication;

namespace SeriousCases.Web.Pages.Publication;

/// <summary>One edition: its steps and who did them, the counting rules, the hits and flags to decide, and the
/// step that comes next (check, approve, publish). Each form posts to its own handler.</summary>
public sealed class EditionModel(EditionService editions) : EditionPageModel(editions)
{
    /// <summary>What was typed in each decision form, by its field name, kept when the page is shown again.</summary>
    public Dictionary<string, string> Typed { get; } = [];

    public async Task OnGetAsync(Guid id, CancellationToken ct) => await OpenAsync(id, ct);

    public Task<IActionResult> OnPostCheckAsync(Guid id, CancellationToken ct) =>
        SaveAsync(id, "workflow", async () =>
        {
            var e = await Editions.CheckAsync(id, Version, ct);
            return $"{e.YearLabel} edition {e.EditionNumber} is checked";
        }, ct);

    public Task<IActionResult> OnPostReturnAsync(Guid id, CancellationToken ct) =>
        SaveAsync(id, "workflow", async () =>
        {
            var e = await Editions.ReturnToDraftAsync(id, Version, ct);
            return $"{e.YearLabel} edition {e.EditionNumber} is back in draft";
        }, ct);

    public Task<IActionResult> OnPostRescanAsync(Guid id, CancellationToken ct) =>
        SaveAsync(id, "workflow", async () =>
        {
            await Editions.RescanDraftAsync(id, ct);
            return "Every text was checked again against the case records";
        }, ct);

    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct) =>
        SaveAsync(id, "workflow", async () =>
        {
            var e = await Editions.ApproveAsync(id, Version, ct);
            return $"{e.YearLabel} edition {e.EditionNumber} is approved";
        }, ct);

    public Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct) =>
        SaveAsync(id, "workflow", async () =>
        {
            var e = await Editions.PublishAsync(id, Version, ct);
            return $"{e.YearLabel} edition {e.EditionNumber} is published";
        }, ct);

    public Task<IActionResult> OnPostDecideAsync(Guid id, string field, EditionDecisionKind kind, string location, string key, string? reason, CancellationToken ct)
    {
        var name = Field(field);
        Typed[name] = reason ?? "";
        return SaveAsync(id, name, async () =>
        {
            await Editions.DecideAsync(id, Version, kind, location, key, reason, ct);
            return "Decision recorded";
        }, ct);
    }

    public Task<IActionResult> OnPostSmallNumbersAsync(Guid id, string? reason, CancellationToken ct)
    {
        Typed["smallReason"] = reason ?? "";
        return SaveAsync(id, "smallReason", async () =>
        {
            await Editions.DecideSmallNumbersAsync(id, Version, reason, ct);
            return "Small numbers accepted";
        }, ct);
    }

    public string TypedFor(string field) => Typed.GetValueOrDefault(field, "");

    /// <summary>Only the form field names this page writes ("id-3", "mi-0").</summary>
    private static string Field(string? field) =>
        field is { Length: <= 12 } f && (f.StartsWith("id-", StringComparison.Ordinal) || f.StartsWith("mi-", StringComparison.Ordinal))
            && int.TryParse(f.AsSpan(3), out _) ? f : "workflow";

    public string TextHref(string location) => $"/publication/{Edition.Id}/text?location={Uri.EscapeDataString(location)}";

    public static string When(DateTime? at) => at is { } t ? UkTime.Format(t) : "";
}
