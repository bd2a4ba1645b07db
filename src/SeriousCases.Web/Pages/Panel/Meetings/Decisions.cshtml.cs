using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Data;
using SeriousCases.Core.Panel;
using SeriousCases.Web.Infrastructure.Authorization;

namespace SeriousCases.Web.Pages.Panel.Meetings;

/// <summary>A meeting's decisions, action points (with their progress in the action register) and recommendations. Panel
/// members read them; the secretariat adds them.</summary>
public sealed class DecisionsModel(PanelOutcomeService outcomes, SeriousCasesDbContext db, IAuthorizationService authorization) : PageModel
{
    public Guid Id { get; private set; }
    public DateOnly MeetingOn { get; private set; }
    public MeetingOutcomes Outcomes { get; private set; } = new([], [], []);
    public bool MayAdd { get; private set; }
    public bool MaySeeRegister { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        MeetingOn = await OutcomeForms.MeetingOnAsync(db, id, ct);
        Outcomes = await outcomes.GetAsync(id, ct);
        MayAdd = (await authorization.AuthorizeAsync(User, Policies.RunPanel)).Succeeded;
        MaySeeRegister = (await authorization.AuthorizeAsync(User, Policies.ActionRegister)).Succeeded;
    }
}
