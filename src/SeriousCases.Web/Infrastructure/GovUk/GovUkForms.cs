using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace SeriousCases.Web.Infrastructure.GovUk;

/// <summary>GOV.UK form patterns built from a page's ModelState.</summary>
public static class GovUkForms
{
    /// <summary>The error summary for every field in error, each linking to its field (or to
    /// <paramref name="anchor"/>'s choice), or nothing when the form is valid.</summary>
    public static IHtmlContent ErrorSummary(ModelStateDictionary modelState, Func<string, string>? anchor = null)
    {
        if (modelState.IsValid)
        {
            return HtmlString.Empty;
        }

        return GovUk.ErrorSummary(new ErrorSummaryOptions
        {
            TitleText = "There is a problem",
            ErrorList = [.. modelState
                .Where(e => e.Value is { Errors.Count: > 0 })
                .Select(e => new ErrorSummaryItem { Text = e.Value!.Errors[0].ErrorMessage, Href = "#" + (anchor?.Invoke(e.Key) ?? e.Key) })],
        });
    }
}
