using Microsoft.AspNetCore.Mvc;
using SeriousCases.Core.Actions;

namespace SeriousCases.Web.Pages.Actions;

/// <summary>The owner (or anyone who may update the activity) records a dated progress update.</summary>
public sealed class ProgressModel(ActionRegisterService register) : ActivityFormModel(register)
{
    [BindProperty(Name = "note")] public string? Note { get; set; }

    protected override string FirstField => "note";

    protected override bool Allowed(ActivityDetail detail) => detail.MayUpdate;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await OpenAsync(id, ct) ? Page() : Forbid();

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) => SaveAsync(id, async user =>
    {
        var a = await Register.AddUpdateAsync(id, Version, Note, user, ct);
        return $"Progress update added to {a.Reference}";
    }, ct);
}
