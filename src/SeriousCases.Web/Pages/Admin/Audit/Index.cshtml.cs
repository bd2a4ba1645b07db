using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Audit;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Admin.Audit;

public sealed class IndexModel(IAuditReader search) : PageModel
{
    [FromQuery(Name = "type")] public string? Type { get; set; }
    [FromQuery(Name = "record")] public string? Record { get; set; }
    [FromQuery(Name = "actor")] public string? Actor { get; set; }
    [FromQuery(Name = "action")] public AuditAction? Action { get; set; }
    [FromQuery(Name = "after")] public long? After { get; set; }
    public DateFields From { get; set; } = DateFields.Empty;
    public DateFields To { get; set; } = DateFields.Empty;
    public IReadOnlyList<string> EntityTypes { get; private set; } = [];
    public AuditPage? Results { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        From = DateInput.Read(k => Request.Query[k], "from");
        To = DateInput.Read(k => Request.Query[k], "to");
        var from = DateInput.Parse(ModelState, "from", "From date", From);
        var to = DateInput.Parse(ModelState, "to", "To date", To);
        if (from is not null && to is not null && to < from)
        {
            ModelState.AddModelError("to", "The ‘to’ date must be the same as or after the ‘from’ date");
        }

        EntityTypes = search.EntityTypes();
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Results = await search.SearchAsync(new AuditFilter(Type, Record, Actor, Action, from, to), After, ct);
        return Page();
    }

    public string NextPageUrl(long after)
    {
        var query = Request.Query.Where(q => q.Key != "after")
            .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}")
            .Append($"after={after.ToString(CultureInfo.InvariantCulture)}");
        return "/admin/audit?" + string.Join('&', query);
    }

    public static string Describe(AuditAction action) => action switch
    {
        AuditAction.Create => "Created",
        AuditAction.Update => "Changed",
        AuditAction.Delete => "Deleted",
        AuditAction.View => "Viewed",
        AuditAction.SignIn => "Signed in",
        AuditAction.Export => "Exported",
        AuditAction.Import => "Imported",
        AuditAction.AccessRefused => "Refused access",
        _ => action.ToString(),
    };

    /// <summary>The names of the fields an entry touched, for the list (values are on the entry page).</summary>
    public static string FieldNames(AuditEntry entry)
    {
        if (string.IsNullOrEmpty(entry.Changes))
        {
            return "";
        }

        using var doc = JsonDocument.Parse(entry.Changes);
        return doc.RootElement.ValueKind == JsonValueKind.Object
            ? string.Join(", ", doc.RootElement.EnumerateObject().Select(p => p.Name))
            : "";
    }
}
