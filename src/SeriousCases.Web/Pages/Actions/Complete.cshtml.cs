using Microsoft.AspNetCore.Mvc;
using SeriousCases.Core.Actions;

namespace SeriousCases.Web.Pages.Actions;

/// <summary>The owner reports the activity complete with its evidence and learning outcome; it counts as complete
/// only once the IPRG or the secretariat assures the evidence.</summary>
public sealed class CompleteModel(ActionRegisterService register) : ActivityFormModel(register)
{
    [BindProperty(Name = "evidence")] public string? Evidence { get; set; }
    [BindProperty(Name = "outcome")] public string? Outcome { get; set; }

    protected override string FirstField => "evidence";

    protected override bool Allowed(ActivityDetail detail) => detail.MayUpdate;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await OpenAsync(id, ct))
        {
            return Forbid();
        }

        // After "partly assured" the owner adds to what they sent, rather than starting again.
        (Evidence, Outcome) = (Detail.Activity.EvidenceOfCompletion, Detail.Activity.LearningOutcome);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) => SaveAsync(id, async user =>
    {
        var a = await Register.ReportCompleteAsync(id, Version, Evidence, Outcome, user, ct);
        return $"{a.Reference} reported complete. It counts as complete once {Assurer(a)} assures the evidence";
    }, ct);
}
