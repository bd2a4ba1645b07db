using Microsoft.AspNetCore.Mvc;
using SeriousCases.Core.Common;
using SeriousCases.Core.Panel.Minutes;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Panel.Meetings;

/// <summary>A form recording one date of the minutes (agreed, circulated), shown by <c>_MinutesDateForm</c>.</summary>
public abstract class MinutesDateModel(MinutesService minutes) : MinutesFormModel(minutes)
{
    public DateFields Date { get; private set; } = DateFields.Empty;

    /// <summary>The field's name, as the service names its errors.</summary>
    public abstract string Field { get; }

    public abstract string Heading { get; }

    public abstract string Label { get; }

    public abstract string Hint { get; }

    public abstract string Button { get; }

    protected override string FirstField => Field;

    protected abstract DateOnly? Current { get; }

    protected abstract Task<string> RecordAsync(Guid id, DateOnly? date, CancellationToken ct);

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        await OpenAsync(id, ct);
        Date = DateFields.Of(Current ?? Minutes.Today);
    }

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Date = DateInput.Read(k => Request.Form[k], Field);
        var date = DateInput.Parse(ModelState, Field, Label, Date);
        return SaveAsync(id, () => RecordAsync(id, date, ct), ct);
    }

    protected static string On(DateOnly? date) => date is { } d ? UkTime.Format(d) : "";
}
