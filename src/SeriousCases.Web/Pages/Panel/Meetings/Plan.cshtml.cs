using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Common;
using SeriousCases.Core.Panel;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Panel.Meetings;

/// <summary>Plans a year's meetings on one form: a date in each quarter that has no meeting yet.</summary>
public sealed class PlanModel(PanelMeetingService meetings) : PageModel
{
    [BindProperty(Name = "format")] public MeetingFormat? Format { get; set; }
    [BindProperty(SupportsGet = true, Name = "year")] public int? Year { get; set; }

    public MeetingYear Schedule { get; private set; } = null!;

    /// <summary>The dates typed for each quarter (index 0 is Q1).</summary>
    public DateFields[] Dates { get; } = [DateFields.Empty, DateFields.Empty, DateFields.Empty, DateFields.Empty];

    public string? Error(string key) => ModelState[key]?.Errors.FirstOrDefault()?.ErrorMessage;

    /// <summary>The meeting already in a quarter, if any.</summary>
    public MeetingRow? MeetingIn(FinancialQuarter q) => Schedule.Meetings.FirstOrDefault(m => q.Contains(m.MeetingOn));

    public async Task OnGetAsync(CancellationToken ct) => Schedule = await meetings.YearAsync(ValidYear, ct);

    private int? ValidYear => Year is >= 2019 and <= 2100 ? Year : null;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Schedule = await meetings.YearAsync(ValidYear, ct);
        ModelState.Remove("format");
        var dates = new List<DateOnly?>();
        foreach (var q in PanelSchedule.Quarters(Schedule.Year))
        {
            var key = $"q{q.Number}";
            Dates[q.Number - 1] = MeetingIn(q) is null ? DateInput.Read(k => Request.Form[k], key) : DateFields.Empty;
            dates.Add(DateInput.Parse(ModelState, key, $"The date for Q{q.Number}", Dates[q.Number - 1]));
        }

        var errors = await meetings.CheckYearPlanAsync(Schedule.Year, dates, Format, ct);
        if (ModelState.IsValid && !errors.Any)
        {
            var planned = await meetings.PlanYearAsync(Schedule.Year, dates, Format, ct);
            TempData["Saved"] = planned.Count == 1
                ? $"1 meeting planned for {PanelSchedule.DescribeYear(Schedule.Year)}"
                : $"{planned.Count} meetings planned for {PanelSchedule.DescribeYear(Schedule.Year)}";
            return Redirect($"/panel?year={Schedule.Year}");
        }

        // Every problem at once; a date whose boxes make no date already has its own message.
        var typed = Dates.Any(d => !d.IsEmpty);
        ModelState.AddDomainErrors(new DomainValidationException([.. errors.All.Where(e => !(e.Field == "dates" && typed))]));
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
