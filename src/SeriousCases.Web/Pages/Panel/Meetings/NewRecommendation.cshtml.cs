using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;
using SeriousCases.Core.Panel;
using SeriousCases.Core.ReferenceData;
using SeriousCases.Web.Infrastructure.Authentication;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Panel.Meetings;

/// <summary>The secretariat records a recommendation: one Director General or committee accountable, a sponsoring owner
/// team and any contributing teams. It enters the action register as the meeting's next Rn.</summary>
public sealed class NewRecommendationModel(PanelOutcomeService outcomes, SeriousCasesDbContext db) : OutcomeFormModel(db)
{
    [BindProperty(Name = "text")] public string? Text { get; set; }
    [BindProperty(Name = "directorGeneral")] public string? DirectorGeneral { get; set; }
    [BindProperty(Name = "owner")] public string? Owner { get; set; }
    [BindProperty(Name = "contributors")] public List<string> Contributors { get; set; } = [];
    [BindProperty(Name = "responsiblePerson")] public string? ResponsiblePerson { get; set; }
    public DateFields DueOn { get; private set; } = DateFields.Empty;


    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        DueOn = DateInput.Read(k => Request.Form[k], "dueOn");
        var due = DateInput.Parse(ModelState, "dueOn", "The due date", DueOn);
        return await SaveAsync(id, async () =>
        {
            var added = await outcomes.AddRecommendationAsync(id, new NewRecommendationInput
            {
                Text = Text,
                DirectorGeneral = DirectorGeneral,
                Owner = Owner,
                Contributors = Contributors,
                ResponsiblePerson = ResponsiblePerson,
                DueOn = due,
            }, User.RegisterUser(), ct, ModelState.Unreadable("dueOn"));
            return $"Recommendation R{added.Number} added";
        }, ct);
    }

    public static string Anchor(string key) => key switch
    {
        "dueOn" => "dueOn-day",
        "contributors" => "contributors-0",
        _ => key,
    };

    public static readonly string[] FieldOrder = ["text", "directorGeneral", "owner", "contributors", "responsiblePerson", "dueOn"];
}
