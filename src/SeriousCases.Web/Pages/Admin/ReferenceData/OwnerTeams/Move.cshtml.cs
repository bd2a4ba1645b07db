using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Actions;
using SeriousCases.Core.Common;
using SeriousCases.Web.Infrastructure.Authentication;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Admin.ReferenceData.OwnerTeams;

/// <summary>Moves every open activity of a reorganised or abolished team to its successor, in one step. The team's
/// version travels in a hidden field, so two administrators moving the same team never both succeed.</summary>
public sealed class MoveModel(OwnerTransferService service) : PageModel
{
    public static readonly IReadOnlyList<string> FieldOrder = ["successor", "reason", "abolished"];

    [BindProperty(Name = "successor")] public string? Successor { get; set; }
    [BindProperty(Name = "reason")] public string? Reason { get; set; }
    [BindProperty(Name = "abolished")] public bool? Abolished { get; set; }
    [BindProperty(Name = "version")] public int Version { get; set; }

    public OwnerTeamSummary Team { get; private set; } = null!;
    public IReadOnlyList<OwnerTeamSummary> Successors { get; private set; } = [];
    public bool Conflict { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        Version = Team.Version;
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        try
        {
            var result = await service.TransferAsync(id, Successor, Reason, Abolished, User.RegisterUser(), Version, ct);
            TempData["Saved"] = $"{Moved(result.Moved)} moved from {result.From} to {result.To}{(result.Abolished ? $"; {result.From} is marked abolished" : "")}";
            return Redirect("/admin/reference-data/owner-teams");
        }
        catch (DomainValidationException ex)
        {
            // A value the binder could not read (for example abolished=maybe) has its own message already.
            ModelState.Remove("abolished");
            ModelState.AddDomainErrors(ex);
        }
        catch (ConcurrencyConflictException)
        {
            // Keep what the admin typed; show the counts as they are now, to move with the fresh version.
            Conflict = true;
            ModelState.AddModelError("successor", "Someone else changed this team or its activities while you were on this page. Check the number of open activities below, then move them again");
        }

        await LoadAsync(id, ct);
        if (Conflict)
        {
            ModelState.Remove("version");
            Version = Team.Version;
        }

        Response.StatusCode = Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }

    public static string Moved(int n) => n == 1 ? "1 open activity" : $"{n} open activities";

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Team = await service.GetAsync(id, ct);
        Successors = [.. (await service.ListAsync(ct)).Where(t => t.IsActive && t.Id != id)];
    }
}
