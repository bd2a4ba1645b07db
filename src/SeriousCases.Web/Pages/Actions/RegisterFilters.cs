using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using SeriousCases.Core.Actions;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Actions;

/// <summary>The register's filters as the query string carries them (the page, the CSV export and saved views share
/// them), read with the GOV.UK date input's error wording.</summary>
public sealed record RegisterFilters
{
    public ActivityState? Status { get; init; }
    public string? Owner { get; init; }
    public string? DirectorGeneral { get; init; }
    public string? ServiceLine { get; init; }
    public ActivityOrigin? Origin { get; init; }
    public DateFields DueFrom { get; init; } = DateFields.Empty;
    public DateFields DueTo { get; init; } = DateFields.Empty;
    public bool Overdue { get; init; }
    public bool DueSoon { get; init; }
    public bool Mine { get; init; }

    /// <summary>Reads the filters. An owner who has not chosen lands on their own teams' activities.</summary>
    public static RegisterFilters Read(IQueryCollection query, bool isOwner)
    {
        static string? Text(IQueryCollection q, string key) => string.IsNullOrWhiteSpace(q[key]) ? null : q[key].ToString().Trim();
        static bool Flag(IQueryCollection q, string key) => string.Equals(q[key], "true", StringComparison.OrdinalIgnoreCase);
        return new RegisterFilters
        {
            Status = Enum.TryParse<ActivityState>(query["status"], out var s) && Enum.IsDefined(s) ? s : null,
            Owner = Text(query, "owner"),
            DirectorGeneral = Text(query, "dg"),
            ServiceLine = Text(query, "serviceLine"),
            Origin = Enum.TryParse<ActivityOrigin>(query["origin"], out var o) && Enum.IsDefined(o) ? o : null,
            DueFrom = DateInput.Read(k => query[k], "dueFrom"),
            DueTo = DateInput.Read(k => query[k], "dueTo"),
            Overdue = Flag(query, "overdue"),
            DueSoon = Flag(query, "dueSoon"),
            Mine = isOwner && (query.ContainsKey("mine") ? Flag(query, "mine") : true),
        };
    }

    /// <summary>The service's query, or null (with errors in <paramref name="modelState"/>) when a date makes no date.</summary>
    public ActivityQuery? ToQuery(ModelStateDictionary modelState, string? after, int pageSize = ActionRegisterService.DefaultPageSize)
    {
        var from = DateInput.Parse(modelState, "dueFrom", "Due from", DueFrom);
        var to = DateInput.Parse(modelState, "dueTo", "Due to", DueTo);
        if (from is not null && to is not null && to < from)
        {
            modelState.AddModelError("dueTo", "The ‘due to’ date must be the same as or after the ‘due from’ date");
        }

        // Only the filters' own errors count: a saved view's missing name must not empty the register.
        return modelState.HasError("dueFrom") || modelState.HasError("dueTo") ? null : new ActivityQuery
        {
            Status = Status,
            Owner = Owner,
            DirectorGeneral = DirectorGeneral,
            ServiceLine = ServiceLine,
            Origin = Origin,
            DueFrom = from,
            DueTo = to,
            Overdue = Overdue,
            DueSoon = DueSoon,
            Mine = Mine,
            After = after,
            PageSize = pageSize,
        };
    }

    /// <summary>The filters as a query string (without "?"), the same for the page, the CSV link and a saved view.
    /// <paramref name="isOwner"/>: "mine" is written for owners only, whose default it is.</summary>
    public string ToQueryString(bool isOwner)
    {
        var parts = new List<(string, string)>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add((key, value));
            }
        }

        Add("status", Status?.ToString());
        Add("owner", Owner);
        Add("dg", DirectorGeneral);
        Add("serviceLine", ServiceLine);
        Add("origin", Origin?.ToString());
        foreach (var (name, date) in new[] { ("dueFrom", DueFrom), ("dueTo", DueTo) })
        {
            Add($"{name}.day", date.Day);
            Add($"{name}.month", date.Month);
            Add($"{name}.year", date.Year);
        }

        Add("overdue", Overdue ? "true" : null);
        Add("dueSoon", DueSoon ? "true" : null);
        if (isOwner)
        {
            Add("mine", Mine ? "true" : "false");
        }

        return string.Join('&', parts.Select(p => $"{Uri.EscapeDataString(p.Item1)}={Uri.EscapeDataString(p.Item2)}"));
    }

    /// <summary>What the filters select, in words, for the caption and the saved view's list.</summary>
    public IReadOnlyList<string> Describe()
    {
        var words = new List<string>();
        if (Mine)
        {
            words.Add("my teams' activities");
        }

        if (Status is { } s)
        {
            words.Add(ActivityRules.Describe(s).ToLowerInvariant());
        }

        if (Origin is { } o)
        {
            words.Add(ActivityRules.Describe(o).ToLowerInvariant());
        }

        if (Owner is not null)
        {
            words.Add($"owner {Owner}");
        }

        if (DirectorGeneral is not null)
        {
            words.Add($"accountable {DirectorGeneral}");
        }

        if (ServiceLine is not null)
        {
            words.Add($"service line {ServiceLine}");
        }

        if (Overdue)
        {
            words.Add("overdue");
        }

        if (DueSoon)
        {
            words.Add($"due within {ActivityRules.DueSoonDays.ToString(CultureInfo.InvariantCulture)} days");
        }

        if (!DueFrom.IsEmpty)
        {
            words.Add($"due from {DueFrom.Day}/{DueFrom.Month}/{DueFrom.Year}");
        }

        if (!DueTo.IsEmpty)
        {
            words.Add($"due by {DueTo.Day}/{DueTo.Month}/{DueTo.Year}");
        }

        return words;
    }
}

/// <summary>How the register shows an activity's state, the same on every page.</summary>
public static class ActivityDisplay
{
    public static string TagClass(ActivityState state) => state switch
    {
        ActivityState.NotStarted => "govuk-tag--grey",
        ActivityState.InProgress => "govuk-tag--blue",
        ActivityState.AwaitingAssurance => "govuk-tag--yellow",
        ActivityState.PartlyAssured => "govuk-tag--orange",
        ActivityState.Complete => "govuk-tag--green",
        _ => "govuk-tag--purple",
    };

    public static string Overdue(int days) => days == 1 ? "1 day overdue" : $"{days.ToString("N0", CultureInfo.GetCultureInfo("en-GB"))} days overdue";

    /// <summary>The start of a long text, cut at a word, for a table cell; the activity's own page has it in full.</summary>
    public static string Truncate(string text, int max = 140)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', max);
        return text[..(cut > max / 2 ? cut : max)].TrimEnd(',', ';', ':', '.') + "…";
    }
}
