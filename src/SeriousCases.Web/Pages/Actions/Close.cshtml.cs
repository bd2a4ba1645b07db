using Microsoft.AspNetCore.Mvc;
using SeriousCases.Core.Actions;

namespace SeriousCases.Web.Pages.Actions;

/// <summary>Closes an activity that will not be completed, with the reason: for those who assure it only.</summary>
public sealed class CloseModel(ActionRegisterService register) : ActivityFormModel(register)
{
    [BindProperty(Name = "reason")] public string? Reason { get; set; }

    protected override string FirstField => "reason";

    protected override bool Allowed(ActivityDetail detail) => detail.MayAssure;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await OpenAsync(id, ct) ? Page() : Forbid();

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) => SaveAsync(id, async user =>
    {
        var a = await Register.CloseAsync(id, Version, Reason, user, ct);
        return $"{a.Reference} closed without completion";
    }, ct);
}
