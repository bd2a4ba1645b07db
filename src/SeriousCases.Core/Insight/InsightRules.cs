using System.Globalization;
using SeriousCases.Core.Common;
using SeriousCases.Core.ReferenceData;

namespace SeriousCases.Core.Insight;

/// <summary>An insight item as entered on the form, sent to the API or read from an import row: all text,
/// as typed, so a bad value can be reported and shown back unchanged.</summary>
public sealed record InsightInput
{
    public string? Source { get; init; }
    public string? ExternalReference { get; init; }
    public string? ReceivedOn { get; init; }
    /// <summary>Service line names or abbreviations; an import cell separates them with ";".</summary>
    public IReadOnlyList<string> ServiceLines { get; init; } = [];
    public string? Summary { get; init; }
    public string? Severity { get; init; }
    public string? ResponseDueOn { get; init; }
    /// <summary>Theme codes or names a person coded the item with (the form; an import leaves items uncoded).</summary>
    public IReadOnlyList<string> Themes { get; init; } = [];
    /// <summary>The theme codes the form suggested and ticked in advance; none when suggestions were not asked for.</summary>
    public IReadOnlyList<string> SuggestedThemes { get; init; } = [];
}

/// <summary>What the rules need to know of reference data: sources and service lines by code, name or abbreviation.</summary>
public sealed class InsightReference
{
    private readonly Dictionary<string, InsightSource> sources = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Guid> lines = new(StringComparer.OrdinalIgnoreCase);

    public InsightReference(IEnumerable<InsightSource> sources, IEnumerable<ServiceLine> lines)
    {
        foreach (var s in sources.Where(s => s.IsActive))
        {
            this.sources[s.Code] = s;
            this.sources[s.Name] = s;
        }

        foreach (var l in lines.Where(l => l.IsActive))
        {
            this.lines[l.Name] = l.Id;
            this.lines.TryAdd(l.Abbreviation, l.Id);
            this.lines.TryAdd(l.Code, l.Id);
        }
    }

    public InsightSource? Source(string value) => sources.GetValueOrDefault(value.Trim());

    public Guid? Line(string value) => lines.TryGetValue(value.Trim(), out var id) ? id : null;
}

/// <summary>A valid item, ready to store.</summary>
public sealed record ValidInsight(InsightSource Source, string ExternalReference, DateOnly ReceivedOn, IReadOnlyList<Guid> ServiceLineIds,
    string Summary, int? Severity, DateOnly? ResponseDueOn);

/// <summary>The rules for one insight item, the same for the form, the API and every import row. Errors
/// are keyed by the field's API name, which is also the import's column name.</summary>
public static class InsightRules
{
    public const int ExternalReferenceMax = 100;
    public const int SummaryMax = 4000;

    public static ValidInsight? Validate(InsightInput input, InsightReference reference, DateOnly today, ValidationErrors errors)
    {
        var source = string.IsNullOrWhiteSpace(input.Source) ? null : reference.Source(input.Source);
        if (string.IsNullOrWhiteSpace(input.Source))
        {
            errors.Add("source", "Select the source of the insight");
        }
        else if (source is null)
        {
            errors.Add("source", $"\"{Shorten(input.Source)}\" is not a source the service knows. Use a source's code or name from the reference data");
        }

        var externalReference = input.ExternalReference?.Trim() ?? "";
        if (externalReference.Length == 0)
        {
            errors.Add("externalReference", "Enter the source's own reference, for example the complaint number");
        }
        else if (externalReference.Length > ExternalReferenceMax)
        {
            errors.Add("externalReference", $"The reference must be {ExternalReferenceMax} characters or fewer");
        }

        var received = Date(input.ReceivedOn, "receivedOn", "the date it was received", errors);
        if (received > today)
        {
            errors.Add("receivedOn", "The date it was received must be today or in the past");
            received = null;
        }

        var lineIds = new List<Guid>();
        foreach (var name in input.ServiceLines.Where(n => !string.IsNullOrWhiteSpace(n)))
        {
            if (reference.Line(name) is { } id)
            {
                if (!lineIds.Contains(id))
                {
                    lineIds.Add(id);
                }
            }
            else
            {
                errors.Add("serviceLines", $"\"{Shorten(name)}\" is not a service line. Use a service line's name or abbreviation, for example Universal Credit or UC");
            }
        }

        var summary = input.Summary?.Trim() ?? "";
        if (summary.Length == 0)
        {
            errors.Add("summary", "Enter a summary of the insight");
        }
        else if (summary.Length > SummaryMax)
        {
            errors.Add("summary", $"The summary must be {SummaryMax} characters or fewer");
        }

        int? severity = null;
        if (!string.IsNullOrWhiteSpace(input.Severity))
        {
            if (int.TryParse(input.Severity.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s is >= 1 and <= 5)
            {
                severity = s;
            }
            else
            {
                errors.Add("severity", "Severity must be a whole number from 1 (low) to 5 (death or serious harm)");
            }
        }

        var due = Date(input.ResponseDueOn, "responseDueOn", "the response due date", errors);
        if (due is not null && received is not null && due < received)
        {
            errors.Add("responseDueOn", "The response due date must be on or after the date it was received");
        }

        if (source is null || externalReference.Length is 0 or > ExternalReferenceMax || received is null
            || summary.Length is 0 or > SummaryMax || errors.Has("serviceLines") || errors.Has("severity") || errors.Has("responseDueOn"))
        {
            return null;
        }

        return new ValidInsight(source, externalReference, received.Value, lineIds, summary, severity, due ?? ResponseDue(source, received.Value));
    }

    /// <summary>The response deadline a source sets, counted from receipt (a Prevention of Future Deaths report: 56 days).</summary>
    public static DateOnly? ResponseDue(InsightSource source, DateOnly receivedOn) =>
        source.ResponseDays is { } days ? receivedOn.AddDays(days) : null;

    private static DateOnly? Date(string? value, string field, string what, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (field == "receivedOn")
            {
                errors.Add(field, $"Enter {what}");
            }

            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(field, $"{char.ToUpperInvariant(what[0])}{what[1..]} must be a real date written as year-month-day, for example 2026-03-27");
        return null;
    }

    private static string Shorten(string value) => value.Length <= 40 ? value.Trim() : value[..40].Trim() + "…";
}
