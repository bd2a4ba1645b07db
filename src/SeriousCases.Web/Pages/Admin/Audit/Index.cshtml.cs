using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Audit;

namespace SeriousCases.Web.Pages.Admin.Audit;

public sealed record DateFields(string? Day, string? Month, string? Year)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);
}

public sealed class IndexModel(IAuditReader search) : PageModel
{
    [FromQuery(Name = "type")] public string? Type { get; set; }
    [FromQuery(Name = "record")] public string? Record { get; set; }
    [FromQuery(Name = "actor")] public string? Actor { get; set; }
    [FromQuery(Name = "action")] public AuditAction? Action { get; set; }
    [FromQuery(Name = "after")] public long? After { get; set; }
    public DateFields From { get; set; } = new(null, null, null);
    public DateFields To { get; set; } = new(null, null, null);
    public IReadOnlyList<string> EntityTypes { get; private set; } = [];
    public AuditPage? Results { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        From = ReadDate("from");
        To = ReadDate("to");
        var from = ParseDate("from", "From", From);
        var to = ParseDate("to", "To", To);
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

    private DateFields ReadDate(string name) =>
        new(Request.Query[$"{name}.day"], Request.Query[$"{name}.month"], Request.Query[$"{name}.year"]);

    private DateOnly? ParseDate(string key, string label, DateFields fields)
    {
        if (fields.IsEmpty)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(fields.Day) || string.IsNullOrWhiteSpace(fields.Month) || string.IsNullOrWhiteSpace(fields.Year))
        {
            var missing = new[] { ("day", fields.Day), ("month", fields.Month), ("year", fields.Year) }
                .Where(p => string.IsNullOrWhiteSpace(p.Item2)).Select(p => p.Item1);
            ModelState.AddModelError(key, $"{label} date must include a {string.Join(" and ", missing)}");
            return null;
        }

        if (int.TryParse(fields.Day, out var d) && int.TryParse(fields.Month, out var m) && int.TryParse(fields.Year, out var y)
            && y is >= 2000 and <= 2100 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
        {
            return new DateOnly(y, m, d);
        }

        ModelState.AddModelError(key, $"{label} date must be a real date");
        return null;
    }
}
