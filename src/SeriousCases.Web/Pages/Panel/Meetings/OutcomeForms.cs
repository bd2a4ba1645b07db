using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;
using SeriousCases.Core.ReferenceData;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Panel.Meetings;

/// <summary>What the decisions and actions pages need of their meeting and reference data.</summary>
public static class OutcomeForms
{
    public const string SavedKey = "PanelOutcomeSaved";

    /// <summary>The meeting's date, or "not found" (the 404 page).</summary>
    public static async Task<DateOnly> MeetingOnAsync(SeriousCasesDbContext db, Guid id, CancellationToken ct) =>
        await db.PanelMeetings.AsNoTracking().Where(m => m.Id == id).Select(m => (DateOnly?)m.MeetingOn).SingleOrDefaultAsync(ct)
            ?? throw new RecordNotFoundException("The Panel meeting");

    public static Task<List<OwnerTeam>> OwnerTeamsAsync(SeriousCasesDbContext db, CancellationToken ct) =>
        db.OwnerTeams.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.ShortName).ToListAsync(ct);

    /// <summary>The first error of a field, for the message beside it.</summary>
    public static string? Error(this ModelStateDictionary modelState, string key) => modelState[key]?.Errors.FirstOrDefault()?.ErrorMessage;

    /// <summary>The fields the page itself found unreadable (a date whose boxes make no date), which the service leaves to the page.</summary>
    public static IReadOnlyCollection<string> Unreadable(this ModelStateDictionary modelState, params string[] keys) =>
        [.. keys.Where(modelState.HasError)];

    public static string Title(DateOnly meetingOn) => UkTime.Format(meetingOn);
}

/// <summary>A form that adds to a meeting's decisions and actions: the meeting and owner teams it shows, and one way to
/// save (the banner and back to the list) or show what to fix with everything entered kept.</summary>
public abstract class OutcomeFormModel(SeriousCasesDbContext db) : PageModel
{
    protected SeriousCasesDbContext Db { get; } = db;

    public Guid Id { get; private set; }
    public DateOnly MeetingOn { get; private set; }
    public IReadOnlyList<OwnerTeam> Owners { get; private set; } = [];

    public string? Error(string key) => ModelState.Error(key);

    public Task OnGetAsync(Guid id, CancellationToken ct) => LoadAsync(id, ct);

    /// <summary>Runs <paramref name="add"/> (which answers the banner to show); a refusal from the service is shown
    /// beside its fields.</summary>
    protected async Task<IActionResult> SaveAsync(Guid id, Func<Task<string>> add, CancellationToken ct)
    {
        try
        {
            TempData[OutcomeForms.SavedKey] = await add();
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

    protected virtual async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        MeetingOn = await OutcomeForms.MeetingOnAsync(Db, id, ct);
        Owners = await OutcomeForms.OwnerTeamsAsync(Db, ct);
    }
}
