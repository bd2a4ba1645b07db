using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Investigations;
using SeriousCases.Web.Infrastructure.Authentication;

namespace SeriousCases.Web.Pages.Investigations;

/// <summary>The IPR report as a Word document. Each download is audited as an export and never cached.</summary>
public sealed class ReportDocxModel(IprReportService reports) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var report = await reports.BuildAsync(id, User.Requester(), ReportUse.Export, ct);
        Response.Headers.CacheControl = "no-store";
        return File(IprReportDocx.Write(report), IprReportDocx.ContentType, report.FileName);
    }
}
