using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Common;
using SeriousCases.Core.Investigations;
using SeriousCases.Core.ReferenceData;
using SeriousCases.Web.Infrastructure.Authentication;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Investigations;

/// <summary>Adds one contact to the customer journey of an IPR.</summary>
public sealed class NewJourneyContactModel(CustomerJourneyService journey) : PageModel
{
    [BindProperty(Name = "serviceLine")] public string? ServiceLine { get; set; }
    [BindProperty(Name = "channel")] public ContactChannel? Channel { get; set; }
    [BindProperty(Name = "whatHappened")] public string? WhatHappened { get; set; }
    [BindProperty(Name = "source")] public string? Source { get; set; }
    public DateFields OccurredOn { get; private set; } = DateFields.Empty;
    public Investigation Investigation { get; private set; } = null!;
    public IReadOnlyList<ServiceLine> Lines { get; private set; } = [];

    public bool IsGiven(ServiceLine line) => Investigation.ServiceLines.Any(l => l.ServiceLineId == line.Id);

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        ServiceLine = Investigation.ServiceLines.Count == 1 ? Investigation.ServiceLines[0].ServiceLine!.Code : null;
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        OccurredOn = DateInput.Read(k => Request.Form[k], "occurredOn");
        // Contacts may go back decades (National Insurance began in 1948): the service says how far.
        var occurredOn = DateInput.Parse(ModelState, "occurredOn", "The date of the contact", OccurredOn, minYear: 1900);
        try
        {
            var contact = await journey.AddAsync(id, occurredOn, ServiceLine, Channel, WhatHappened, Source, User.Requester(), ct);
            TempData["Moved"] = $"Contact of {UkTime.Format(contact.OccurredOn)} added to the customer journey";
            return Redirect(CaseNavigation.Href(id, CaseSection.Journey));
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
        Investigation = await journey.CaseAsync(id, User.Requester(), ct);
        Lines = await journey.LineChoicesAsync(Investigation, ct);
    }
}
