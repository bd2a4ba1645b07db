using System.Globalization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using SeriousCases.Web.Infrastructure.Authorization;

namespace SeriousCases.Web.Pages.Minutes;

/// <summary>The Serious Case Panel's published minutes and current Terms of Reference are public: readable without
/// signing in. These pages read only the published (redacted) text, never the draft or the attendance record.</summary>
public sealed class MinutesPublicFeature : IFeatureAccess
{
    public void Configure(PageConventionCollection pages) => pages.AllowAnonymousToFolder("/Minutes");

    /// <summary>The meeting date in a public address ("2020-07-02"), or null when it is not one.</summary>
    public static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public static string Href(DateOnly meetingOn) => $"/minutes/{meetingOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
}
