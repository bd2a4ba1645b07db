using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;
using SeriousCases.Core.Panel;
using SeriousCases.Core.ReferenceData;
using SeriousCases.Web.Infrastructure.Authentication;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Panel.Meetings;

/// <summary>The secretariat records an action point: it enters the action register as the meeting's next APn.</summary>
public sealed class NewActionPointModel(PanelOutcomeService outcomes, SeriousCasesDbContext db) : OutcomeFormModel(db)
{
    [BindProperty(Name = "text")] public string? Text { get; set; }
    [BindProperty(Name = "owner")] public string? Owner { get; set; }
    [BindProperty(Name = "responsiblePerson")] public string? ResponsiblePerson { get; set; }
    [BindProperty(Name = "timescale")] public string? Timescale { get; set; }
    public DateFields DueOn { get; private set; } = DateFields.Empty;


    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        DueOn = DateInput.Read(k => Request.Form[k], "dueOn");
        var due = DateInput.Parse(ModelState, "dueOn", "The due date", DueOn);
        return await SaveAsync(id, async () =>
        {
            var added = await outcomes.AddActionPointAsync(id, new NewActionPointInput
            {
                Text = Text,
                Owner = Owner,
                ResponsiblePerson = ResponsiblePerson,
                Timescale = Timescale,
                DueOn = due,
            }, User.RegisterUser(), ct, ModelState.Unreadable("dueOn"));
            return $"Action point AP{added.Number} added";
        }, ct);
    }

    public static string Anchor(string key) => key == "dueOn" ? "dueOn-day" : key;

    public static readonly string[] FieldOrder = ["text", "owner", "responsiblePerson", "timescale", "dueOn"];
}
