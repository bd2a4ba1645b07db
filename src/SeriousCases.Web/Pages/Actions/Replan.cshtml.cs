using Microsoft.AspNetCore.Mvc;
using SeriousCases.Core.Actions;
using SeriousCases.Core.Common;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Actions;

/// <summary>Moves the due date with a reason. The first commitment stays on the activity, so delivery is still
/// measured against it.</summary>
public sealed class ReplanModel(ActionRegisterService register) : ActivityFormModel(register)
{
    [BindProperty(Name = "reason")] public string? Reason { get; set; }
    public DateFields DueOn { get; private set; } = DateFields.Empty;

    protected override string FirstField => "dueOn";

    protected override bool Allowed(ActivityDetail detail) => detail.MayUpdate;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await OpenAsync(id, ct) ? Page() : Forbid();

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        DueOn = DateInput.Read(k => Request.Form[k], "dueOn");
        var due = DateInput.Parse(ModelState, "dueOn", "The new due date", DueOn);
        return SaveAsync(id, async user =>
        {
            var a = await Register.ReplanAsync(id, Version, due, Reason, user, ct);
            return $"{a.Reference} is now due on {UkTime.Format(a.DueOn!.Value)}";
        }, ct);
    }
}
