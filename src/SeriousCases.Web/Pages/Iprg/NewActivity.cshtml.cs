using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Common;
using SeriousCases.Core.Investigations;
using SeriousCases.Core.Iprg;
using SeriousCases.Core.ReferenceData;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Iprg;

/// <summary>The group agrees an activity for one finding.</summary>
public sealed class NewActivityModel(IprgService iprg) : PageModel
{
    [BindProperty(Name = "owner")] public string? Owner { get; set; }
    [BindProperty(Name = "serviceLine")] public string? ServiceLine { get; set; }
    [BindProperty(Name = "text")] public string? Text { get; set; }
    public DateFields DueOn { get; private set; } = DateFields.Empty;
    public ReviewView View { get; private set; } = null!;
    public Finding Finding { get; private set; } = null!;
    public IReadOnlyList<OwnerTeam> Owners { get; private set; } = [];
    public IReadOnlyList<ServiceLine> Lines { get; private set; } = [];

    public async Task OnGetAsync(Guid id, Guid findingId, CancellationToken ct)
    {
        await LoadAsync(id, findingId, ct);
        ServiceLine = Finding.ServiceLine!.Code;
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid findingId, CancellationToken ct)
    {
        DueOn = DateInput.Read(k => Request.Form[k], "dueOn");
        var due = DateInput.Parse(ModelState, "dueOn", "The due date", DueOn);
        try
        {
            // Date boxes that make no date arrive as no date: the service refuses it too, so nothing is
            // stored while the page shows the error about the boxes.
            await iprg.AddActivityAsync(findingId, Owner, ServiceLine, Text, due, ct);
            return Redirect($"/iprg/{id}");
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex);
        }

        await LoadAsync(id, findingId, ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(Guid id, Guid findingId, CancellationToken ct)
    {
        View = await iprg.GetAsync(id, ct);
        Finding = View.Findings.SingleOrDefault(f => f.Id == findingId) ?? throw new RecordNotFoundException("The finding");
        (Owners, Lines) = await iprg.ChoicesAsync(ct);
    }
}
