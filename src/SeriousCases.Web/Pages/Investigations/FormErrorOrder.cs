using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Investigations;

/// <summary>The error summary in the order the fields appear on the page. Model state lists bound fields first
/// and a date input (read by the page itself) after them, which would put the date's error out of place.</summary>
public static class FormErrorOrder
{
    public static IHtmlContent Summary(ModelStateDictionary modelState, IReadOnlyList<string> fields, IReadOnlyDictionary<string, string>? anchors = null)
    {
        if (modelState.IsValid)
        {
            return HtmlString.Empty;
        }

        int Position(string key) => fields.Contains(key) ? fields.ToList().IndexOf(key) : int.MaxValue;
        return GovUk.ErrorSummary(new ErrorSummaryOptions
        {
            TitleText = "There is a problem",
            ErrorList = [.. modelState
                .Where(e => e.Value is { Errors.Count: > 0 })
                .OrderBy(e => Position(e.Key))
                .Select(e => new ErrorSummaryItem { Text = e.Value!.Errors[0].ErrorMessage, Href = "#" + (anchors?.GetValueOrDefault(e.Key) ?? e.Key) })],
        });
    }
}
