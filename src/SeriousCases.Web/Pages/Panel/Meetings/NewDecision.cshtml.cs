using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;
using SeriousCases.Core.Panel;
using SeriousCases.Core.ReferenceData;
using SeriousCases.Web.Infrastructure.Authentication;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Panel.Meetings;

/// <summary>The secretariat records a decision; the service gives it the meeting's next number. Work the decision
/// commissions enters the action register with its owner team, accountable Director General and due date.</summary>
public sealed class NewDecisionModel(PanelOutcomeService outcomes, SeriousCasesDbContext db) : OutcomeFormModel(db)
{
    [BindProperty(Name = "text")] public string? Text { get; set; }
    [BindProperty(Name = "agendaItem")] public string? AgendaItem { get; set; }
    [BindProperty(Name = "commissionsWork")] public string? CommissionsWork { get; set; }
    [BindProperty(Name = "workText")] public string? WorkText { get; set; }
    [BindProperty(Name = "owner")] public string? Owner { get; set; }
    [BindProperty(Name = "directorGeneral")] public string? DirectorGeneral { get; set; }
    public DateFields DueOn { get; private set; } = DateFields.Empty;

    public IReadOnlyList<(int Number, string Title)> Agenda { get; private set; } = [];

    public bool Commissions => CommissionsWork == "yes";

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        int? item = null;
        if (!string.IsNullOrWhiteSpace(AgendaItem))
        {
            if (int.TryParse(AgendaItem, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                item = n;
            }
            else
            {
                ModelState.AddModelError("agendaItem", "Select an agenda item from the list");
            }
        }

        DateOnly? due = null;
        if (Commissions)
        {
            DueOn = DateInput.Read(k => Request.Form[k], "dueOn");
            due = DateInput.Parse(ModelState, "dueOn", "The due date", DueOn);
        }

        return await SaveAsync(id, async () =>
        {
            var added = await outcomes.AddDecisionAsync(id, new NewDecisionInput
            {
                Text = Text,
                AgendaItem = item,
                CommissionsWork = Commissions,
                WorkText = Commissions ? WorkText : null,
                Owner = Commissions ? Owner : null,
                DirectorGeneral = Commissions ? DirectorGeneral : null,
                DueOn = due,
            }, User.RegisterUser(), ct, ModelState.Unreadable("agendaItem", "dueOn"));
            return added.Work is { } work
                ? $"Decision {added.Decision.Number} added, and its work to the action register as {work.Reference}"
                : $"Decision {added.Decision.Number} added";
        }, ct);
    }

    protected override async Task LoadAsync(Guid id, CancellationToken ct)
    {
        await base.LoadAsync(id, ct);
        Agenda = [.. (await Db.AgendaItems.AsNoTracking().Where(a => a.PanelMeetingId == id).OrderBy(a => a.Number).Select(a => new { a.Number, a.Title }).ToListAsync(ct))
            .Select(a => (a.Number, a.Title))];
    }

    public static string Anchor(string key) => key switch
    {
        "dueOn" => "dueOn-day",
        "commissionsWork" => "commissionsWork",
        _ => key,
    };

    public static readonly string[] FieldOrder = ["text", "agendaItem", "commissionsWork", "workText", "owner", "directorGeneral", "dueOn"];
}
