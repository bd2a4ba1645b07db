using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace SeriousCases.Web.Infrastructure.GovUk;

/// <summary>GOV.UK form patterns built from a page's ModelState.</summary>
public static class GovUkForms
{
    /// <summary>The error summary for every field in error, each linking to its field (or to
    /// <paramref name="anchor"/>'s choice), or nothing when the form is valid.</summary>
    public static IHtmlContent ErrorSummary(ModelStateDictionary modelState, Func<string, string>? anchor = null) =>
        ErrorSummary(modelState, anchor, []);

    /// <summary>As above, listing the errors in the order the fields appear on the page (<paramref name="fieldOrder"/>;
    /// fields not named there come last, in model state order). ModelState alone does not keep the order of the
    /// form: bound fields come first and a date input the page reads itself comes after them.</summary>
    public static IHtmlContent ErrorSummary(ModelStateDictionary modelState, Func<string, string>? anchor, IReadOnlyList<string> fieldOrder)
    {
        if (modelState.IsValid)
        {
            return HtmlString.Empty;
        }

        var order = fieldOrder.ToList();
        int Position(string key) => order.IndexOf(key) is var i and >= 0 ? i : order.Count;
        return GovUk.ErrorSummary(new ErrorSummaryOptions
        {
            TitleText = "There is a problem",
            ErrorList = [.. modelState
                .Where(e => e.Value is { Errors.Count: > 0 })
                .OrderBy(e => Position(e.Key))
                .Select(e => new ErrorSummaryItem { Text = e.Value!.Errors[0].ErrorMessage, Href = "#" + (anchor?.Invoke(e.Key) ?? e.Key) })],
        });
    }
}
