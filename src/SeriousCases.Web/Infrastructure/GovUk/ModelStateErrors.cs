using Microsoft.AspNetCore.Mvc.ModelBinding;
using SeriousCases.Core.Common;

namespace SeriousCases.Web.Infrastructure.GovUk;

/// <summary>Model state helpers for pages that show the domain's errors beside those the page found itself.</summary>
public static class ModelStateErrors
{
    /// <summary>Whether <paramref name="key"/> already has an error (a bound field always has an entry, with or without errors).</summary>
    public static bool HasError(this ModelStateDictionary modelState, string key) =>
        modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0;

    /// <summary>Adds the domain's errors under the fields they name, except where the page already reported
    /// that field (a date whose boxes make no date, for example), so each field shows one message.</summary>
    public static void AddDomainErrors(this ModelStateDictionary modelState, DomainValidationException ex)
    {
        var reportedByPage = ex.Errors.Select(e => e.Field).Where(modelState.HasError).ToHashSet(StringComparer.Ordinal);
        foreach (var error in ex.Errors.Where(e => !reportedByPage.Contains(e.Field)))
        {
            modelState.AddModelError(error.Field, error.Message);
        }
    }
}
