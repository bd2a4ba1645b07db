using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Common;
using SeriousCases.Core.Insight;
using SeriousCases.Core.ReferenceData;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Insight;

/// <summary>The register: search by words, source, service line, dates and status; newest first by default; paged.</summary>
public sealed class IndexModel(InsightService insight, TimeProvider clock) : PageModel
{
    [FromQuery(Name = "q")] public string? Text { get; set; }
    [FromQuery(Name = "source")] public string? Source { get; set; }
    [FromQuery(Name = "serviceLine")] public string? ServiceLine { get; set; }
    [FromQuery(Name = "status")] public InsightStatus? Status { get; set; }
    [FromQuery(Name = "sort")] public InsightSort Sort { get; set; }
    [FromQuery(Name = "after")] public string? After { get; set; }
    /// <summary>How many items came before this page, for "Items 26 to 50"; carried in the links, not used to query.</summary>
    [FromQuery(Name = "start")] public int Start { get; set; }
    public DateFields From { get; private set; } = DateFields.Empty;
    public DateFields To { get; private set; } = DateFields.Empty;
    public IReadOnlyList<InsightSource> Sources { get; private set; } = [];
    public IReadOnlyList<ServiceLine> ServiceLines { get; private set; } = [];
    public InsightPage? Results { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Today = UkTime.Today(clock);
        (Sources, ServiceLines) = await insight.ChoicesAsync(ct);
        From = DateInput.Read(k => Request.Query[k], "from");
        To = DateInput.Read(k => Request.Query[k], "to");
        var from = DateInput.Parse(ModelState, "from", "Received from date", From);
        var to = DateInput.Parse(ModelState, "to", "Received to date", To);
        if (from is not null && to is not null && to < from)
        {
            ModelState.AddModelError("to", "The ‘to’ date must be the same as or after the ‘from’ date");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        try
        {
            Results = await insight.SearchAsync(new InsightQuery
            {
                Text = Text,
                Source = Source,
                ServiceLine = ServiceLine,
                Status = Status,
                From = from,
                To = to,
                Sort = Sort,
                After = After,
            }, ct);
        }
        catch (DomainValidationException ex)
        {
            // A forged or outdated page link: say so, and offer the search again from the start.
            ModelState.AddModelError("after", ex.Message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    /// <summary>The "received from" (0) and "received to" (1) date inputs, with any error.</summary>
    public DateInputView DateView(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, int which) => which == 0
        ? new("from", "Received from", From, state["from"]?.Errors.FirstOrDefault()?.ErrorMessage)
        : new("to", "Received to", To, state["to"]?.Errors.FirstOrDefault()?.ErrorMessage);

    /// <summary>This search from another point: the next page (with its cursor) or the first (without).</summary>
    public string PageUrl(string? after, int start)
    {
        var query = Request.Query.Where(q => q.Key is not ("after" or "start"))
            .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}");
        if (after is not null)
        {
            query = query.Append($"after={Uri.EscapeDataString(after)}").Append($"start={start.ToString(CultureInfo.InvariantCulture)}");
        }

        return "/insight?" + string.Join('&', query);
    }

    public static string Describe(InsightStatus status) => status switch
    {
        InsightStatus.Responded => "Responded",
        InsightStatus.Closed => "Closed",
        _ => "Open",
    };

    public static string Describe(InsightSort sort) => sort switch
    {
        InsightSort.OldestFirst => "Oldest first",
        InsightSort.ResponseDue => "Response due soonest (items with a deadline)",
        _ => "Newest first",
    };
}
