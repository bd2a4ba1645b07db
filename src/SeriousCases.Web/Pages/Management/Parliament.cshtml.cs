using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Common;
using SeriousCases.Core.Investigations;
using SeriousCases.Core.Management;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Management;

/// <summary>Answers for Parliament and ministers for a chosen period, as a page and a Word document.</summary>
public sealed class ParliamentModel(ParliamentReportService reports, TimeProvider clock) : PageModel
{
    [FromQuery(Name = "format")] public string? Format { get; set; }
    public DateFields From { get; private set; } = DateFields.Empty;
    public DateFields To { get; private set; } = DateFields.Empty;
    public ParliamentReport? Report { get; private set; }

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
                Report = await reports.ReportAsync(from.Value, to.Value, ct);
            }
            catch (DomainValidationException ex)
            {
                ModelState.AddDomainErrors(ex);
            }
        }

        if (Report is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (string.Equals(Format, "docx", StringComparison.OrdinalIgnoreCase))
        {
            return File(ParliamentReportService.Docx(Report), ParliamentReportService.DocxContentType,
                string.Create(CultureInfo.InvariantCulture, $"answers-for-parliament-{Report.Figures.Filter.From:yyyy-MM-dd}-to-{Report.Figures.Filter.To:yyyy-MM-dd}.docx"));
        }

        return Page();
    }

    public string DocxUrl => "/management/parliament?" + string.Join('&',
        Request.Query.Where(q => q.Key != "format").Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}").Append("format=docx"));

    public DateInputView DateView(ModelStateDictionary state, bool isFrom) => isFrom
        ? new("from", "From", From, state["from"]?.Errors.FirstOrDefault()?.ErrorMessage, "For example, 1 4 2026")
        : new("to", "To", To, state["to"]?.Errors.FirstOrDefault()?.ErrorMessage, "For example, 31 3 2027");
}
