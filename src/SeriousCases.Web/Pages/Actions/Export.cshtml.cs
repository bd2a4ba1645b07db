using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Actions;
using SeriousCases.Core.Audit;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;
using SeriousCases.Web.Infrastructure.Authentication;

namespace SeriousCases.Web.Pages.Actions;

/// <summary>Every activity the register shows for these filters (all pages, not just the first) as CSV, for the
/// secretariat's and owners' own tracking. The export is audited with its filters and row count.</summary>
public sealed class ExportModel(ActionRegisterService register, SeriousCasesDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = User.RegisterUser();
        var isOwner = user.Is(RegisterRoles.Owner);
        var filters = RegisterFilters.Read(Request.Query, isOwner);
        // Every page of the selection is read, so no page needs to count it.
        var query = filters.ToQuery(ModelState, null, ActionRegisterService.MaxPageSize) is { } read ? read with { CountUpTo = 0 } : null;
        if (query is null)
        {
            return BadRequest();
        }

        // Read everything before writing a byte: a bad filter answers 400, not half a file.
        var rows = new List<ActivityRow>();
        try
        {
            string? after = null;
            do
            {
                var page = await register.ListAsync(query with { After = after }, user, ct);
                rows.AddRange(page.Rows);
                after = page.NextAfter;
            }
            while (after is not null);
        }
        catch (DomainValidationException)
        {
            return BadRequest();
        }

        db.RecordEvent(AuditAction.Export, nameof(AgreedActivity), "register",
            $"Action register CSV, {rows.Count.ToString(CultureInfo.InvariantCulture)} activities; filters: {(filters.Describe() is { Count: > 0 } words ? string.Join(", ", words) : "none")}");
        await db.SaveAuditEventsAsync(ct);

        return File(await ActivityCsv.WriteAsync(rows, ct), "text/csv; charset=utf-8", "action-register.csv");
    }
}
