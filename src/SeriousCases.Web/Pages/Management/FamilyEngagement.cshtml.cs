using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Common;
using SeriousCases.Core.Investigations;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Management;

/// <summary>Management information on family engagement for a period (the current April to March reporting year
/// unless chosen): counts only, on the page or as a CSV file.</summary>
public sealed class FamilyEngagementModel(FamilyEngagementService family, TimeProvider clock) : PageModel
{
    [FromQuery(Name = "format")] public string? Format { get; set; }
    public DateFields From { get; private set; } = DateFields.Empty;
    public DateFields To { get; private set; } = DateFields.Empty;
    public FamilyEngagementFigures? Figures { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var year = ReportingYear.Containing(UkTime.Today(clock));
        From = DateInput.Read(k => Request.Query[k], "from");
        To = DateInput.Read(k => Request.Query[k], "to");
        From = From.IsEmpty ? DateFields.Of(year.From) : From;
        To = To.IsEmpty ? DateFields.Of(year.To) : To;
        var from = DateInput.Parse(ModelState, "from", "The ‘from’ date", From);
        var to = DateInput.Parse(ModelState, "to", "The ‘to’ date", To);
        if (from is not null && to is not null)
        {
            try
            {
                Figures = await family.FiguresAsync(from.Value, to.Value, ct);
            }
            catch (DomainValidationException ex)
            {
                ModelState.AddDomainErrors(ex);
            }
        }

        if (Figures is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (string.Equals(Format, "csv", StringComparison.OrdinalIgnoreCase))
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"family-engagement-{Figures.From:yyyy-MM-dd}-to-{Figures.To:yyyy-MM-dd}.csv");
            return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Csv(Figures))).ToArray(), "text/csv; charset=utf-8", name);
        }

        return Page();
    }

    /// <summary>Every figure as a measure and a count, in the order the page shows them.</summary>
    public static IReadOnlyList<(string Measure, int Count)> Measures(FamilyEngagementFigures f) =>
    [
        ("IPRs with a contact or meeting", f.CasesWithContact),
        ("Contacts (other than meetings)", f.Contacts),
        ("Meetings", f.Meetings),
        .. f.ByLevel.SelectMany(l => new[]
        {
            ($"Contacts by a {FamilyEngagementService.Describe(l.Level)}", l.Contacts),
            ($"Meetings with a {FamilyEngagementService.Describe(l.Level)}", l.Meetings),
            ($"IPRs with a contact or meeting at {FamilyEngagementService.Describe(l.Level)} level", l.Cases),
        }),
        ("Apologies given", f.ApologiesGiven),
        ("IPRs where an apology was given", f.CasesWithApology),
    ];

    /// <summary>Counts and fixed labels only, so nothing in the file can be read as a spreadsheet formula.</summary>
    public static string Csv(FamilyEngagementFigures f)
    {
        var csv = new StringBuilder("From,To,Measure,Count\r\n");
        foreach (var (measure, count) in Measures(f))
        {
            csv.Append(CultureInfo.InvariantCulture, $"{f.From:yyyy-MM-dd},{f.To:yyyy-MM-dd},{measure},{count}\r\n");
        }

        return csv.ToString();
    }

    public string CsvUrl => "/management/family-engagement?" + string.Join('&',
        Request.Query.Where(q => q.Key != "format").Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}")
            .Append("format=csv"));

    public DateInputView DateView(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, bool isFrom) => isFrom
        ? new("from", "From", From, state["from"]?.Errors.FirstOrDefault()?.ErrorMessage, "For example, 1 4 2026")
        : new("to", "To", To, state["to"]?.Errors.FirstOrDefault()?.ErrorMessage, "For example, 31 3 2027");
}
