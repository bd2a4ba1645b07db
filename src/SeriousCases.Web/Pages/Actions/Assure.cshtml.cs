using Microsoft.AspNetCore.Mvc;
using SeriousCases.Core.Actions;

namespace SeriousCases.Web.Pages.Actions;

/// <summary>The IPRG (for IPR activities) or the secretariat grades the evidence of a reported completion.</summary>
public sealed class AssureModel(ActionRegisterService register) : ActivityFormModel(register)
{
    [BindProperty(Name = "grade")] public AssuranceGrade? Grade { get; set; }
    [BindProperty(Name = "supersededBy")] public string? SupersededBy { get; set; }
    [BindProperty(Name = "note")] public string? Note { get; set; }

    protected override string FirstField => "grade";

    protected override bool Allowed(ActivityDetail detail) => detail.MayAssure;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await OpenAsync(id, ct) ? Page() : Forbid();

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        // A value that is not one of the radios binds as nothing; the service then asks for a choice.
        ModelState.Remove("grade");
        return SaveAsync(id, async user =>
        {
            var a = await Register.AssureAsync(id, Version, Grade, Note, SupersededBy, user, ct);
            return $"Assurance recorded for {a.Reference}: {ActivityRules.Describe(Grade!.Value).ToLowerInvariant()}";
        }, ct);
    }

    public static readonly (AssuranceGrade Grade, string Hint)[] Choices =
    [
        (AssuranceGrade.Assured, "The evidence shows the activity was delivered. It counts as complete."),
        (AssuranceGrade.PartlyAssured, "Some of the evidence is missing. The owner adds to it and reports completion again."),
        (AssuranceGrade.NotAssuredReopened, "The activity goes back to the owner as in progress."),
        (AssuranceGrade.Superseded, "Another activity in the register replaces this one. This one closes."),
    ];
}
