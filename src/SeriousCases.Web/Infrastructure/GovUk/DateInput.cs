using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Primitives;

namespace SeriousCases.Web.Infrastructure.GovUk;

/// <summary>The three boxes of a GOV.UK date input, as typed, so they can be shown back unchanged.</summary>
public sealed record DateFields(string? Day, string? Month, string? Year)
{
    public static readonly DateFields Empty = new(null, null, null);

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    public static DateFields Of(DateOnly? date) => date is { } d
        ? new(d.Day.ToString(System.Globalization.CultureInfo.InvariantCulture), d.Month.ToString(System.Globalization.CultureInfo.InvariantCulture), d.Year.ToString(System.Globalization.CultureInfo.InvariantCulture))
        : Empty;
}

/// <summary>What the date input partial (Pages/Shared/_DateInput.cshtml) shows.</summary>
public sealed record DateInputView(string Name, string Label, DateFields Value, string? Error, string Hint = "For example, 27 3 2023", string LegendClass = "govuk-fieldset__legend--s");

/// <summary>Reads and checks a GOV.UK date input ("name.day", "name.month", "name.year") with the design system's error wording.</summary>
public static class DateInput
{
    public static DateFields Read(Func<string, StringValues> values, string name) =>
        new(values($"{name}.day"), values($"{name}.month"), values($"{name}.year"));

    /// <summary>The date, or null when empty or wrong; a wrong date adds an error under <paramref name="key"/>.
    /// Years before <paramref name="minYear"/> are taken as mistyped (a customer's journey may reach further back).</summary>
    public static DateOnly? Parse(ModelStateDictionary modelState, string key, string label, DateFields fields, int minYear = 2000)
    {
        if (fields.IsEmpty)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(fields.Day) || string.IsNullOrWhiteSpace(fields.Month) || string.IsNullOrWhiteSpace(fields.Year))
        {
            var missing = new[] { ("day", fields.Day), ("month", fields.Month), ("year", fields.Year) }
                .Where(p => string.IsNullOrWhiteSpace(p.Item2)).Select(p => p.Item1);
            modelState.AddModelError(key, $"{label} must include a {string.Join(" and ", missing)}");
            return null;
        }

        if (int.TryParse(fields.Day, out var d) && int.TryParse(fields.Month, out var m) && int.TryParse(fields.Year, out var y)
            && y >= minYear && y <= 2100 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
        {
            return new DateOnly(y, m, d);
        }

        modelState.AddModelError(key, $"{label} must be a real date");
        return null;
    }
}
