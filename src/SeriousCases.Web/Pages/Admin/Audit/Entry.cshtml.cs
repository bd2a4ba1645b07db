using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Audit;

namespace SeriousCases.Web.Pages.Admin.Audit;

public sealed record FieldChange(string Field, string Before, string After);

public sealed class EntryModel(IAuditReader search) : PageModel
{
    public AuditEntry Entry { get; private set; } = null!;
    public List<FieldChange> Changes { get; } = [];

    public async Task<IActionResult> OnGetAsync(long sequence, CancellationToken ct)
    {
        var entry = await search.FindAsync(sequence, ct);
        if (entry is null)
        {
            return NotFound();
        }

        Entry = entry;
        if (!string.IsNullOrEmpty(entry.Changes))
        {
            using var doc = JsonDocument.Parse(entry.Changes);
            foreach (var property in doc.RootElement.EnumerateObject())
            {
                var value = property.Value;
                if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("before", out var before) && value.TryGetProperty("after", out var after))
                {
                    Changes.Add(new FieldChange(property.Name, Text(before), Text(after)));
                }
                else
                {
                    var text = Text(value);
                    Changes.Add(entry.Action == AuditAction.Delete ? new FieldChange(property.Name, text, "") : new FieldChange(property.Name, "", text));
                }
            }
        }

        return Page();
    }

    private static string Text(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null => "(empty)",
        JsonValueKind.String => e.GetString() ?? "",
        _ => e.GetRawText(),
    };
}
