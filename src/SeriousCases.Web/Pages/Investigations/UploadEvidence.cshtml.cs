using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Common;
using SeriousCases.Core.Investigations;
using SeriousCases.Web.Infrastructure.Authentication;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Investigations;

/// <summary>Attaches a document to an IPR's evidence log. An upload too large to read is answered with the GOV.UK
/// error on the form, not a failed request: so this page checks the size of the request before reading its
/// form, and validates the antiforgery token itself afterwards (the automatic check would read the form first).</summary>
[IgnoreAntiforgeryToken]
[RequestSizeLimit(EvidenceFileRules.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = EvidenceFileRules.MaxRequestBytes)]
public sealed class UploadEvidenceModel(EvidenceService evidence, CustomerJourneyService journey, IAntiforgery antiforgery) : PageModel
{
    public string? Description { get; private set; }
    public Investigation Investigation { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => Investigation = await journey.CaseAsync(id, User.Requester(), ct);

    /// <summary>Takes no parameters: binding any (even the route's id) would read the form before the size is checked.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var id = Guid.Parse((string)RouteData.Values["id"]!, System.Globalization.CultureInfo.InvariantCulture);
        var ct = HttpContext.RequestAborted;
        try
        {
            if (Request.ContentLength > EvidenceFileRules.MaxRequestBytes || await ReadFormAsync(ct) is not { } form)
            {
                // The body is not read (or not all of it): the answer is the form with the size error.
                await evidence.EnsureMayWorkAsync(id, User.Requester(), ct);
                throw new DomainValidationException("file", EvidenceFileRules.TooLarge);
            }

            if (!await antiforgery.IsRequestValidAsync(HttpContext))
            {
                return BadRequest();
            }

            Description = form["description"];
            var file = form.Files.GetFile("file");
            await using var content = file?.OpenReadStream() ?? Stream.Null;
            var document = await evidence.UploadAsync(id, file is null ? null : new EvidenceUpload(file.FileName, file.Length, content), Description, User.Requester(), ct);
            TempData["Moved"] = $"{document.FileName} uploaded";
            return Redirect(CaseNavigation.Href(id, CaseSection.Evidence));
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddDomainErrors(ex);
        }

        Investigation = await journey.CaseAsync(id, User.Requester(), ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>The form, or null when the body goes over the limits while being read (no length was sent).</summary>
    private async Task<IFormCollection?> ReadFormAsync(CancellationToken ct)
    {
        try
        {
            return await Request.ReadFormAsync(ct);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        catch (InvalidDataException ex) when (ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
    }
}
