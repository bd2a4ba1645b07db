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
public sealed class NewActionPointModel(PanelOutcomeService outcomes, SeriousCasesDbContext db) : PageModel
{
    [BindProperty(Name = "text")] public string? Text { get; set; }
    [BindProperty(Name = "owner")] public string? Owner { get; set; }
    [BindProperty(Name = "responsiblePerson")] public string? ResponsiblePerson { get; set; }
    [BindProperty(Name = "timescale")] public string? Timescale { get; set; }
    public DateFields DueOn { get; private set; } = DateFields.Empty;

    public Guid Id { get; private set; }
    public DateOnly MeetingOn { get; private set; }
    public IReadOnlyList<OwnerTeam> Owners { get; private set; } = [];

    public string? Error(string key) => ModelState.Error(key);

    public Task OnGetAsync(Guid id, CancellationToken ct) => LoadAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        DueOn = DateInput.Read(k => Request.Form[k], "dueOn");
        var due = DateInput.Parse(ModelState, "dueOn", "The due date", DueOn);
        try
        {
            var added = await outcomes.AddActionPointAsync(id, new NewActionPointInput
            {
                Text = Text,
                Owner = Owner,
                ResponsiblePerson = ResponsiblePerson,
                Timescale = Timescale,
                DueOn = due,
            }, User.RegisterUser(), ct, ModelState.Unreadable("dueOn"));
            TempData[OutcomeForms.SavedKey] = $"Action point AP{added.Number} added";
            return Redirect(MeetingNavigation.Href(id, MeetingSection.DecisionsAndActions));
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex);
        }

        await LoadAsync(id, ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        MeetingOn = await OutcomeForms.MeetingOnAsync(db, id, ct);
        Owners = await OutcomeForms.OwnerTeamsAsync(db, ct);
    }

    public static string Anchor(string key) => key == "dueOn" ? "dueOn-day" : key;

    public static readonly string[] FieldOrder = ["text", "owner", "responsiblePerson", "timescale", "dueOn"];
}
