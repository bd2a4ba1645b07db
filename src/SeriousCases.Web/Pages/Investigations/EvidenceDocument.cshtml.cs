using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Investigations;
using SeriousCases.Web.Infrastructure.Authentication;

namespace SeriousCases.Web.Pages.Investigations;

/// <summary>Downloads one document of an IPR's evidence log: the stored bytes, as an attachment, audited as an export.</summary>
public sealed class EvidenceDocumentModel(EvidenceService evidence) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid documentId, CancellationToken ct)
    {
        var download = await evidence.DownloadAsync(id, documentId, User.Requester(), ct);
        return Download(Response, download);
    }

    /// <summary>The file as an attachment under its stored type, never sniffed into something the browser runs.</summary>
    public static FileContentResult Download(HttpResponse response, EvidenceDownload download)
    {
        response.Headers.XContentTypeOptions = "nosniff";
        return new FileContentResult(download.Content, download.ContentType) { FileDownloadName = download.FileName };
    }
}
